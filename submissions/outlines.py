"""The outlines of Annexes 2 and 3 of the framework, shipped as data.

Each shipped outline is installed once per (kind, version) by install_shipped_outlines(), run after
migrations. A submission keeps the outline version it was written against; a later version is a new
entry here, never an edit of an installed one. Titles and guidance are translated through the
message catalogs, looked up by kind, version and section key.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from submissions.enums import SubmissionKind


@dataclass(frozen=True)
class ShippedSection:
    key: str
    number: str
    title: Promise
    guidance: tuple[Promise, ...]
    word_limit: int | None


@dataclass(frozen=True)
class ShippedOutline:
    kind: SubmissionKind
    version: int
    title: Promise
    limits_are_rules: bool
    sections: tuple[ShippedSection, ...]


MEMBER_STATE_OUTLINE = ShippedOutline(
    kind=SubmissionKind.VOLUNTARY_REVIEW,
    version=1,
    title=_("Indicative outline for Member States (Annex 2)"),
    limits_are_rules=False,
    sections=(
        ShippedSection(
            "methodology",
            "1",
            _("Methodology for preparing the voluntary GCM review"),
            (
                _(
                    "(a) The methodology adopted for the review: its scope, depth and limitations; how the vision and guiding principles of the GCM (paras 8 to 15) and its follow-up and review (paras 48 to 54) were applied; whether the review was part of elaborating a national implementation plan with contributions from all relevant stakeholders (para 53)."
                ),
                _(
                    "(b) The process of preparing the review: how levels and sectors of government contributed; whether and how the whole-of-government and whole-of-society approaches were applied; whether parliaments and local authorities were engaged; how civil society and other stakeholders, regional organisations and the UN Country Team were engaged; how regional dynamics informed the review."
                ),
            ),
            500,
        ),
        ShippedSection(
            "policy",
            "2",
            _("Policy and enabling environment"),
            (
                _(
                    "(a) Efforts to inform all relevant stakeholders and involve them in implementing and reviewing the GCM; how they were enabled to participate, promoting gender equality and inclusion."
                ),
                _(
                    "(b) How the government has integrated GCM implementation into SDG implementation and other relevant processes."
                ),
                _(
                    "(c) Migration policies and other relevant policies or measures, institutional changes, and the barriers faced, including the internal consequences of regional dynamics, policies or measures."
                ),
                _(
                    "(d) The status of implementation of regional plans and strategies on migration, and the main gaps and challenges of existing regional approaches."
                ),
            ),
            1500,
        ),
        ShippedSection(
            "progress",
            "3",
            _("Progress on GCM objectives"),
            (
                _(
                    "(a) Country-level implementation plans and the status of implementation of all 23 objectives, with innovative policies or promising practices, based on statistical and qualitative data where possible."
                ),
                _(
                    "(b) Steps taken to integrate the vision and the cross-cutting and interdependent guiding principles into the implementation plans."
                ),
                _(
                    "(c) Critical difficulties envisioned or encountered and how they could be addressed: trends, successes, challenges, emerging issues and lessons learned, including as impacted by regional dynamics."
                ),
                _(
                    "(d) Promising practices and lessons learned that may be relevant for other countries in the region or across regions."
                ),
            ),
            2000,
        ),
        ShippedSection(
            "means",
            "4",
            _("Means of implementation"),
            (
                _(
                    "(a) How means of implementation are mobilized, the difficulties met, and the additional resources needed: financing, capacity development, data, technology and partnerships."
                ),
            ),
            500,
        ),
        ShippedSection(
            "next-steps",
            "5",
            _("Next steps"),
            (
                _("(a) The steps planned to enhance the implementation of the GCM."),
                _(
                    "(b) How the results of the review will be disseminated and how the country will prepare for the International Migration Review Forum."
                ),
            ),
            500,
        ),
    ),
)

REGIONAL_OUTLINE = ShippedOutline(
    kind=SubmissionKind.REGIONAL_INPUT,
    version=1,
    title=_(
        "Indicative outline for regional processes, platforms, organizations and stakeholders (Annex 3)"
    ),
    limits_are_rules=False,
    sections=(
        ShippedSection(
            "regional-plans",
            "a",
            _("Status of regional plans and strategies"),
            (
                _(
                    "Update on the status of implementation of regional plans and strategies on migration, per relevant GCM objective if possible, based on statistical data where available."
                ),
            ),
            None,
        ),
        ShippedSection(
            "guiding-principles",
            "b",
            _("Integration of the guiding principles"),
            (
                _(
                    "How regional bodies and processes have integrated the cross-cutting and interdependent guiding principles, including the whole-of-society and whole-of-government principles, into existing plans and policies, and whether that helped address trade-offs and accelerate implementation."
                ),
            ),
            None,
        ),
        ShippedSection(
            "gaps",
            "c",
            _("Gaps and challenges"),
            (
                _(
                    "The main gaps and challenges of existing regional approaches, strategies and implementation plans."
                ),
            ),
            None,
        ),
        ShippedSection(
            "practices",
            "d",
            _("Promising practices and lessons learned"),
            (
                _(
                    "Examples of promising practices and lessons learned that may be relevant for other regions and could be presented at the International Migration Review Forum."
                ),
            ),
            None,
        ),
        ShippedSection(
            "support",
            "e",
            _("Support needed"),
            (
                _(
                    "Areas (GCM objectives or guiding principles) where the region needs support: finance, capacity building, policy advice, data gathering and analysis, technology, partnerships."
                ),
            ),
            None,
        ),
    ),
)

SHIPPED_OUTLINES = (MEMBER_STATE_OUTLINE, REGIONAL_OUTLINE)
_SECTIONS = {
    (outline.kind, outline.version, section.key): section
    for outline in SHIPPED_OUTLINES
    for section in outline.sections
}
_OUTLINES = {(outline.kind, outline.version): outline for outline in SHIPPED_OUTLINES}


def shipped_section(kind: str, version: int, key: str) -> ShippedSection | None:
    return _SECTIONS.get((kind, version, key))


def shipped_outline(kind: str, version: int) -> ShippedOutline | None:
    return _OUTLINES.get((kind, version))
