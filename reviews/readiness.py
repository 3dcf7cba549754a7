"""The rules that judge a review from its loaded data: deadlines, roadmap, documents, checklist.

Pure: nothing here queries the database. `reviews.selectors.facts_for` loads the parts a page
needs and hands them to ReviewFacts; asking for a part that was not loaded is an error, so a page
cannot load less than it shows, nor quietly load more.
"""

import datetime
import enum
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from reviews.balance import Balance, Targets
from reviews.checklist import TEMPLATE_BY_KEY, Verdict, evaluator_for
from reviews.enums import (
    ChecklistSection,
    ChecklistStatus,
    PhaseKind,
    TimingState,
    Visibility,
)

if TYPE_CHECKING:
    from reference.models import Objective
    from reviews.models import (
        ChecklistItem,
        RegionalReview,
        ReviewDocument,
        RoadmapPhase,
        Roundtable,
        Session,
        Speaker,
    )


class Part(enum.Enum):
    """What facts_for can load about a review; each page asks for the parts it shows."""

    ROUNDTABLES = "roundtables"
    SESSIONS = "sessions"
    DOCUMENTS = "documents"
    PHASES = "phases"
    CHECKLIST = "checklist"


# The checklist's evaluators read every other part.
EVERYTHING = frozenset(Part)


class PartNotLoaded(LookupError):
    pass


@dataclass(frozen=True)
class Deadline:
    label: str
    date: datetime.date
    done: bool

    def state(self, today: datetime.date) -> TimingState:
        if self.done:
            return TimingState.DONE
        return TimingState.OVERDUE if self.date < today else TimingState.UPCOMING


@dataclass
class ChecklistRow:
    item: "ChecklistItem"
    text: str
    section: str
    verdict: Verdict | None

    @property
    def section_label(self) -> str:
        return ChecklistSection(self.section).label

    @property
    def status_label(self) -> str:
        return ChecklistStatus(self.status).label

    @property
    def decided_by_data(self) -> bool:
        return self.verdict is not None

    @cached_property
    def status(self) -> str:
        """Decided by the data where an evaluator exists, unless set to not applicable."""
        if self.item.status == ChecklistStatus.NOT_APPLICABLE or self.verdict is None:
            return self.item.status
        return self.verdict.checklist_status

    @property
    def has_problem(self) -> bool:
        return (
            self.verdict is not None
            and not self.verdict.is_met
            and self.item.status != ChecklistStatus.NOT_APPLICABLE
        )


@dataclass
class DocumentTiming:
    document: "ReviewDocument"
    state: (
        TimingState  # ON_TIME, LATE (shared after the due date) or OVERDUE (not shared, past due)
    )


def document_timing(
    document: "ReviewDocument", due: datetime.date | None, today: datetime.date
) -> TimingState:
    if due is None:
        return TimingState.ON_TIME
    if document.shared_on and document.visibility != Visibility.SECRETARIAT:
        return TimingState.LATE if document.shared_on > due else TimingState.ON_TIME
    return TimingState.OVERDUE if today > due else TimingState.ON_TIME


def phase_state(phase: "RoadmapPhase", today: datetime.date) -> TimingState:
    if phase.completed_on:
        return TimingState.DONE
    # A meeting is over when its last day has passed; other phases are closed by hand.
    if phase.kind == PhaseKind.MEETING and phase.ends_on and phase.ends_on < today:
        return TimingState.DONE
    if phase.ends_on and phase.ends_on < today:
        return TimingState.OVERDUE
    if phase.starts_on and phase.starts_on <= today:
        return TimingState.CURRENT
    return TimingState.UPCOMING


class FactsBatch:
    """The reviews whose facts were loaded together, and what other apps read about all of them.

    An evaluator that needs its own rows loads them once for every review of the batch, so a page
    of several reviews (the cycle dashboard) pays one query, not one per review.
    """

    def __init__(self, reviews: list["RegionalReview"]):
        self.reviews = reviews
        self._loaded: dict[str, Any] = {}

    def load(self, key: str, loader: Callable[[list["RegionalReview"]], Any]) -> Any:
        """`loader(reviews)` the first time `key` is asked for, its answer afterwards."""
        if key not in self._loaded:
            self._loaded[key] = loader(self.reviews)
        return self._loaded[key]


