"""The portal pages and files the API points to, as absolute addresses in the active language."""

from django.urls import reverse

REVIEW_PAGE = "knowledge:review"
PUBLICATION_PAGE = "knowledge:publication"
PUBLICATION_PDF = "knowledge:publication_pdf"
PUBLICATION_FILE = "knowledge:publication_file"


def portal_url(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))
