"""Everything a printed outcome report needs, gathered once and already safe to insert.

`report_document(report, language, viewer)` is what the print template
(templates/reports/print/report.html) and the page that previews it read: the text of each
section sanitised here, the generated annex (names as the viewer may see them) and the heat map.
"""

import datetime
from dataclasses import dataclass

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from reports import selectors
from reports.annex import Annex, annex_of
from reports.enums import ANNEX_NUMERAL, ReportSection, ReportStatus, VersionKind
from reports.heatmap import heat_map
from reports.models import LanguageVersion, Report
from reports.printing.safety import user_html


@dataclass(frozen=True)
class PrintedSection:
    anchor: str
    numeral: str
    title: str
    html: SafeString
    is_empty: bool


@dataclass(frozen=True)
class ReportDocument:
    title: str
    review_title: str
    commission: str
    language: str
    direction: str
    version_kind: str
    version_label: str
    is_final: bool
    status_label: str
    final_on: datetime.date | None
    sections: list[PrintedSection]
    annex_numeral: str
    annex_title: str
    annex: Annex
    heat_map: SafeString

    @property
    def is_pending_translation(self) -> bool:
        return self.version_kind == VersionKind.PENDING


def report_document(report: Report, language: str, viewer) -> ReportDocument:
    """The report in `language` (its language version must exist), as `viewer` may read it.

    The annex names participants as `viewer` may see them: a report meant for publication is
    made for an anonymous viewer (AnonymousUser), so that it names only who shares their name
    with everyone.

    Titles and labels are in the version's language. A pending translation says so on its cover
    (`version_label`, `is_final`): it is never presented as a final text.
    """
    version = LanguageVersion.objects.select_related("report__review__commission").get(
        report=report, language=language
    )
    review = version.report.review
    texts = list(selectors.sections_of(version))
    overview = selectors.region_overview(review)
    countries = selectors.submitting_countries(review)
    with translation.override(language):
        sections = [
            PrintedSection(
                anchor=f"section-{text.section}",
                numeral=ReportSection(text.section).numeral,
                title=str(ReportSection(text.section).label),
                # Sanitised here, whatever was stored, with its directional controls kept to
                # itself: the template inserts it as it is.
                html=user_html(text.text),
                is_empty=not text.word_count,
            )
            for text in texts
        ]
        return ReportDocument(
            title=_("Outcome report of the regional review"),
            review_title=review.title,
            commission=review.commission.name,
            language=language,
            direction="rtl" if translation.get_language_bidi() else "ltr",
            version_kind=version.kind,
            version_label=str(VersionKind(version.kind).label),
            is_final=version.is_final,
            status_label=str(ReportStatus(version.report.status).label),
            final_on=version.report.final_on,
            sections=sections,
            annex_numeral=ANNEX_NUMERAL,
            annex_title=_("Annex: organization of work and list of participants"),
            annex=annex_of(review, viewer),
            heat_map=heat_map(
                title=_("Reported status of implementation, by objective and country"),
                countries=countries,
                objective_numbers=[item.objective.number for item in overview.objectives],
                statuses=overview.statuses,
            ),
        )
