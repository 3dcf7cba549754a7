import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reviews import services
from reviews.enums import ReviewStatus
from tests.factories import UserFactory, make_review

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def public_review(reference_data):
    return make_review("ECE", status=ReviewStatus.ANNOUNCED)


def _url(review, language="en"):
    with translation.override(language):
        return reverse("reviews:review", kwargs={"pk": review.pk})


def test_public_page_shows_a_change_to_its_review_at_once(client, public_review):
    assert "Regional review ECE" in client.get(_url(public_review)).text
    public_review.title = "Regional review of the GCM in the UNECE region"
    services.update_review(
        review=public_review, expected_version=public_review.version, fields=["title"]
    )
    assert "Regional review of the GCM in the UNECE region" in client.get(_url(public_review)).text


def test_public_page_shows_a_new_round_table_title_at_once(client, public_review):
    client.get(_url(public_review))
    roundtable = public_review.roundtables.get(number=1)
    services.set_roundtable(
        roundtable=roundtable, title="Labour mobility", objectives=roundtable.objectives.all()
    )
    assert "Labour mobility" in client.get(_url(public_review)).text


def test_public_page_is_served_from_the_cache_the_second_time(
    client, public_review, django_assert_num_queries
):
    client.get(_url(public_review))
    with django_assert_num_queries(0):
        response = client.get(_url(public_review))
    assert response.status_code == 200


def test_each_language_gets_its_own_page(client, public_review):
    english = client.get(_url(public_review, "en"))
    french = client.get(_url(public_review, "fr"))
    again = client.get(_url(public_review, "en"))
    assert english["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert '<html lang="fr"' in french.text
    assert '<html lang="en"' in again.text
    assert "Commissions" in again.text


def test_cached_page_carries_a_fresh_csrf_token_each_time(public_review):
    first = Client().get(_url(public_review))
    second = Client().get(_url(public_review))
    tokens = TOKEN.findall(first.text) + TOKEN.findall(second.text)
    assert len(tokens) == 2
    assert tokens[0] != tokens[1]
    assert "\x00" not in second.text


def test_cached_page_policy_names_the_nonce_the_page_uses(rf, public_review):
    from django.middleware.csp import get_nonce
    from django.utils.csp import LazyNonce

    from core.fragments import kept_response

    request = rf.get(_url(public_review))
    request._csp_nonce = LazyNonce()
    response = kept_response(
        request, {"content": b'<script nonce="\x00csp-nonce\x00"></script>', "headers": {}}
    )
    assert response.content.decode() == f'<script nonce="{get_nonce(request)}"></script>'


def test_signed_in_user_sees_their_own_navigation(client, public_review):
    client.get(_url(public_review))  # cached for anonymous visitors
    client.force_login(UserFactory(email="reader@example.org"))
    response = client.get(_url(public_review))
    assert "Sign out" in response.text
    assert "Sign in" not in response.text


def test_anonymous_visitor_does_not_get_a_signed_in_page(public_review):
    reader = Client()
    reader.force_login(UserFactory(email="reader@example.org"))
    reader.get(_url(public_review))
    response = Client().get(_url(public_review))
    assert "Sign in" in response.text
    assert "Sign out" not in response.text


def test_draft_review_stays_hidden_after_its_public_page_was_cached(client, public_review):
    client.get(_url(public_review))
    public_review.status = ReviewStatus.DRAFT
    services.update_review(
        review=public_review, expected_version=public_review.version, fields=["status"]
    )
    assert client.get(_url(public_review)).status_code == 404


def test_page_with_a_query_string_is_rendered_every_time(client, public_review):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(_url(public_review))
    client.get(_url(public_review) + "?from=newsletter")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(public_review) + "?from=newsletter")
    assert response.status_code == 200
    assert len(queries) > 0
    assert "from=newsletter" not in client.get(_url(public_review)).text
