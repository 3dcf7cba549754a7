"""What the portal's pages load: each a fixed number of queries, whatever has been published."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import Left

from core.listing import labels
from knowledge.enums import InputKind, PublicationKind
from knowledge.models import Publication, public_condition, publication_url
from knowledge.selectors import public_publications
from reference.models import Objective
from reports.document import ReportDocument, report_document
from reports.printing.kinds.submissions import submission_context
from reviews.enums import ReviewStatus
from reviews.models import RegionalReview
from submissions.enums import ImplementationStatus
from submissions.models import ObjectiveProgress, addressed

LATEST = 10


def public_reviews() -> QuerySet[RegionalReview]:
    """Every public review with how much of it is published, by cycle then commission."""
    return (
        RegionalReview.objects.filter(status__in=ReviewStatus.public_states())
        .select_related("cycle", "commission")
        .annotate(published=Count("publications", filter=public_condition("publications__")))
        .order_by("-cycle__imrf_year", "cycle__title", "commission__position", "title")
    )


def latest_publications() -> list[Publication]:
    return list(public_publications()[:LATEST])


@dataclass(frozen=True)
class ReviewShelf:
    """What a public review has published, by kind and, for inputs, by who they come from."""

    reports: list[Publication]
    # (kind of input's label, its publications), in the order of InputKind.
    inputs: list[tuple[str, list[Publication]]]
    documents: list[Publication]


def review_shelf(review: RegionalReview) -> ReviewShelf:
    publications = list(
        public_publications().filter(review=review).order_by("kind", "language", "title", "pk")
    )
    inputs = {kind: [] for kind in InputKind.values}
    for publication in publications:
        if publication.kind == PublicationKind.SUBMISSION:
            inputs[publication.input_kind].append(publication)
    return ReviewShelf(
        reports=[p for p in publications if p.kind == PublicationKind.REPORT],
        inputs=[(InputKind(kind).label, rows) for kind, rows in inputs.items() if rows],
        documents=[p for p in publications if p.kind == PublicationKind.DOCUMENT],
    )


def public_part_context(review: RegionalReview) -> dict | None:
    """The review's public page (reviews.publication): its published report and how much else."""
    if review.status not in ReviewStatus.public_states():
        return None
    shelf = review_shelf(review)
    if not (shelf.reports or shelf.inputs or shelf.documents):
        return None
    return {"review": review, "shelf": shelf}


# How much of a statement the objective's page shows, in characters.
NARRATIVE_SHOWN = 400
PRACTICE_SHOWN = 300


def _shortened(text: str, length: int) -> str:
    return text if len(text) <= length else f"{text[: length - 1]}…"


@dataclass(frozen=True)
class Statement:
    """What one published input says about an objective, as the objective's page shows it."""

    title: str
    url: str
    language: str
    status: str
    narrative: str
    promising_practice: str


@dataclass(frozen=True)
class RegionOnObjective:
    review: RegionalReview
    reports: list[Publication]
    statements: list[Statement]


def objective_across_regions(objective: Objective) -> list[RegionOnObjective]:
    """Per public review, its published reports covering the objective and what its published
    inputs say about it. Three queries.

    The statements are read as values, with only the start of their texts: at scale an
    objective has hundreds of them.
    """
    publications = (
        public_publications()
        .filter(objectives=objective, kind=PublicationKind.REPORT)
        .order_by("language")
    )
    statements = (
        ObjectiveProgress.objects.filter(
            addressed(),
            public_condition("submission__publication__"),
            objective=objective,
        )
        .annotate(
            narrative_start=Left("narrative", NARRATIVE_SHOWN + 1),
            practice_start=Left("promising_practice", PRACTICE_SHOWN + 1),
        )
        .order_by("submission__country__name", "submission__organisation__name", "pk")
        .values_list(
            "submission__review_id",
            "submission__publication__pk",
            "submission__publication__title",
            "submission__language",
            "status",
            "narrative_start",
            "practice_start",
        )
    )
    regions: dict[int, RegionOnObjective] = {}
    for publication in publications:
        region = regions.setdefault(
            publication.review_id, RegionOnObjective(publication.review, [], [])
        )
        region.reports.append(publication)
    statuses = labels(ImplementationStatus.choices)
    said: dict[int, list[Statement]] = {}
    for review_id, pk, title, language, status, narrative, practice in statements:
        said.setdefault(review_id, []).append(
            Statement(
                title=title,
                url=publication_url(pk),
                language=language,
                status=statuses.get(status, ""),
                narrative=_shortened(narrative, NARRATIVE_SHOWN),
                promising_practice=_shortened(practice, PRACTICE_SHOWN),
            )
        )
    missing = said.keys() - regions.keys()
    for review in RegionalReview.objects.filter(pk__in=missing).select_related(
        "cycle", "commission"
    ):
        regions[review.pk] = RegionOnObjective(review, [], [])
    for review_id, rows in said.items():
        regions[review_id].statements.extend(rows)
    return sorted(
        regions.values(),
        key=lambda region: (
            -region.review.cycle.imrf_year,
            region.review.commission.position,
            region.review.title,
        ),
    )


def report_of(publication: Publication) -> ReportDocument:
    """The report as the public reads it: names only of those who share them with everyone."""
    version = publication.report_version
    return report_document(version.report, version.language, AnonymousUser())


def other_languages(publication: Publication) -> list[Publication]:
    """The report's other published language versions."""
    return list(
        Publication.objects.public()
        .filter(report_version__report_id=publication.report_version.report_id)
        .exclude(pk=publication.pk)
        .order_by("language")
    )


def input_of(publication: Publication) -> dict:
    return submission_context(publication.submission, AnonymousUser())


def document_files(publication: Publication) -> list:
    """The latest version of the document in each of its languages."""
    latest = {}
    for version in publication.document.versions.order_by("language", "-number"):
        latest.setdefault(version.language, version)
    return list(latest.values())


def publication_for_page(pk: int) -> Publication | None:
    return (
        public_publications()
        .with_sources()
        .prefetch_related(Prefetch("objectives", queryset=Objective.objects.order_by("number")))
        .filter(pk=pk)
        .first()
    )
