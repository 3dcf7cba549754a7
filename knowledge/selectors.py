"""What the public reads of the knowledge platform: only what is published, never anything else."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, QuerySet

from knowledge.enums import PublicationKind, PublicationStatus
from knowledge.models import SEARCHED, Publication, public_condition
from knowledge.services import publishable_problem
from knowledge.sources import submission_title
from reference.models import Objective
from reports.models import LanguageVersion
from reviews.enums import Visibility
from reviews.models import RegionalReview, ReviewDocument
from submissions.enums import SubmissionStatus
from submissions.models import Submission


def public_publications() -> QuerySet[Publication]:
    """Every public page, feed, sitemap and API response starts here (`with_sources()` adds
    what a publication's page and the API read of its source)."""
    return Publication.objects.public().listed()


def objectives_with_public_counts() -> QuerySet[Objective]:
    """The 23 objectives, each with the number of public publications addressing it."""
    return Objective.objects.annotate(
        public_publications=Count("publications", filter=public_condition("publications__"))
    ).order_by("number")


@dataclass(frozen=True)
class Candidate:
    """Something of a review the secretariat may publish, with where it stands."""

    kind: str
    source: object
    title: str
    detail: str
    publication: Publication | None
    problem: str | None

    @property
    def is_published(self) -> bool:
        return (
            self.publication is not None and self.publication.status == PublicationStatus.PUBLISHED
        )


def publishing_overview(review: RegionalReview) -> list[Candidate]:
    """Every report language version, accepted input and public document of the review, in that
    order, each with its publication (if it ever had one) and why it cannot be published (if so).

    Four queries, whatever the review holds.
    """
    publications = {
        (publication.kind, publication.source_id): publication
        for publication in Publication.objects.filter(review=review).defer(*SEARCHED)
    }
    versions = LanguageVersion.objects.filter(report__review=review).select_related("report")
    inputs = (
        Submission.objects.filter(
            review=review, status__in=(SubmissionStatus.ACCEPTED, SubmissionStatus.PUBLISHED)
        )
        .select_related("country", "organisation", "author")
        .order_by("kind", "country__name", "organisation__name", "pk")
    )
    documents = ReviewDocument.objects.filter(review=review).exclude(
        visibility=Visibility.SECRETARIAT
    )
    languages = dict(settings.LANGUAGES)
    rows = [
        (
            PublicationKind.REPORT,
            version,
            languages.get(version.language, version.language),
            version.get_kind_display(),
        )
        for version in versions
    ]
    rows += [
        (PublicationKind.SUBMISSION, submission, submission_title(submission), "")
        for submission in inputs
    ]
    rows += [
        (PublicationKind.DOCUMENT, document, document.title, document.get_visibility_display())
        for document in documents
    ]
    return [
        Candidate(
            kind=kind,
            source=source,
            title=title,
            detail=detail,
            publication=publications.get((kind, source.pk)),
            problem=publishable_problem(kind, source),
        )
        for kind, source, title, detail in rows
    ]
