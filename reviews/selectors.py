"""Reads of reviews, scoped to the user who asks and loaded in a fixed number of queries."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from reference.models import Objective
from reviews.balance import Balance, Targets
from reviews.checklist import TEMPLATE_BY_KEY, Evaluation, evaluator_for
from reviews.enums import (
    ChecklistSection,
    ChecklistStatus,
    PhaseKind,
    ReviewStatus,
    Visibility,
)
from reviews.models import (
    ChecklistItem,
    DocumentVersion,
    RegionalReview,
    ReviewDocument,
    RoadmapPhase,
    Roundtable,
    Session,
    Speaker,
)


def reviews_visible_to(user) -> QuerySet[RegionalReview]:
    reviews = RegionalReview.objects.select_related("cycle", "commission")
    if user.is_authenticated and user.scopes.network:
        return reviews
    public = reviews.filter(status__in=ReviewStatus.public_states())
    if user.is_authenticated and user.scopes.commission_ids:
        return public | reviews.filter(commission_id__in=user.scopes.commission_ids)
    return public


def reviews_managed_by(user) -> QuerySet[RegionalReview]:
    reviews = RegionalReview.objects.select_related("cycle", "commission")
    if not user.is_authenticated:
        return reviews.none()
    if user.scopes.network:
        return reviews
    return reviews.filter(commission_id__in=user.scopes.commission_ids)


def speakers_with_details() -> QuerySet[Speaker]:
    return Speaker.objects.select_related("country", "stakeholder_category")


@dataclass(frozen=True)
class Deadline:
    label: str
    date: datetime.date
    done: bool

    def state(self, today: datetime.date) -> str:
        if self.done:
            return "done"
        return "overdue" if self.date < today else "upcoming"


@dataclass
class ChecklistRow:
    item: ChecklistItem
    text: str
    section: str
    evaluation: Evaluation | None

    @property
    def section_label(self) -> str:
        return ChecklistSection(self.section).label

    @property
    def status_label(self) -> str:
        return ChecklistStatus(self.status).label

    @property
    def decided_by_data(self) -> bool:
        return self.evaluation is not None

    @property
    def status(self) -> str:
        """Decided by the data where an evaluator exists, unless set to not applicable."""
        if self.item.status == ChecklistStatus.NOT_APPLICABLE or self.evaluation is None:
            return self.item.status
        return self.evaluation.status

    @property
    def has_problem(self) -> bool:
        return (
            self.evaluation is not None
            and not self.evaluation.met
            and (self.item.status != ChecklistStatus.NOT_APPLICABLE)
        )


@dataclass
class DocumentTiming:
    document: ReviewDocument
    state: str  # "on_time", "late" (shared after the due date) or "overdue" (not shared, past due)


def _fact_lookups() -> list[Prefetch]:
    return [
        Prefetch(
            "roundtables",
            queryset=Roundtable.objects.prefetch_related(
                Prefetch("objectives", queryset=Objective.objects.order_by("number"))
            ),
            to_attr="fact_roundtables",
        ),
        Prefetch(
            "sessions",
            queryset=Session.objects.select_related("roundtable").prefetch_related(
                Prefetch("speakers", queryset=speakers_with_details())
            ),
            to_attr="fact_sessions",
        ),
        Prefetch(
            "documents",
            queryset=ReviewDocument.objects.annotate(
                comment_count=Count("comments")
            ).prefetch_related(
                Prefetch(
                    "versions", queryset=DocumentVersion.objects.order_by("language", "-number")
                )
            ),
            to_attr="fact_documents",
        ),
        Prefetch("phases", queryset=RoadmapPhase.objects.order_by("pk"), to_attr="fact_phases"),
        Prefetch(
            "checklist_items",
            queryset=ChecklistItem.objects.select_related("owner").order_by("pk"),
            to_attr="fact_items",
        ),
    ]


def facts_for_reviews(
    reviews: list[RegionalReview], today: datetime.date | None = None
) -> list["ReviewFacts"]:
    """Facts of several reviews in a fixed number of queries, however many there are."""
    lookups = _fact_lookups()
    for review in reviews:
        # Facts are always read afresh, even for an instance that was read before.
        for lookup in lookups:
            review.__dict__.pop(lookup.to_attr, None)
    prefetch_related_objects(reviews, *lookups)
    objectives = list(Objective.objects.order_by("number"))
    return [ReviewFacts(review, objectives, today) for review in reviews]


def facts_for(review: RegionalReview, today: datetime.date | None = None) -> "ReviewFacts":
    return facts_for_reviews([review], today)[0]


class ReviewFacts:
    """Everything the dashboard, checklist and evaluators read about one review.

    Built by facts_for() or facts_for_reviews(), which load the related rows in bulk.
    """

    def __init__(
        self,
        review: RegionalReview,
        objectives: list[Objective],
        today: datetime.date | None = None,
    ):
        self.review = review
        self.today = today or timezone.localdate()
        self.objectives = objectives
        self.roundtables = review.fact_roundtables
        self.sessions = sorted(review.fact_sessions, key=lambda s: (s.date, s.start_time, s.pk))
        self.documents = review.fact_documents
        self.phases = review.fact_phases
        self.items = review.fact_items

    @cached_property
    def targets(self) -> Targets:
        return Targets.of(self.review)

    @cached_property
    def speakers(self) -> list[Speaker]:
        return [speaker for session in self.sessions for speaker in session.speakers.all()]

    @cached_property
    def balance(self) -> Balance:
        return Balance.of(self.speakers)

    def session_balance(self, session: Session) -> Balance:
        return Balance.of(session.speakers.all())

    @cached_property
    def uncovered_objectives(self) -> list[Objective]:
        covered = {o.pk for rt in self.roundtables for o in rt.objectives.all()}
        return [objective for objective in self.objectives if objective.pk not in covered]

    @cached_property
    def men_only_sessions(self) -> list[Session]:
        """Sessions whose speakers (moderator included) are all men: a "manel"."""
        return [
            session
            for session in self.sessions
            if len(session.speakers.all()) >= 2
            and all(speaker.gender == "man" for speaker in session.speakers.all())
        ]

    @cached_property
    def men_only_problems(self) -> list[str]:
        return [
            _("Only men speak in the session “%(session)s”.") % {"session": session.title}
            for session in self.men_only_sessions
        ]

    @cached_property
    def programme_problems(self) -> list[str]:
        return self.balance.problems(self.targets) + self.men_only_problems

    @cached_property
    def document_timings(self) -> list[DocumentTiming]:
        due = self.review.documents_due
        timings = []
        for document in self.documents:
            if due is None:
                state = "on_time"
            elif document.shared_on and document.visibility != Visibility.SECRETARIAT:
                state = "late" if document.shared_on > due else "on_time"
            else:
                state = "overdue" if self.today > due else "on_time"
            timings.append(DocumentTiming(document, state))
        return timings

    @cached_property
    def checklist(self) -> list[ChecklistRow]:
        rows = []
        for item in self.items:
            template = TEMPLATE_BY_KEY.get(item.key)
            if template is None:
                continue
            evaluator = evaluator_for(item.key)
            rows.append(
                ChecklistRow(
                    item=item,
                    text=str(template.text),
                    section=template.section,
                    evaluation=evaluator(self) if evaluator else None,
                )
            )
        return rows

    @cached_property
    def readiness(self) -> int:
        counted = [row for row in self.checklist if row.status != ChecklistStatus.NOT_APPLICABLE]
        if not counted:
            return 0
        done = sum(row.status == ChecklistStatus.DONE for row in counted)
        return round(100 * done / len(counted))

    @cached_property
    def problems(self) -> list[ChecklistRow]:
        return [row for row in self.checklist if row.has_problem]

    @cached_property
    def deadlines(self) -> list[Deadline]:
        review, deadlines = self.review, []
        phases = {phase.kind: phase for phase in self.phases}
        if review.consultation_closes:
            deadlines.append(
                Deadline(
                    _("Consultation closes"),
                    review.consultation_closes,
                    review.consultation_closes < self.today,
                )
            )
        if review.documents_due:
            shared = [t for t in self.document_timings if t.document.shared_on]
            deadlines.append(
                Deadline(
                    _("Documents shared"),
                    review.documents_due,
                    bool(shared) and all(t.state == "on_time" for t in self.document_timings),
                )
            )
        if review.meeting_start:
            deadlines.append(
                Deadline(
                    _("Regional review meeting"),
                    review.meeting_start,
                    review.meeting_end is not None and review.meeting_end < self.today,
                )
            )
        if review.report_due:
            report = phases.get("report")
            deadlines.append(
                Deadline(
                    _("Report finalized"),
                    review.report_due,
                    bool(report and report.completed_on),
                )
            )
        return sorted(deadlines, key=lambda d: d.date)

    @cached_property
    def deadline_rows(self) -> list[tuple[Deadline, str]]:
        return [(deadline, deadline.state(self.today)) for deadline in self.deadlines]

    @cached_property
    def next_deadline(self) -> Deadline | None:
        upcoming = [d for d in self.deadlines if d.state(self.today) == "upcoming"]
        return upcoming[0] if upcoming else None

    @cached_property
    def overdue(self) -> list[Deadline]:
        return [d for d in self.deadlines if d.state(self.today) == "overdue"]

    def phase_state(self, phase: RoadmapPhase) -> str:
        if phase.completed_on:
            return "done"
        # A meeting is over when its last day has passed; other phases are closed by hand.
        if phase.kind == PhaseKind.MEETING and phase.ends_on and phase.ends_on < self.today:
            return "done"
        if phase.ends_on and phase.ends_on < self.today:
            return "overdue"
        if phase.starts_on and phase.starts_on <= self.today:
            return "current"
        return "upcoming"

    @cached_property
    def phase_rows(self) -> list[tuple[RoadmapPhase, str]]:
        return [(phase, self.phase_state(phase)) for phase in self.phases]
