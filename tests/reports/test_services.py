"""The report's life: begun in one language, written, made final against its due date,
translated, published; every move checked under a lock and recorded."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.concurrency import ConcurrentEditError
from reference.models import Commission
from reports import services
from reports.enums import ReportSection, ReportStatus, VersionKind
from reports.models import Report, ReportStatusChange
from reviews.services import StatusChangeRefused
from tests.factories import commission_secretariat, make_review
from tests.reports.report_builders import write_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECE"))


@pytest.fixture
def report(secretariat):
    review = make_review("ECE")
    return services.start_report(review=review, language="en", actor=secretariat)


def test_starting_a_report_creates_the_original_with_five_empty_sections(report):
    (original,) = report.languages.all()
    assert (original.language, original.kind) == ("en", VersionKind.ORIGINAL)
    assert [s.section for s in original.sections.all()] == [s.value for s in ReportSection]
    assert report.status == ReportStatus.DRAFT


def test_starting_again_returns_the_same_report(report, secretariat):
    again = services.start_report(review=report.review, language="fr", actor=secretariat)
    assert again == report
    assert Report.objects.count() == 1


def test_section_text_is_sanitised_and_counted(report, secretariat):
    section = report.languages.get().sections.first()
    saved = services.save_report_section(
        section_text=section,
        text='<p onclick="x()">Safe <script>alert(1)</script><strong>words</strong></p>',
        base_version=0,
        actor=secretariat,
    )
    section.refresh_from_db()
    assert section.text == "<p>Safe <strong>words</strong></p>"
    assert (saved.version, saved.word_count) == (1, 2)


def test_a_save_over_a_newer_version_is_refused(report, secretariat):
    section = report.languages.get().sections.first()
    services.save_report_section(
        section_text=section, text="<p>First</p>", base_version=0, actor=secretariat
    )
    with pytest.raises(ConcurrentEditError) as conflict:
        services.save_report_section(
            section_text=section, text="<p>Second</p>", base_version=0, actor=secretariat
        )
    assert conflict.value.current.text == "<p>First</p>"


def test_final_needs_every_section_of_the_original(report, secretariat):
    with pytest.raises(StatusChangeRefused, match="Key findings"):
        services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def start_after_meeting(days_ago, actor):
    end = timezone.localdate() - datetime.timedelta(days=days_ago)
    review = make_review("ECE", meeting_start=end - datetime.timedelta(days=1), meeting_end=end)
    return services.start_report(review=review, language="en", actor=actor)


def test_final_records_the_day_and_is_audited(secretariat):
    report = start_after_meeting(20, secretariat)
    write_sections(report.languages.get(), secretariat)
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    report.refresh_from_db()
    assert report.final_on == timezone.localdate()
    assert report.is_on_time(report.review.report_due) is True
    change = ReportStatusChange.objects.get()
    assert (change.actor, change.from_status, change.to_status) == (
        secretariat,
        ReportStatus.DRAFT,
        ReportStatus.FINAL,
    )


def test_final_more_than_two_months_after_the_meeting_is_late(secretariat):
    report = start_after_meeting(70, secretariat)
    write_sections(report.languages.get(), secretariat)
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    assert report.review.report_due < timezone.localdate()
    assert report.is_on_time(report.review.report_due) is False


def test_a_move_decided_on_a_stale_page_is_refused(report, secretariat):
    write_sections(report.languages.get(), secretariat)
    stale = Report.objects.get(pk=report.pk)
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    with pytest.raises(StatusChangeRefused, match="meanwhile"):
        services.set_report_status(report=stale, status=ReportStatus.FINAL, actor=secretariat)
    assert ReportStatusChange.objects.count() == 1


def test_draft_cannot_be_published_directly(report, secretariat):
    with pytest.raises(StatusChangeRefused):
        services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)


def test_the_final_original_is_frozen_until_reopened(report, secretariat):
    original = report.languages.get()
    write_sections(original, secretariat)
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    section = original.sections.first()
    with pytest.raises(ValidationError):
        services.save_report_section(
            section_text=section, text="<p>Late change</p>", base_version=1, actor=secretariat
        )
    services.set_report_status(report=report, status=ReportStatus.DRAFT, actor=secretariat)
    report.refresh_from_db()
    assert report.final_on is None
    services.save_report_section(
        section_text=section, text="<p>Late change</p>", base_version=1, actor=secretariat
    )


def test_publishing_records_when_and_withdrawing_clears_it(report, secretariat):
    write_sections(report.languages.get(), secretariat)
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)
    report.refresh_from_db()
    assert report.published_at is not None
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    report.refresh_from_db()
    assert (report.status, report.published_at) == (ReportStatus.FINAL, None)
    assert report.final_on is not None


def test_a_translation_starts_pending_and_is_official_only_when_complete(report, secretariat):
    translation = services.add_language_version(report=report, language="ar", actor=secretariat)
    assert translation.kind == VersionKind.PENDING
    with pytest.raises(ValidationError):
        services.set_version_kind(version=translation, kind=VersionKind.OFFICIAL, actor=secretariat)
    write_sections(translation, secretariat, "<p>نص مكتوب.</p>")
    services.set_version_kind(version=translation, kind=VersionKind.OFFICIAL, actor=secretariat)
    translation.refresh_from_db()
    assert translation.kind == VersionKind.OFFICIAL
    with pytest.raises(ValidationError):
        services.save_report_section(
            section_text=translation.sections.first(),
            text="<p>تغيير</p>",
            base_version=1,
            actor=secretariat,
        )


def test_one_version_per_language_and_the_original_stays_original(report, secretariat):
    with pytest.raises(ValidationError):
        services.add_language_version(report=report, language="en", actor=secretariat)
    with pytest.raises(ValidationError):
        services.set_version_kind(
            version=report.languages.get(), kind=VersionKind.PENDING, actor=secretariat
        )
