"""Signed-in pages keep their body until the data they show changes, and only for readers who
would see the same page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.fragments import CachedContentMixin
from core.versions import EVERYTHING, bump, review_scope, versions
from reference.models import Commission
from reviews import services
from reviews.models import ChecklistItem
from tests.factories import (
    PASSWORD,
    commission_secretariat,
    make_review,
    make_voluntary_review,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def review(reference_data):
    return make_review("ECLAC")


def signed_in(user, **options) -> Client:
    client = Client(**options)
    client.force_login(user)
    return client


def calls_of(monkeypatch, method: str) -> list:
    """The views whose CachedContentMixin `method` runs from now on."""
    calls, original = [], getattr(CachedContentMixin, method)

    def counted(view, *args, **kwargs):
        calls.append(view)
        return original(view, *args, **kwargs)

    monkeypatch.setattr(CachedContentMixin, method, counted)
    return calls


def test_a_second_visit_renders_nothing_of_the_body(review, monkeypatch):
    rendered = calls_of(monkeypatch, "render_content")
    client = signed_in(commission_secretariat(review.commission))
    url = reverse("reviews:checklist", args=[review.pk])
    first = client.get(url)
    again = client.get(url)
    assert len(rendered) == 1
    assert again.text.count("<li") == first.text.count("<li") > 20


def test_a_change_to_the_review_shows_at_once(review):
    client = signed_in(commission_secretariat(review.commission))
    url = reverse("reviews:checklist", args=[review.pk])
    client.get(url)
    item = review.checklist_items.get(key="ldc-travel")
    item.note = "Travel grants for delegates of Haiti and Bolivia"
    services.update_checklist_item(item=item, expected_version=item.version)
    assert "Travel grants for delegates of Haiti and Bolivia" in client.get(url).text


def test_a_change_through_a_bulk_update_shows_once_bumped(review):
    client = signed_in(commission_secretariat(review.commission))
    url = reverse("reviews:checklist", args=[review.pk])
    client.get(url)
    ChecklistItem.objects.filter(review=review, key="ldc-travel").update(
        note="Written without signals"
    )
    bump(review_scope(review.pk))
    assert "Written without signals" in client.get(url).text


def test_a_submission_saved_moves_the_queue_of_its_review_only(reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    other = make_review("ECE")
    before = versions([review_scope(submission.review_id)]), versions([review_scope(other.pk)])
    submission.title = "Mexico: voluntary review"
    submission.save()
    after = versions([review_scope(submission.review_id)]), versions([review_scope(other.pk)])
    assert after[0] != before[0]
    assert after[1] == before[1]


def test_a_new_role_moves_every_version_but_signing_in_does_not(review):
    before = versions([EVERYTHING])
    user = commission_secretariat(review.commission)
    settled = versions([EVERYTHING])
    assert settled != before
    assert Client().login(email=user.email, password=PASSWORD)
    signed_in(user).get(reverse("home"))
    assert versions([EVERYTHING]) == settled


def test_a_sign_up_keeps_every_page_but_a_new_name_shows_at_once(review):
    secretariat = commission_secretariat(review.commission)
    team = reverse("accounts:commission_team", args=["ECLAC"])
    reader = signed_in(secretariat)
    assert secretariat.name in reader.get(team).content.decode()
    settled = versions([EVERYTHING])

    signup = Client().post(  # a stranger signs up: nothing anyone sees has changed
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "name": "Newcomer",
            "preferred_language": "en",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert signup.status_code == 302
    assert versions([EVERYTHING]) == settled

    secretariat.name = "Amina Okafor-Lindqvist"
    secretariat.save()
    assert "Amina Okafor-Lindqvist" in reader.get(team).content.decode()


def test_readers_of_other_scopes_never_share_a_body(review):
    eclac = signed_in(commission_secretariat(review.commission))
    escap_user = commission_secretariat(Commission.objects.get(code="ESCAP"))
    url = reverse("reviews:checklist", args=[review.pk])
    assert eclac.get(url).status_code == 200
    assert signed_in(escap_user).get(url).status_code == 404


def test_cached_forms_carry_the_readers_own_csrf_token(review):
    first = signed_in(commission_secretariat(review.commission), enforce_csrf_checks=True)
    second = signed_in(commission_secretariat(review.commission), enforce_csrf_checks=True)
    url = reverse("reviews:roadmap", args=[review.pk])
    first.get(url)
    response = second.get(url)
    token = TOKEN.search(response.text).group(1)
    form = {"phase-TOTAL_FORMS": "0", "phase-INITIAL_FORMS": "0"}
    # The first reader's token would be refused: the second was served their own.
    assert second.post(url, {**form, "csrfmiddlewaretoken": token}).status_code == 302


def test_a_page_asked_again_is_served_without_being_rendered(review, monkeypatch):
    built = calls_of(monkeypatch, "get_context_data")
    client = signed_in(commission_secretariat(review.commission))
    url = reverse("reviews:checklist", args=[review.pk])

    first, again = client.get(url), client.get(url)

    def without_per_response_parts(page: str) -> str:
        return re.sub(r'nonce="[^"]+"', "", TOKEN.sub("", page))

    assert len(built) == 1
    assert without_per_response_parts(again.text) == without_per_response_parts(first.text)


def test_a_message_shows_once_on_a_kept_page(review):
    client = signed_in(commission_secretariat(review.commission))
    url = reverse("reviews:roadmap", args=[review.pk])
    client.get(url)  # kept
    form = {"phase-TOTAL_FORMS": "0", "phase-INITIAL_FORMS": "0"}

    saved = client.post(url, form, follow=True)
    later = client.get(url)

    assert "The roadmap has been saved." in saved.text
    assert "The roadmap has been saved." not in later.text


def test_each_reader_gets_the_layout_of_their_own_roles(review):
    from reference.models import Country
    from tests.factories import focal_point

    secretariat = signed_in(commission_secretariat(review.commission))
    url = reverse("reviews:review", args=[review.pk])
    assert ">Budgets<" in secretariat.get(url).text

    member = signed_in(focal_point(Country.objects.get(iso3="MEX")))
    page = member.get(url).text

    assert ">Budgets<" not in page
    assert ">Submissions<" in page
