"""A single submission (Annex 2 or 3), and the regional compendium of a review's accepted ones."""

from django.utils.translation import gettext_lazy as _

from core.listing import labels
from reference.models import Objective
from reports.printing.registry import PrintableKind, register
from reports.printing.safety import user_html, user_line, user_paragraphs
from reviews.models import RegionalReview
from submissions.enums import ImplementationStatus, PlanStatus, SubmissionKind, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission, addressed
from submissions.selectors import progress_of, sections_of

ACCEPTED = [SubmissionStatus.ACCEPTED, SubmissionStatus.PUBLISHED]


def _progress_entry(progress, statuses) -> dict:
    return {
        "status": statuses.get(progress.status, ""),
        "narrative": user_paragraphs(progress.narrative),
        "indicators": user_paragraphs(progress.indicators),
        "promising_practice": user_paragraphs(progress.promising_practice),
    }


def submission_context(submission: Submission, viewer) -> dict:
    statuses = labels(ImplementationStatus.choices)
    progress = progress_of(submission).filter(addressed()).order_by("objective__number")
    return {
        "submission": submission,
        "annex": 2 if submission.kind == SubmissionKind.VOLUNTARY_REVIEW else 3,
        "author": user_line(submission.author_label),
        "review_title": user_line(submission.review.title),
        "plan_status": labels(PlanStatus.choices).get(submission.plan_status, ""),
        "stakeholder_involvement": user_paragraphs(submission.stakeholder_involvement),
        "sections": [
            {
                "anchor": f"section-{text.section.key}",
                "number": text.section.number,
                "title": text.section.display_title,
                "text": user_html(text.text),
            }
            for text in sections_of(submission)
        ],
        "objectives": [
            {
                "anchor": f"objective-{row.objective.number}",
                "number": row.objective.number,
                "title": row.objective.title,
                **_progress_entry(row, statuses),
            }
            for row in progress
        ],
    }


def compendium_context(review: RegionalReview, viewer) -> dict:
    """Every accepted submission of the review, objective by objective (three queries)."""
    statuses = labels(ImplementationStatus.choices)
    objectives = list(Objective.objects.order_by("number"))
    by_objective = {objective.pk: [] for objective in objectives}
    said = (
        ObjectiveProgress.objects.filter(
            addressed(), submission__review=review, submission__status__in=ACCEPTED
        )
        .select_related("submission__country", "submission__organisation", "submission__author")
        .order_by("submission__kind", "submission__country__name", "submission__pk")
    )
    for row in said:
        by_objective[row.objective_id].append(
            {
                "author": user_line(row.submission.author_label),
                "submitted_at": row.submission.submitted_at,
                **_progress_entry(row, statuses),
            }
        )
    submissions = (
        review.submissions.filter(status__in=ACCEPTED)
        .select_related("country", "organisation", "author")
        .order_by("kind", "country__name", "organisation__name", "pk")
    )
    return {
        "review": review,
        "review_title": user_line(review.title),
        "submissions": [
            {"author": user_line(s.author_label), "kind": s.get_kind_display()} for s in submissions
        ],
        "objectives": [
            {
                "anchor": f"objective-{objective.number}",
                "number": objective.number,
                "title": objective.title,
                "entries": by_objective[objective.pk],
            }
            for objective in objectives
        ],
    }


def register_kinds() -> None:
    register(
        PrintableKind(
            name="submission",
            label=_("Submission"),
            permission="submissions.see_submission",
            load=lambda pk: Submission.objects.select_related(
                "review__commission", "country", "organisation", "author", "outline"
            ).get(pk=pk),
            template="print/kinds/submission.html",
            context=submission_context,
            review_of=lambda submission: submission.review,
            describe=lambda submission: f"{submission.author_label}, {submission.review.title}",
        )
    )
    register(
        PrintableKind(
            name="compendium",
            label=_("Compendium of accepted submissions"),
            permission="reviews.manage_review",
            load=lambda pk: RegionalReview.objects.select_related("commission").get(pk=pk),
            template="print/kinds/compendium.html",
            context=compendium_context,
            review_of=lambda review: review,
            describe=lambda review: review.title,
        )
    )
