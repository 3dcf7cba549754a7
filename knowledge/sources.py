"""What the knowledge platform copies from each kind of source when it is published.

One function per kind answers a Source: the title, language, country, kind of input, objectives
and the plain text that search reads. Publishing and re-indexing both go through `source_of`, so
what the portal shows and what search finds come from one place.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from core.wordcount import plain_text
from knowledge.enums import InputKind, PublicationKind
from reports.enums import ReportSection
from reports.models import LanguageVersion
from reviews.models import ReviewDocument
from submissions.enums import SubmissionKind
from submissions.models import ObjectiveProgress, Submission


@dataclass(frozen=True)
class Source:
    kind: str
    review_id: int
    title: str
    language: str
    text: str
    input_kind: str = ""
    country_id: int | None = None
    objective_ids: list[int] = field(default_factory=list)


def input_kind_of(submission: Submission) -> str:
    """A State's review; an organisation without a country is regional; everyone else a stakeholder."""
    if submission.country_id is not None:
        return InputKind.MEMBER_STATE
    if submission.organisation_id is not None and submission.organisation.country_id is None:
        return InputKind.REGIONAL_ORGANISATION
    return InputKind.STAKEHOLDER


def submission_title(submission: Submission) -> str:
    """ "Voluntary GCM review: Albania", in the submission's own language."""
    with translation.override(submission.language):
        kind = SubmissionKind(submission.kind).label
        if submission.country_id is not None:
            by = submission.country.name
        elif submission.organisation_id is not None:
            by = submission.organisation.name
        else:
            by = submission.author.name if submission.author_id else _("Stakeholder")
        return _("%(kind)s: %(by)s") % {"kind": kind, "by": by}


def _joined(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def of_submission(submission: Submission) -> Source:
    sections = [
        plain_text(text.text)
        for text in submission.sections.select_related("section").order_by("section__position")
    ]
    progress = list(
        ObjectiveProgress.objects.filter(submission=submission)
        .addressed()
        .select_related("objective")
        .order_by("objective__number")
    )
    narratives = [
        _joined(row.narrative, row.indicators, row.promising_practice) for row in progress
    ]
    return Source(
        kind=PublicationKind.SUBMISSION,
        review_id=submission.review_id,
        title=submission_title(submission),
        language=submission.language,
        text=_joined(submission.stakeholder_involvement, *sections, *narratives),
        input_kind=input_kind_of(submission),
        country_id=submission.country_id,
        objective_ids=[row.objective_id for row in progress],
    )


def report_title(version: LanguageVersion) -> str:
    with translation.override(version.language):
        return _("Outcome report: %(review)s") % {"review": version.report.review.title}


def of_report_version(version: LanguageVersion) -> Source:
    review = version.report.review
    texts = {text.section: text.text for text in version.sections.all()}
    objective_ids = sorted(
        {
            objective_id
            for objective_id in review.roundtables.values_list("objectives", flat=True)
            if objective_id is not None
        }
    )
    return Source(
        kind=PublicationKind.REPORT,
        review_id=review.pk,
        title=report_title(version),
        language=version.language,
        text=_joined(*(plain_text(texts.get(section, "")) for section in ReportSection)),
        objective_ids=objective_ids,
    )


def of_document(document: ReviewDocument) -> Source:
    latest = document.versions.order_by("-number").first()
    return Source(
        kind=PublicationKind.DOCUMENT,
        review_id=document.review_id,
        title=document.title,
        # The language of its latest version, or else the meeting's first working language.
        language=latest.language if latest else (document.review.working_languages or ["en"])[0],
        text=document.title,
    )


def source_of(publication) -> Source:
    return {
        PublicationKind.REPORT: lambda: of_report_version(publication.report_version),
        PublicationKind.SUBMISSION: lambda: of_submission(publication.submission),
        PublicationKind.DOCUMENT: lambda: of_document(publication.document),
    }[publication.kind]()
