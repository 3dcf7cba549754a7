"""One pipeline for every printable document: a registry of kinds, safe HTML, and PDF jobs.

A kind names how to load its source for a viewer (404 outside the viewer's scope), the
permission that lets a person see it, the print template and its context. The HTML is built from
sanitised text, WeasyPrint fetches nothing but the application's own static files, and every
render goes through `services.render_job`, whether a Celery worker, the in-process fallback or
the `render_document` command runs it.
"""
