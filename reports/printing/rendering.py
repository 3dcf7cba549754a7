"""HTML to PDF: the one place WeasyPrint is called, with the static-only fetcher."""

import hashlib
from dataclasses import dataclass
from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from reports.printing.fetcher import BASE_URL, static_only_fetcher
from reports.printing.registry import PrintableKind

STYLESHEET = "css/print.css"


@dataclass(frozen=True)
class PrintedHTML:
    html: str
    fingerprint: str


@cache
def _renderer_fingerprint() -> bytes:
    import weasyprint

    with open(finders.find(STYLESHEET), "rb") as stylesheet:
        return weasyprint.__version__.encode() + b"\0" + stylesheet.read()


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
    """Lays out and writes the PDF. Nothing outside the application's static files is loaded."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher()).render()
    on_progress(80)
    content = document.write_pdf()
    return RenderedPDF(content=content, page_count=len(document.pages))
