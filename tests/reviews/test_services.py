"""Writes of a review that go through services in a transaction."""

import pytest

from core.concurrency import ConcurrentEditError
from reviews import services
from tests.factories import make_review

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
