"""HTML to PDF: the one place WeasyPrint is called, with the static-only fetcher."""

import hashlib
import time
from dataclasses import dataclass
from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from reports.printing.fetcher import BASE_URL, static_only_fetcher
from reports.printing.progress import pages_laid_out
from reports.printing.registry import PrintableKind

# The print stylesheets: a change to any of them changes every document made with it.
STYLESHEETS = ("css/print.css", "css/print-report.css")
# Roughly, for the progress shown while a document is laid out.
CHARACTERS_PER_PAGE = 3500
PROGRESS_INTERVAL = 0.5  # seconds between two progress writes


@dataclass(frozen=True)
class PrintedHTML:
    html: str
    fingerprint: str


@cache
def _renderer_fingerprint() -> bytes:
    import weasyprint

    fingerprint = weasyprint.__version__.encode()
    for name in STYLESHEETS:
        with open(finders.find(name), "rb") as stylesheet:
            fingerprint += b"\0" + stylesheet.read()
    return fingerprint


def document_html(kind: PrintableKind, source, *, language: str, viewer) -> PrintedHTML:
    """The document's HTML in `language`, as `viewer` may see it, and the fingerprint of all
    that goes into its PDF (the same HTML, stylesheet and renderer give the same document)."""
    with translation.override(language):
        html = render_to_string(kind.template, kind.context(source, viewer))
    digest = hashlib.sha256(_renderer_fingerprint())
    digest.update(f"\0{kind.name}\0{source.pk}\0{language}\0".encode())
    digest.update(html.encode())
    return PrintedHTML(html=html, fingerprint=digest.hexdigest())


@dataclass(frozen=True)
class RenderedPDF:
    content: bytes
    page_count: int


def html_to_pdf(html: str, *, on_progress=lambda percent: None) -> RenderedPDF:
    """Lays out and writes the PDF. Nothing outside the application's static files is loaded.

    `on_progress(percent)` hears of the layout page by page (from 20 to 80 %, against a length
    guessed from the HTML), then at 85 % when the PDF is being written.
    """
    from weasyprint import HTML

    expected = max(1, len(html) // CHARACTERS_PER_PAGE)
    reported = {"percent": 20, "at": 0.0}

    def page_laid_out(number: int) -> None:
        percent = 20 + 60 * min(number, expected) // expected
        now = time.monotonic()
        if percent >= reported["percent"] + 2 and now - reported["at"] >= PROGRESS_INTERVAL:
            reported.update(percent=percent, at=now)
            on_progress(percent)

    with pages_laid_out(page_laid_out):
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher()).render()
    on_progress(85)
    content = document.write_pdf()
    return RenderedPDF(content=content, page_count=len(document.pages))
