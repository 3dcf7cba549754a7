"""The Annex 1 checklist: its template, and the evaluators that decide items from the data.

An item without an evaluator keeps the status the secretariat sets by hand. An item with one is
decided by it, unless the secretariat marks the item not applicable.

The evaluator contract, which every app that can decide an item follows:

- An evaluator is a function ``(facts: ReviewFacts) -> Verdict``. ``facts`` is the
  ``reviews.readiness.ReviewFacts`` of one review, loaded in full: the review and today's date,
  the objectives, round tables, sessions with their speakers, documents with the languages
  they have a version in (``document.languages``) and their ``comment_count``, roadmap phases,
  and the rules derived from them (``balance``, ``men_only_sessions``, ``document_timings``,
  ``uncovered_objectives``). An evaluator only reads: it writes nothing,
  and an app that needs its own rows reads them for all the reviews loaded together, once:
  ``facts.batch.load("<app>.<what>", loader)`` calls ``loader(facts.batch.reviews)`` the first
  time and returns its answer afterwards, so a page of several reviews pays one query, not one per
  review.
- It answers a ``Verdict``: ``VerdictStatus.MET`` or ``VerdictStatus.UNMET``, and the reasons,
  translated sentences a person reads beside the item.
- It is registered for the key of one item of ``TEMPLATE``, once, from the app's
  ``AppConfig.ready()``::

      from reviews.checklist import register_evaluator

      register_evaluator("report-on-time")(report_on_time)

  A key that is not in ``TEMPLATE``, or that another evaluator already decides, is refused with
  ``ValueError`` at start-up.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from reviews.enums import ChecklistSection, ChecklistStatus

if TYPE_CHECKING:
    from reviews.readiness import ReviewFacts


@dataclass(frozen=True)
class TemplateItem:
    key: str
    section: ChecklistSection
    text: Promise


# Every item of Annex 1 of the framework, in its order.
TEMPLATE: list[TemplateItem] = [
    TemplateItem(
        "guiding-principles",
        ChecklistSection.PREPARATORY,
        _(
            "The review is organized in line with the GCM vision and guiding principles "
            "(paras 8-15)."
        ),
    ),
    TemplateItem(
        "stakeholders-involved",
        ChecklistSection.PREPARATORY,
        _(
            "Stakeholders are meaningfully involved in preparing the review: a consultation is held "
            "and their inputs are invited on the background documents, the organization of work and "
            "the list of panellists and moderators."
        ),
    ),
    TemplateItem(
        "side-events",
        ChecklistSection.PREPARATORY,
        _(
            "Space is provided for side events and other activities organized by stakeholders "
            "during the review."
        ),
    ),
    TemplateItem(
        "voluntary-reviews",
        ChecklistSection.PREPARATORY,
        _(
            "Member States are supported in preparing a voluntary GCM review to present at the "
            "regional review (Annex 2)."
        ),
    ),
    TemplateItem(
        "regional-inputs",
        ChecklistSection.PREPARATORY,
        _(
            "Sub-regional, regional and cross-regional processes, platforms and organizations, and "
            "stakeholders active in the region are invited to submit inputs (Annex 3)."
        ),
    ),
    TemplateItem(
        "objectives-covered",
        ChecklistSection.ORGANIZATION,
        _(
            "The review offers space for discussion covering all 23 objectives of the GCM, for "
            "instance in four round tables (A/RES/73/326, para 21(b))."
        ),
    ),
    TemplateItem(
        "gender-balance",
        ChecklistSection.ORGANIZATION,
        _(
            "Due regard is paid to gender balance in the selection of keynote speakers, panellists "
            "and moderators."
        ),
    ),
    TemplateItem(
        "geographic-balance",
        ChecklistSection.ORGANIZATION,
        _(
            "Due regard is paid to geographical balance in the selection of keynote speakers, "
            "panellists and moderators."
        ),
    ),
    TemplateItem(
        "whole-of-government-society",
        ChecklistSection.ORGANIZATION,
        _(
            "The selection of speakers reflects the whole-of-government and whole-of-society "
            "approaches."
        ),
    ),
    TemplateItem(
        "stakeholder-modalities",
        ChecklistSection.ORGANIZATION,
        _(
            "The modalities allow for the meaningful participation of civil society and other "
            "stakeholders, and of sub-regional, regional and cross-regional processes, platforms and "
            "organizations."
        ),
    ),
    TemplateItem(
        "interactive-debates",
        ChecklistSection.ORGANIZATION,
        _("Debates are interactive, evidence-based and action-oriented."),
    ),
    TemplateItem(
        "network-contributions",
        ChecklistSection.ORGANIZATION,
        _(
            "Members of the UN Network are invited to contribute: background papers, concept note, "
            "organization of work, outreach to stakeholders, agenda and list of panellists and "
            "moderators."
        ),
    ),
    TemplateItem(
        "ldc-travel",
        ChecklistSection.ORGANIZATION,
        _(
            "Travel of delegates of least developed countries, including landlocked developing "
            "countries, and of relevant stakeholders is facilitated."
        ),
    ),
    TemplateItem(
        "policy-debate",
        ChecklistSection.ORGANIZATION,
        _(
            "A policy debate on regional challenges is organized: links with the 2030 Agenda and "
            "regional frameworks, the capacity-building mechanism, emerging issues."
        ),
    ),
    TemplateItem(
        "documents-on-time",
        ChecklistSection.ORGANIZATION,
        _("The meeting is paperless, with documentation shared electronically well in advance."),
    ),
    TemplateItem(
        "documents-translated",
        ChecklistSection.ORGANIZATION,
        _("Supporting documents are translated into the working languages of the meeting."),
    ),
    TemplateItem(
        "report-outcome",
        ChecklistSection.REPORT,
        _(
            "A comprehensive report synthesizes all inputs, with an outcome document capturing the "
            "regional dimensions of GCM implementation."
        ),
    ),
    TemplateItem(
        "report-on-time",
        ChecklistSection.REPORT,
        _("The report is finalized within two months after the meeting."),
    ),
    TemplateItem(
        "report-published",
        ChecklistSection.REPORT,
        _("The report is published by the UN Network on the appropriate website."),
    ),
    TemplateItem(
        "report-sections",
        ChecklistSection.REPORT,
        _(
            "The report follows the suggested sections: introduction, executive summary, key "
            "findings, good practices and lessons learned, conclusions and recommendations, annex "
            "with organization of work and list of participants."
        ),
    ),
    TemplateItem(
        "imrf-follow-up",
        ChecklistSection.FOLLOW_UP,
        _(
            "The outcome documents inform the International Migration Review Forum and its Progress "
            "Declaration."
        ),
    ),
]
TEMPLATE_BY_KEY = {item.key: item for item in TEMPLATE}


class VerdictStatus(enum.StrEnum):
    MET = "met"
    UNMET = "unmet"


@dataclass(frozen=True)
class Verdict:
    """What the data says about an item, and why, in words a person reads."""

    status: VerdictStatus
    reasons: tuple[str, ...] = ()

    @classmethod
    def met(cls, *reasons: str) -> "Verdict":
        return cls(VerdictStatus.MET, reasons)

    @classmethod
    def unmet(cls, *reasons: str) -> "Verdict":
        return cls(VerdictStatus.UNMET, reasons)

    @property
    def is_met(self) -> bool:
        return self.status == VerdictStatus.MET

    @property
    def checklist_status(self) -> ChecklistStatus:
        return ChecklistStatus.DONE if self.is_met else ChecklistStatus.IN_PROGRESS


class Evaluator(Protocol):
    def __call__(self, facts: "ReviewFacts", /) -> Verdict: ...


class EvaluatorRegistry:
    """One evaluator per checklist item, filled by the apps in their AppConfig.ready().

    Review pages that show verdicts are cached until the review's data changes
    (core.versions): an app whose evaluator reads its own models tracks them so that a change
    moves the review's scope (or EVERYTHING).
    """

    def __init__(self):
        self._evaluators: dict[str, Evaluator] = {}

    def register(self, key: str, evaluator: Evaluator) -> None:
        if key not in TEMPLATE_BY_KEY:
            raise ValueError(f"No checklist item has the key {key!r}")
        if key in self._evaluators and self._evaluators[key] is not evaluator:
            raise ValueError(f"The checklist item {key!r} already has an evaluator")
        self._evaluators[key] = evaluator

    def unregister(self, key: str) -> None:
        del self._evaluators[key]

    def get(self, key: str) -> Evaluator | None:
        return self._evaluators.get(key)


registry = EvaluatorRegistry()


def register_evaluator(key: str) -> Callable[[Evaluator], Evaluator]:
    """Decorator form of registry.register, for an evaluator defined at module level."""

    def register(function: Evaluator) -> Evaluator:
        registry.register(key, function)
        return function

    return register


def evaluator_for(key: str) -> Evaluator | None:
    return registry.get(key)
