"""Scale data for reports: every scale review's outcome report, its original in English written
to a full length, and a pending translation in each other working language of the review."""

import random

from django.db import transaction

from core.scaletext import TextPool
from core.wordcount import count_words
from reports.enums import ReportSection, VersionKind
from reports.models import LanguageVersion, Report, ReportSectionText
from reviews.models import RegionalReview
from reviews.scale import CYCLES

WORDS_PER_SECTION = 1_200


def _scale_reviews():
    return RegionalReview.objects.filter(cycle__slug__in=[slug for slug, *_rest in CYCLES])


def loaded() -> bool:
    return Report.objects.filter(review__in=_scale_reviews()).exists()


def reset() -> None:
    Report.objects.filter(review__in=_scale_reviews()).delete()


@transaction.atomic
def load(*, seed: int, factor: float, pool: TextPool, out) -> None:
    rng = random.Random(seed + 12)
    reviews = list(_scale_reviews().order_by("pk"))
    reports = Report.objects.bulk_create(Report(review=review) for review in reviews)
    versions = []
    for review, report in zip(reviews, reports, strict=True):
        languages = ["en", *(code for code in review.working_languages if code != "en")]
        versions += [
            LanguageVersion(
                report=report,
                language=language,
                kind=VersionKind.ORIGINAL if language == "en" else VersionKind.PENDING,
            )
            for language in languages
        ]
    versions = LanguageVersion.objects.bulk_create(versions)
    words = max(1, int(WORDS_PER_SECTION * factor))
    texts = []
    for version in versions:
        for section in ReportSection:
            html = "".join(pool.text(rng, version.language, words, count_words))
            texts.append(
                ReportSectionText(
                    language_version=version,
                    section=section,
                    position=section.position,
                    text=html,
                    word_count=count_words(html),
                    version=1,
                )
            )
    ReportSectionText.objects.bulk_create(texts, batch_size=500)
    out.stdout.write(f"Scale reports: {len(reports)} reports, {len(versions)} language versions")
