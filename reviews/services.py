"""Changes to regional reviews: views, commands and the demo call these, never re-implement them."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.concurrency import save_if_unchanged
from core.uploads import DOCX, ODT, PDF, PPTX, XLSX, check_upload
from reference.models import Commission, Objective
from reviews.checklist import TEMPLATE
from reviews.enums import PhaseKind, Visibility
from reviews.models import (
    ChecklistItem,
    DocumentComment,
    DocumentVersion,
    RegionalReview,
    ReviewCycle,
    ReviewDocument,
    RoadmapPhase,
    Roundtable,
)

DOCUMENT_KINDS = (PDF, DOCX, ODT, XLSX, PPTX)
DOCUMENT_MAX_BYTES = 25 * 1024 * 1024


def create_cycle(*, title: str, slug: str, imrf_year: int) -> ReviewCycle:
    return ReviewCycle.objects.create(title=title, slug=slug, imrf_year=imrf_year)


@transaction.atomic
def create_review(
    *, cycle: ReviewCycle, commission: Commission, title: str, **fields
) -> RegionalReview:
    """Create a review with its roadmap phases, four round tables and the Annex 1 checklist.

    The round tables start from the IMRF grouping of the objectives (A/RES/73/326 para 21(b));
    the secretariat then adjusts them for regional priorities.
    """
    review = RegionalReview.objects.create(
        cycle=cycle, commission=commission, title=title, **fields
    )
    RoadmapPhase.objects.bulk_create(RoadmapPhase(review=review, kind=kind) for kind in PhaseKind)
    sync_meeting_phase(review=review)
    objectives = list(Objective.objects.all())
    for number in (1, 2, 3, 4):
        roundtable = Roundtable.objects.create(review=review, number=number)
        roundtable.objectives.set([o for o in objectives if o.imrf_roundtable == number])
    ChecklistItem.objects.bulk_create(
        ChecklistItem(review=review, key=item.key) for item in TEMPLATE
    )
    return review


def sync_meeting_phase(*, review: RegionalReview) -> None:
    """The meeting phase spans the meeting; the report phase ends when the report is due."""
    review.phases.filter(kind=PhaseKind.MEETING).update(
        starts_on=review.meeting_start, ends_on=review.meeting_end
    )
    review.phases.filter(kind=PhaseKind.REPORT).update(
        starts_on=review.meeting_end, ends_on=review.report_due
    )


@transaction.atomic
def update_review(*, review: RegionalReview, expected_version: int, fields: list[str]) -> None:
    """Save the edited fields unless someone saved the review since the form was opened."""
    save_if_unchanged(review, expected_version=expected_version, fields=fields)
    sync_meeting_phase(review=review)


def set_roundtable(*, roundtable: Roundtable, title: str, objectives) -> None:
    roundtable.title = title
    roundtable.save(update_fields=["title"])
    roundtable.objectives.set(objectives)


@transaction.atomic
def update_checklist_item(*, item: ChecklistItem, expected_version: int) -> None:
    save_if_unchanged(
        item,
        expected_version=expected_version,
        fields=["status", "owner", "due_date", "note", "evidence_links"],
    )


@transaction.atomic
def add_document_version(
    *, document: ReviewDocument, language: str, upload, actor
) -> DocumentVersion:
    """Store a new version of a document in one language, after checking its content and size."""
    kind = check_upload(upload, allowed=DOCUMENT_KINDS, max_bytes=DOCUMENT_MAX_BYTES)
    latest = (
        DocumentVersion.objects.select_for_update()
        .filter(document=document, language=language)
        .order_by("-number")
        .first()
    )
    number = latest.number + 1 if latest else 1
    original_name = upload.name.rsplit("/", 1)[-1][:255]
    version = DocumentVersion(
        document=document,
        language=language,
        number=number,
        original_name=original_name,
        content_type=kind.content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    version.file.save(f"{language}-v{number}{kind.extensions[0]}", upload, save=False)
    version.save()
    return version


def save_document(
    *, document: ReviewDocument, today: datetime.date | None = None
) -> ReviewDocument:
    """Save a document; the day it first becomes visible beyond the secretariat is its sharing day,
    unless the secretariat gave that day itself."""
    if document.visibility != Visibility.SECRETARIAT and document.shared_on is None:
        document.shared_on = today or timezone.localdate()
    document.save()
    return document


def add_comment(*, document: ReviewDocument, author, text: str) -> DocumentComment:
    return DocumentComment.objects.create(document=document, author=author, text=text.strip())
