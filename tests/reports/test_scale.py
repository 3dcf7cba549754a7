"""The scale data gives every scale review a report: an English original, pending translations."""

import io

import pytest
from django.core.management.base import OutputWrapper

from core.scaletext import TextPool
from reports import scale
from reports.enums import VersionKind
from reports.models import Report
from reviews.scale import CYCLES
from tests.factories import make_review

pytestmark = pytest.mark.django_db


class Out:
    stdout = OutputWrapper(io.StringIO())


def test_each_scale_review_gets_a_written_report(reference_data):
    review = make_review("ESCAP", slug=CYCLES[0][0], working_languages=["en", "ru", "zh-hans"])
    make_review("ECA")  # not a scale review
    assert not scale.loaded()
    scale.load(seed=3, factor=0.05, pool=TextPool(seed=3, size=5), out=Out())
    report = Report.objects.get()
    assert report.review == review and scale.loaded()
    versions = {v.language: v.kind for v in report.languages.all()}
    assert versions == {
        "en": VersionKind.ORIGINAL,
        "ru": VersionKind.PENDING,
        "zh-hans": VersionKind.PENDING,
    }
    assert all(text.word_count >= 60 for text in report.languages.get(language="en").sections.all())
    scale.reset()
    assert not Report.objects.exists()
