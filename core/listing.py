"""What long list pages share: one page of rows at a time, and times shown in local time."""

from collections.abc import Sequence

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format

ROWS_PER_PAGE = 200


def page_of(request, rows: QuerySet | Sequence, per_page: int | None = None) -> dict:
    """The page of `rows` asked for in `?page=`, as the context of includes/pagination.html;
    ROWS_PER_PAGE rows unless the page says otherwise."""
    page = Paginator(rows, per_page or ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return {"page_obj": page, "is_paginated": page.has_other_pages()}


def local_datetime(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def labels(choices) -> dict[str, str]:
    """Each choice's label, translated once for a whole table."""
    return {value: str(label) for value, label in choices}