class ReviewFacts:
    """What the pages, the checklist and its evaluators read about one review.

    Built by reviews.selectors.facts_for() or facts_for_reviews() with the parts loaded.
    """

    def __init__(
        self,
        review: "RegionalReview",
        today: datetime.date,
        parts: dict[Part, list],
        objectives: list["Objective"] | None = None,
        batch: FactsBatch | None = None,
    ):
        self.review = review
        self.today = today
        self._parts = parts
        self._objectives = objectives
        self.batch = batch or FactsBatch([review])

    def _part(self, part: Part) -> list:
        try:
            return self._parts[part]
        except KeyError:
            raise PartNotLoaded(f"{part} of the review was not loaded") from None

    @property
    def roundtables(self) -> list["Roundtable"]:
        return self._part(Part.ROUNDTABLES)

    @property
    def objectives(self) -> list["Objective"]:
        self._part(Part.ROUNDTABLES)
        return self._objectives

    @property
    def sessions(self) -> list["Session"]:
        return self._part(Part.SESSIONS)

    @property
    def documents(self) -> list["ReviewDocument"]:
        return self._part(Part.DOCUMENTS)

    @property
    def phases(self) -> list["RoadmapPhase"]:
        return self._part(Part.PHASES)

    @property
    def items(self) -> list["ChecklistItem"]:
        return self._part(Part.CHECKLIST)

    @cached_property
    def targets(self) -> Targets:
        return Targets.of(self.review)

    @cached_property
    def speakers(self) -> list["Speaker"]:
        return [speaker for session in self.sessions for speaker in session.speakers.all()]

    @cached_property
    def balance(self) -> Balance:
        return Balance.of(self.speakers)

    @cached_property
    def session_rows(self) -> list[tuple["Session", Balance]]:
        return [(session, Balance.of(session.speakers.all())) for session in self.sessions]

    @cached_property
    def uncovered_objectives(self) -> list["Objective"]:
        covered = {o.pk for rt in self.roundtables for o in rt.objectives.all()}
        return [objective for objective in self.objectives if objective.pk not in covered]

    @cached_property
    def men_only_sessions(self) -> list["Session"]:
        return [session for session, balance in self.session_rows if balance.men_only]

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
        return [
            DocumentTiming(document, document_timing(document, due, self.today))
            for document in self.documents
        ]

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
                    verdict=evaluator(self) if evaluator else None,
                )
            )
        return rows

    def checklist_row(self, item_pk: int) -> ChecklistRow:
        return next(row for row in self.checklist if row.item.pk == item_pk)

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
        if review.consultation_closes:
            deadlines.append(
                Deadline(
                    _("Consultation closes"),
                    review.consultation_closes,
                    review.consultation_closes < self.today,
                )
            )
        if review.documents_due:
            timings = self.document_timings
            shared = [t for t in timings if t.document.shared_on]
            deadlines.append(
                Deadline(
                    _("Documents shared"),
                    review.documents_due,
                    bool(shared) and all(t.state == TimingState.ON_TIME for t in timings),
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
            report = next((p for p in self.phases if p.kind == PhaseKind.REPORT), None)
            deadlines.append(
                Deadline(
                    _("Report finalized"),
                    review.report_due,
                    bool(report and report.completed_on),
                )
            )
        return sorted(deadlines, key=lambda d: d.date)

    @cached_property
    def deadline_rows(self) -> list[tuple[Deadline, TimingState]]:
        return [(deadline, deadline.state(self.today)) for deadline in self.deadlines]

    @cached_property
    def next_deadline(self) -> Deadline | None:
        upcoming = [d for d, state in self.deadline_rows if state == TimingState.UPCOMING]
        return upcoming[0] if upcoming else None

    @cached_property
    def overdue(self) -> list[Deadline]:
        return [d for d, state in self.deadline_rows if state == TimingState.OVERDUE]

    @cached_property
    def phase_rows(self) -> list[tuple["RoadmapPhase", TimingState]]:
        return [(phase, phase_state(phase, self.today)) for phase in self.phases]
