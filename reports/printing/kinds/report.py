"""The outcome report of a review, in one of its language versions."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reports.document import report_document
from reports.printing.registry import PrintableKind, register
from reviews.models import RegionalReview


def report_context(review: RegionalReview, viewer) -> dict:
    # A report is printed to be published: its annex names only the participants who share
    # their name with everyone, whoever prints it.
    return {"document": report_document(review.report, get_language(), AnonymousUser())}


def register_kinds() -> None:
    register(
        PrintableKind(
            name="report",
            label=_("Outcome report"),
            permission="reports.manage_report",
            load=lambda pk: RegionalReview.objects.select_related("commission", "report").get(
                pk=pk, report__isnull=False
            ),
            template="reports/print/report.html",
            context=report_context,
            review_of=lambda review: review,
            describe=lambda review: review.title,
            languages_of=lambda review: list(
                review.report.languages.order_by("pk").values_list("language", flat=True)
            ),
        )
    )
