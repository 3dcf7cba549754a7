"""The portal pages and files the API points to, as absolute addresses in the active language.

The portal (knowledge.urls) and the API ship separately: a page the portal does not serve yet is
linked as null instead of failing the whole response. A page it serves under other arguments than
these still fails loudly (NoReverseMatch), so a mismatch cannot hide.
"""

from django.urls import get_resolver, reverse

REVIEW_PAGE = "knowledge:review"
PUBLICATION_PAGE = "knowledge:publication"
PUBLICATION_PDF = "knowledge:publication_pdf"
PUBLICATION_FILE = "knowledge:publication_file"


def _served(name: str) -> bool:
    namespace, _, short_name = name.partition(":")
    found = get_resolver().namespace_dict.get(namespace)
    return found is not None and short_name in found[1].reverse_dict


def portal_url(request, name: str, **kwargs) -> str | None:
    if not _served(name):
        return None
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))
