"""Writes of a review that go through services in a transaction."""

import pytest
from django.db import IntegrityError, transaction

from core.concurrency import ConcurrentEditError
from reviews import services
from reviews.forms import NewReviewForm
from reviews.models import RegionalReview
from tests.factories import make_review, network_secretariat

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(reference_data):
    return make_review("ECE")


def test_targets_are_saved_through_the_service_unless_changed_meanwhile(review):
    stale_version = review.version
    review.target_women_share = 60
    services.set_targets(review=review, expected_version=stale_version)
    review.refresh_from_db()
    assert (review.target_women_share, review.version) == (60, stale_version + 1)
    review.target_women_share = 10
    with pytest.raises(ConcurrentEditError, match="changed since it was read"):
        services.set_targets(review=review, expected_version=stale_version)
    review.refresh_from_db()
    assert review.target_women_share == 60


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        (
            {"meeting_start": "2020-11-13", "meeting_end": "2020-11-12"},
            "reviews_meeting_ends_after_it_starts",
        ),
        ({"meeting_start": None}, "reviews_meeting_has_both_days_or_none"),
        ({"version": 0}, "reviews_review_version_positive"),
        ({"target_women_share": 101}, "reviews_target_shares_are_percentages"),
    ],
)
def test_database_refuses_what_the_review_rules_forbid(review, fields, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        RegionalReview.objects.filter(pk=review.pk).update(**fields)


def test_review_forms_report_the_constraints_in_their_own_words(review):
    data = {
        "cycle": review.cycle.pk,
        "commission": review.commission.pk,
        "title": "Second review",
        "meeting_format": "virtual",
        "meeting_start": "2020-11-12",
    }
    form = NewReviewForm(data, user=network_secretariat())
    assert form.errors == {
        "__all__": [
            "This commission already has a review in this cycle.",
            "Give both the first and the last day of the meeting.",
        ]
    }
