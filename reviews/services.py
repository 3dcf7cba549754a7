"""Changes to regional reviews: views, commands and the demo call these, never re-implement them."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import save_if_unchanged
from core.uploads import DOCX, ODT, PDF, PPTX, XLSX, check_upload
from core.versions import PUBLIC, bump, review_scope
from reference.models import Commission, Objective
from reviews.checklist import TEMPLATE
from reviews.enums import Affiliation, PhaseKind, ReviewStatus, Visibility
from reviews.models import (
    ChecklistItem,
    DocumentComment,
    DocumentVersion,
    RegionalReview,
    ReviewCycle,
    ReviewDocument,
    ReviewStatusChange,
    RoadmapPhase,
    Roundtable,
    Session,
    Speaker,
)

DOCUMENT_KINDS = (PDF, DOCX, ODT, XLSX, PPTX)
DOCUMENT_MAX_BYTES = 25 * 1024 * 1024
TARGET_FIELDS = [
    "target_women_share",
    "target_countries",
    "target_subregions",
    "target_society_share",
]


class StatusChangeRefused(Exception):
    """The review is not, or no longer, in a state from which the requested move is allowed."""

    def __init__(self, message: str, current: RegionalReview):
        self.message = message
        self.current = current
        super().__init__(message)


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
    bump(review_scope(review.pk), PUBLIC)  # updates send no signals


@transaction.atomic
def save_roadmap(*, review: RegionalReview, phases: list[RoadmapPhase]) -> None:
    """Save the edited phases of the review's roadmap, all or none."""
    for phase in phases:
        if phase.review_id != review.pk:
            raise ValueError("A roadmap phase of another review")
        phase.save()


@transaction.atomic
def update_review(*, review: RegionalReview, expected_version: int, fields: list[str]) -> None:
    """Save the edited fields unless someone saved the review since the form was opened."""
    save_if_unchanged(review, expected_version=expected_version, fields=fields)
    sync_meeting_phase(review=review)


@transaction.atomic
def set_review_status(
    *,
    review: RegionalReview,
    status: str,
    actor,
    expected_status: str | None = None,
) -> ReviewStatusChange:
    """Move the review to `status`, if ReviewStatus.transitions() allows it from where it is.

    The row is locked and its stored status re-checked against what the caller saw
    (`expected_status`, by default the status of the `review` it holds): a move decided on a
    stale page is refused with StatusChangeRefused, and so is a move the transitions forbid.

    Side effects: the stored status changes (which decides whether the review, its documents
    and its calendar are public); a ReviewStatusChange row records who, when, from and to.
    """
    locked = RegionalReview.objects.select_for_update().get(pk=review.pk)
    current = ReviewStatus(locked.status)
    seen = review.status if expected_status is None else expected_status
    if current != seen:
        raise StatusChangeRefused(
            _("Someone else changed the status of this review to “%(status)s” meanwhile.")
            % {"status": current.label},
            locked,
        )
    if not current.may_become(status):
        raise StatusChangeRefused(
            _("A review cannot go from “%(current)s” to “%(status)s”.")
            % {"current": current.label, "status": ReviewStatus(status).label},
            locked,
        )
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    review.status = status
    return ReviewStatusChange.objects.create(
        review=locked, actor=actor, from_status=current, to_status=status
    )


@transaction.atomic
def set_targets(*, review: RegionalReview, expected_version: int) -> None:
    """Save the balance targets held by `review` unless it changed since the form was opened."""
    save_if_unchanged(review, expected_version=expected_version, fields=TARGET_FIELDS)


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
    """Store a new version of a document in one language, after checking its content and size.

    Numbers follow each other per document and language. Two uploads at the same moment are
    serialised by locking the document; should a number be taken all the same (a database
    without row locks), the unique constraint refuses it and the next number is tried.
    """
    kind = check_upload(upload, allowed=DOCUMENT_KINDS, max_bytes=DOCUMENT_MAX_BYTES)
    ReviewDocument.objects.select_for_update().get(pk=document.pk)
    original_name = upload.name.rsplit("/", 1)[-1][:255]
    attempts_left = 3
    while True:
        attempts_left -= 1
        latest = (
            DocumentVersion.objects.filter(document=document, language=language)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        number = (latest or 0) + 1
        version = DocumentVersion(
            document=document,
            language=language,
            number=number,
            original_name=original_name,
            content_type=kind.content_type,
            size=upload.size,
            uploaded_by=actor,
        )
        upload.seek(0)
        version.file.save(f"{language}-v{number}{kind.extensions[0]}", upload, save=False)
        try:
            with transaction.atomic():
                version.save()
        except IntegrityError:
            version.file.delete(save=False)
            if not attempts_left:
                raise
        else:
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


def add_session(
    *,
    review: RegionalReview,
    kind: str,
    title: str,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time | None = None,
    place: str = "",
    roundtable: Roundtable | None = None,
) -> Session:
    """A session of the review's programme (later apps add side events through this)."""
    return Session.objects.create(
        review=review,
        kind=kind,
        title=title,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        roundtable=roundtable,
    )


def add_speaker(
    *,
    session: Session,
    role: str,
    name: str,
    gender: str,
    affiliation: str,
    title: str = "",
    country=None,
    stakeholder_category=None,
) -> Speaker:
    """A person in a role in a session; only stakeholders carry a stakeholder category."""
    return Speaker.objects.create(
        session=session,
        role=role,
        name=name,
        title=title,
        gender=gender,
        country=country,
        affiliation=affiliation,
        stakeholder_category=stakeholder_category
        if affiliation == Affiliation.STAKEHOLDER
        else None,
    )
