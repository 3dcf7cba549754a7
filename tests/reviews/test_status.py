"""A review's status moves only along ReviewStatus.transitions(), locked, re-checked and audited."""

import pytest
from django.urls import reverse

from reference.models import Commission
from reviews import services
from reviews.enums import ReviewStatus
from reviews.models import RegionalReview, ReviewStatusChange
from tests.factories import commission_secretariat, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(reference_data):
    return make_review("ECE")


@pytest.fixture
def ece_staff(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECE"))


def test_transitions_lead_only_to_the_neighbouring_states():
    assert ReviewStatus.transitions() == {
        ReviewStatus.DRAFT: (ReviewStatus.ANNOUNCED,),
        ReviewStatus.ANNOUNCED: (ReviewStatus.DRAFT, ReviewStatus.HELD),
        ReviewStatus.HELD: (ReviewStatus.ANNOUNCED, ReviewStatus.CLOSED),
        ReviewStatus.CLOSED: (ReviewStatus.HELD,),
    }


def test_allowed_transition_changes_the_status_and_is_audited(review, ece_staff):
    change = services.set_review_status(
        review=review, status=ReviewStatus.ANNOUNCED, actor=ece_staff
    )
    review.refresh_from_db()
    assert review.status == ReviewStatus.ANNOUNCED
    assert list(
        ReviewStatusChange.objects.values_list("review", "actor", "from_status", "to_status")
    ) == [(review.pk, ece_staff.pk, "draft", "announced")]
    assert change.created_at is not None


def test_forbidden_transition_is_refused_and_nothing_is_recorded(review, ece_staff):
    with pytest.raises(services.StatusChangeRefused, match="cannot go from “draft” to “closed”"):
        services.set_review_status(review=review, status=ReviewStatus.CLOSED, actor=ece_staff)
    review.refresh_from_db()
    assert review.status == ReviewStatus.DRAFT
    assert ReviewStatusChange.objects.count() == 0


def test_stale_transition_is_refused(review, ece_staff):
    stale = RegionalReview.objects.get(pk=review.pk)
    services.set_review_status(review=review, status=ReviewStatus.ANNOUNCED, actor=ece_staff)
    # The second writer still holds the draft it read; announcing again is a decision on old data.
    with pytest.raises(services.StatusChangeRefused, match="to “announced” meanwhile"):
        services.set_review_status(review=stale, status=ReviewStatus.ANNOUNCED, actor=ece_staff)
    assert ReviewStatusChange.objects.count() == 1


def test_dashboard_offers_the_next_states_as_buttons(client, review, ece_staff):
    client.force_login(ece_staff)
    services.set_review_status(review=review, status=ReviewStatus.ANNOUNCED, actor=ece_staff)
    html = client.get(reverse("reviews:dashboard", args=[review.pk])).content.decode()
    assert 'name="status" value="draft">Change to “draft”</button>' in html
    assert 'name="status" value="held">Change to “meeting held”</button>' in html
    assert 'value="closed">' not in html


def test_status_page_moves_the_review_and_refuses_a_stale_page(client, review, ece_staff):
    client.force_login(ece_staff)
    url = reverse("reviews:status", args=[review.pk])
    moved = client.post(url, {"current": "draft", "status": "announced"}, follow=True)
    assert "The review is now “announced”." in moved.content.decode()
    stale = client.post(url, {"current": "draft", "status": "announced"}, follow=True)
    assert (
        "Someone else changed the status of this review to “announced” meanwhile."
        in stale.content.decode()
    )
    assert ReviewStatusChange.objects.filter(review=review).count() == 1
    assert client.get(url).status_code == 405


def test_status_page_is_not_found_for_another_commission(client, review):
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    response = client.post(
        reverse("reviews:status", args=[review.pk]), {"current": "draft", "status": "announced"}
    )
    assert response.status_code == 404
    review.refresh_from_db()
    assert review.status == ReviewStatus.DRAFT


def test_edit_form_no_longer_changes_the_status(client, review, ece_staff):
    client.force_login(ece_staff)
    client.post(
        reverse("reviews:edit", args=[review.pk]),
        {
            "version": review.version,
            "title": "Renamed",
            "status": "closed",
            "meeting_start": "2020-11-12",
            "meeting_end": "2020-11-13",
            "meeting_format": "virtual",
            "documents_due_weeks": 4,
        },
    )
    review.refresh_from_db()
    assert (review.title, review.status) == ("Renamed", ReviewStatus.DRAFT)
