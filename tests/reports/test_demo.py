"""The demo holds one published report with real text in English, Arabic and Chinese."""

import pytest
from django.core.management import call_command

from reports.enums import ReportSection, ReportStatus, VersionKind
from reports.models import RenderJob, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_report_is_written_in_every_section_and_language(demo):
    report = Report.objects.get()
    assert (report.review.commission.code, report.status) == ("ECE", ReportStatus.PUBLISHED)
    versions = {v.language: v for v in report.languages.all()}
    assert {code: v.kind for code, v in versions.items()} == {
        "en": VersionKind.ORIGINAL,
        "ar": VersionKind.OFFICIAL,
        "zh-hans": VersionKind.PENDING,
    }
    for version in versions.values():
        words = [text.word_count for text in version.sections.all()]
        assert len(words) == len(ReportSection)
        assert min(words) > 100, version.language
    arabic = versions["ar"].sections.get(section=ReportSection.KEY_FINDINGS).text
    assert arabic.startswith("<p><strong>نهجا الحكومة بأكملها والمجتمع بأسره.</strong>")


def test_loading_the_demo_twice_keeps_one_report(demo):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Report.objects.count() == 1
    assert RenderJob.objects.filter(kind="report").count() == 3


def test_the_demo_report_is_printed_in_english_arabic_and_chinese(demo):
    jobs = RenderJob.objects.filter(kind="report")
    assert sorted(jobs.values_list("language", "status")) == [
        ("ar", "succeeded"),
        ("en", "succeeded"),
        ("zh-hans", "succeeded"),
    ]
    for job in jobs:
        with job.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        assert job.page_count > 5
