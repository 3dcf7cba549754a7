"""The Annex 1 items the report decides: outcome, on time, sections."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reference.models import Commission
from reports import services
from reports.enums import ReportStatus
from reviews.checklist import evaluator_for
from reviews.selectors import facts_for, facts_for_reviews
from tests.factories import commission_secretariat, make_review
from tests.reports.report_builders import programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECE"))


def review_ended(days_ago: int, commission="ECE"):
    end = timezone.localdate() - datetime.timedelta(days=days_ago)
    return make_review(commission, meeting_start=end - datetime.timedelta(days=1), meeting_end=end)


def verdict(key, review):
    return evaluator_for(key)(facts_for(review))


def finish(review, actor):
    report = services.start_report(review=review, language="en", actor=actor)
    for section_text in report.languages.get().sections.all():
        services.save_report_section(
            section_text=section_text, text="<p>Text.</p>", base_version=0, actor=actor
        )
    services.set_report_status(report=report, status=ReportStatus.FINAL, actor=actor)
    return report


def test_the_report_items_have_their_evaluators():
    keys = ["report-outcome", "report-on-time", "report-published", "report-sections"]
    assert all(evaluator_for(key) for key in keys)


def test_published_once_the_network_publishes_it(secretariat):
    review = review_ended(10)
    report = finish(review, secretariat)
    assert verdict("report-published", review).reasons == ("The outcome report is not published.",)
    services.set_report_status(report=report, status=ReportStatus.PUBLISHED, actor=secretariat)
    result = verdict("report-published", review)
    assert result.is_met and result.reasons[0].startswith("Published on ")


def test_outcome_is_met_once_the_report_is_final(secretariat):
    review = review_ended(10)
    assert verdict("report-outcome", review).reasons == ("The outcome report is not started.",)
    report = services.start_report(review=review, language="en", actor=secretariat)
    assert verdict("report-outcome", review).reasons == ("The outcome report is still a draft.",)
    report.delete()
    finish(review, secretariat)
    assert verdict("report-outcome", review).is_met


def test_on_time_compares_the_final_date_with_two_months_after_the_meeting(secretariat):
    on_time, late, waiting = review_ended(20), review_ended(70, "ECA"), review_ended(5, "ESCAP")
    finish(on_time, secretariat)
    finish(late, secretariat)
    assert verdict("report-on-time", on_time).is_met
    result = verdict("report-on-time", late)
    assert not result.is_met and result.reasons[0].startswith("Final on ")
    assert "after the due date" in result.reasons[0]
    assert "is not final yet" in verdict("report-on-time", waiting).reasons[0]
    assert "was due on" in verdict("report-on-time", review_ended(90, "ESCWA")).reasons[0]


def test_sections_need_every_text_and_a_programme(secretariat):
    review = review_ended(10)
    report = services.start_report(review=review, language="en", actor=secretariat)
    first = report.languages.get().sections.first()
    services.save_report_section(
        section_text=first, text="<p>Only this.</p>", base_version=0, actor=secretariat
    )
    reasons = verdict("report-sections", review).reasons
    assert reasons == (
        "Section “Executive summary” is empty.",
        "Section “Key findings” is empty.",
        "Section “Selected good practices and lessons learned within the region” is empty.",
        "Section “Conclusions and recommendations for implementation and future regional "
        "review” is empty.",
        "The annex has no organization of work: the programme is empty.",
    )
    for section_text in report.languages.get().sections.exclude(pk=first.pk):
        services.save_report_section(
            section_text=section_text, text="<p>Text.</p>", base_version=0, actor=secretariat
        )
    programme(review)
    assert verdict("report-sections", review).is_met


def test_the_reports_of_several_reviews_are_read_at_once(secretariat, django_assert_num_queries):
    reviews = [review_ended(10), review_ended(10, "ECA"), review_ended(10, "ESCAP")]
    for review in reviews:
        finish(review, secretariat)
    all_facts = facts_for_reviews(reviews)
    with django_assert_num_queries(3):  # reports, their originals, the originals' sections
        verdicts = [evaluator_for("report-sections")(facts) for facts in all_facts]
        verdicts += [evaluator_for("report-on-time")(facts) for facts in all_facts]
    assert [v.is_met for v in verdicts] == [False, False, False, True, True, True]


def test_the_checklist_page_shows_the_report_verdicts(client, secretariat):
    review = review_ended(20)
    finish(review, secretariat)
    client.force_login(secretariat)
    page = client.get(reverse("reviews:checklist", args=[review.pk])).content.decode()
    assert "Final on " in page and "within the due date of" in page
