"""Uploads are judged by their content and size, never by their name or the browser's word."""

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileKind("pdf", "PDF", "application/pdf", (".pdf",))
DOCX = FileKind(
    "docx",
    "Word (DOCX)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileKind(
    "xlsx",
    "Excel (XLSX)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
)
PPTX = FileKind(
    "pptx",
    "PowerPoint (PPTX)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
ODT = FileKind(
    "odt", "OpenDocument text (ODT)", "application/vnd.oasis.opendocument.text", (".odt",)
)
CSV = FileKind("csv", "CSV", "text/csv", (".csv",))
PNG = FileKind("png", "PNG", "image/png", (".png",))
JPEG = FileKind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg"))

# The member that marks each Office Open XML format inside its zip container.
_OOXML_MARKERS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", PPTX: "ppt/presentation.xml"}


def _zip_kind(data: bytes) -> FileKind | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names:
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            return ODT if mimetype == ODT.content_type else None
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    for kind, marker in _OOXML_MARKERS.items():
        if marker in names and "[Content_Types].xml" in names:
            return kind
    return None


def _looks_like_csv(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return bool(text.strip()) and not text.lstrip().lower().startswith(("<", "%pdf"))


def detect_kind(data: bytes) -> FileKind | None:
    """What the bytes are, whatever the file is called."""
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if _looks_like_csv(data):
        return CSV
    return None


def check_upload(upload, *, allowed: tuple[FileKind, ...], max_bytes: int) -> FileKind:
    """Return the kind of an uploaded file, or raise a ValidationError a person can act on."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = detect_kind(data)
    allowed_labels = ", ".join(k.label for k in allowed)
    if kind not in allowed:
        raise ValidationError(
            _("This file is not one of the accepted kinds (%(kinds)s)."),
            code="wrong_kind",
            params={"kinds": allowed_labels},
        )
    name = (upload.name or "").lower()
    if not name.endswith(kind.extensions):
        raise ValidationError(
            _("The file's content is %(kind)s but its name does not end in %(extension)s."),
            code="wrong_extension",
            params={"kind": kind.label, "extension": kind.extensions[0]},
        )
    return kind
