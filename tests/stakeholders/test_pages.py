"""The pages: what each shows, exports, and a number of queries that does not grow with the data."""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reference.models import Commission
from reviews.enums import DocumentKind, Visibility
from reviews.models import ReviewDocument
from reviews.services import save_document
from stakeholders.enums import EventKind, NameVisibility, RegistrationStatus
from stakeholders.participants import participant_list
from stakeholders.registration import decide_registration, register
from tests.factories import commission_secretariat, representative
from tests.stakeholders.builders import make_event, open_review, participant, verified_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


def approved(event, secretariat, user=None, **person):
    registration = register(event=event, user=user or participant(**person))
    return decide_registration(
        registration=registration, decision=RegistrationStatus.APPROVED, actor=secretariat
    )


def count_queries(client, url) -> int:
    client.get(url)  # warms the per-language caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class Growing:
    """One review with an event whose every list grows by `grow()`."""

    def __init__(self, secretariat):
        self.secretariat = secretariat
        self.review = open_review()
        self.organisation = verified_organisation()
        self.representative = representative(self.organisation)
        self.event = make_event(self.review, capacity=100)
        self.viewer = participant()
        self.own = approved(self.event, secretariat, user=self.viewer)

    def grow(self):
        review = self.review
        make_event(review, kind=EventKind.MEETING, capacity=5)
        approved(self.event, self.secretariat, visibility=NameVisibility.EVERYONE)
        register(event=self.event, user=participant(organisation=self.organisation))
        register(event=make_event(review), user=self.viewer)


PAGES = {
    "open events": lambda g: (None, reverse("stakeholders:open_events")),
    "event": lambda g: (g.viewer, reverse("stakeholders:event", args=[g.event.pk])),
    "my registrations": lambda g: (g.viewer, reverse("stakeholders:mine")),
    "endorsements": lambda g: (g.representative, reverse("stakeholders:endorsements")),
    "registration": lambda g: (
        g.secretariat,
        reverse("stakeholders:registration", args=[g.own.pk]),
    ),
    "events": lambda g: (g.secretariat, reverse("stakeholders:events", args=[g.review.pk])),
    "registrations": lambda g: (
        g.secretariat,
        reverse("stakeholders:registrations", args=[g.event.pk]),
    ),
    "participants, secretariat": lambda g: (
        g.secretariat,
        reverse("stakeholders:participants", args=[g.event.pk]),
    ),
    "participants, public": lambda g: (
        None,
        reverse("stakeholders:participants", args=[g.event.pk]),
    ),
    "profile": lambda g: (g.viewer, reverse("stakeholders:profile")),
    "event form": lambda g: (g.secretariat, reverse("stakeholders:event_edit", args=[g.event.pk])),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_queries_do_not_grow_with_the_data(client, secretariat, page):
    growing = Growing(secretariat)
    growing.grow()
    user, url = PAGES[page](growing)
    if user:
        client.force_login(user)
    small = count_queries(client, url)
    growing.grow()
    growing.grow()
    assert count_queries(client, url) == small


def test_names_show_as_each_participant_chose(secretariat):
    event = make_event()
    public = approved(event, secretariat, name="Ana Public", visibility=NameVisibility.EVERYONE)
    shared = approved(event, secretariat, name="Ben Shared", visibility=NameVisibility.PARTICIPANTS)
    approved(event, secretariat, name="Cleo Private", visibility=NameVisibility.NOBODY)
    register(event=event, user=participant(name="Dana Pending"))
    anonymous = AnonymousUser()

    def names(viewer):
        return [row.name for row in participant_list(event, viewer).rows]

    assert names(anonymous) == ["Ana Public"]
    assert names(shared.user) == ["Ana Public", "Ben Shared"]
    assert names(secretariat) == ["Ana Public", "Ben Shared", "Cleo Private"]
    assert participant_list(event, public.user).hidden == 1
    assert not participant_list(event, shared.user).personal
    secretariat_view = participant_list(event, secretariat)
    assert secretariat_view.personal and secretariat_view.rows[0].email == public.user.email


def test_participant_exports_are_formula_safe_and_hold_only_what_the_viewer_sees(
    client, secretariat
):
    event = make_event()
    approved(event, secretariat, name="=HYPERLINK(1)", visibility=NameVisibility.EVERYONE)
    approved(event, secretariat, name="Hidden Person", visibility=NameVisibility.NOBODY)
    url = reverse("stakeholders:participants", args=[event.pk])
    csv_text = client.get(url, {"export": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in csv_text
    assert "Hidden Person" not in csv_text and "@example.org" not in csv_text
    client.force_login(secretariat)
    workbook = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    cells = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "'=HYPERLINK(1)" in cells and "Hidden Person" in cells
    assert "E-mail" in cells


def test_participants_documents_and_comments_admit_approved_registrants_only(client, secretariat):
    today = timezone.localdate()
    review = open_review(
        consultation_opens=today - datetime.timedelta(days=1),
        consultation_closes=today + datetime.timedelta(days=9),
    )
    event = make_event(review)
    document = save_document(
        document=ReviewDocument(
            review=review,
            kind=DocumentKind.BACKGROUND,
            title="Background paper",
            visibility=Visibility.PARTICIPANTS,
        )
    )
    registrant = approved(event, secretariat).user
    waiting = register(event=event, user=participant()).user
    url = reverse("reviews:document", args=[document.pk])

    client.force_login(waiting)
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Please add data."}).status_code == 404
    client.force_login(registrant)
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "Please add data."}).status_code == 302
    assert list(document.comments.values_list("text", flat=True)) == ["Please add data."]


def test_the_secretariat_sees_the_balance_of_registrations(client, secretariat):
    event = make_event()
    approved(event, secretariat, country="MEX")
    register(event=event, user=participant(country="CHL", gender="man"))
    client.force_login(secretariat)
    html = client.get(reverse("stakeholders:registrations", args=[event.pk])).content.decode()
    assert "2 registrations pending, approved or on the waiting list." in html
    assert "50 %" in html  # women
    assert "Countries" in html and "M49 sub-regions" in html


def test_cached_lists_show_a_decision_at_once(client, secretariat):
    event = make_event()
    approved(event, secretariat, name="Ana Public", visibility=NameVisibility.EVERYONE)
    waiting = register(event=event, user=participant(name="Ben Later", visibility="everyone"))
    url = reverse("stakeholders:participants", args=[event.pk])
    assert "Ben Later" not in client.get(url).content.decode()
    decide_registration(registration=waiting, decision=RegistrationStatus.APPROVED, actor=None)
    assert "Ben Later" in client.get(url).content.decode()
    client.force_login(secretariat)
    queue = reverse("stakeholders:registrations", args=[event.pk])
    decide_registration(registration=waiting, decision=RegistrationStatus.DECLINED, actor=None)
    html = client.get(queue, {"status": "approved"}).content.decode()
    assert ("Ana Public" in html, "Ben Later" in html) == (True, False)
