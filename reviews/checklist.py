"""The Annex 1 checklist: its template, and the evaluators that decide items from the data.

Evaluators are pluggable: an app that can decide an item registers a function for its key in its
AppConfig.ready(); items without an evaluator keep the status the secretariat sets by hand.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from reviews.enums import ChecklistSection, ChecklistStatus


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


@dataclass
class Evaluation:
    """What the data says about an item: met or not, and why, in words a person reads."""

    met: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def status(self) -> ChecklistStatus:
        return ChecklistStatus.DONE if self.met else ChecklistStatus.IN_PROGRESS


Evaluator = Callable[["ReviewFacts"], Evaluation]  # noqa: F821 — reviews.selectors.ReviewFacts
_evaluators: dict[str, Evaluator] = {}


def register_evaluator(key: str) -> Callable[[Evaluator], Evaluator]:
    if key not in TEMPLATE_BY_KEY:
        raise ValueError(f"No checklist item has the key {key!r}")

    def register(function: Evaluator) -> Evaluator:
        _evaluators[key] = function
        return function

    return register


def evaluator_for(key: str) -> Evaluator | None:
    return _evaluators.get(key)
