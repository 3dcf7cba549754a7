"""Travel funding in the browser's terms: who sees and does what, by GET and by POST, and pages
whose number of queries does not grow with what they list."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budgets.committed import active_commitments
from stakeholders import funding
from stakeholders.enums import FundingStatus
from tests.factories import UserFactory, network_secretariat
from tests.stakeholders.builders_funding import ask, make_event, offer, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_of_applicant(event, applicant):
    return ask(register(applicant, event, delegation="MLI"), justification="Delegate of Mali")


def url(name, request):
    return reverse(f"stakeholders:{name}", args=[request.pk])


def test_applicant_asks_with_the_eligibility_proposed(client, event, applicant):
    registration = register(applicant, event, delegation="MLI")
    client.force_login(applicant)
    new = reverse("stakeholders:funding_new", args=[registration.pk])

    page = client.get(new)
    response = client.post(new, {"flight": "1100", "days": "3", "rate": "280"})

    assert "delegate of a least developed country" in page.content.decode()
    request = registration.funding_request
    assert response.url == url("funding_request", request)
    assert request.requested_total == Decimal("1940")


def test_another_stakeholder_cannot_ask_on_someone_elses_registration(client, event, applicant):
    registration = register(applicant, event)
    client.force_login(UserFactory())
    new = reverse("stakeholders:funding_new", args=[registration.pk])

    assert client.get(new).status_code == 404
    assert client.post(new, {"flight": "1", "days": "1", "rate": "1"}).status_code == 404
    assert not hasattr(registration, "funding_request")


@pytest.mark.parametrize(
    "name", ["funding_request", "funding_decide", "funding_respond", "funding_message"]
)
def test_another_stakeholder_finds_nothing(client, request_of_applicant, name):
    client.force_login(UserFactory())

    get = client.get(url(name, request_of_applicant)).status_code
    post = client.post(url(name, request_of_applicant), {"text": "x", "to": "withdrawn"})

    # The request's page only reads; the others only take a POST.
    expected = (404, 405) if name == "funding_request" else (405, 404)
    assert (get, post.status_code) == expected
    request_of_applicant.refresh_from_db()
    assert request_of_applicant.status == FundingStatus.SUBMITTED
    assert not request_of_applicant.messages.exists()


def test_secretariat_of_another_commission_finds_nothing(client, request_of_applicant, escap):
    client.force_login(escap)

    assert client.get(url("funding_request", request_of_applicant)).status_code == 404
    decision = client.post(
        url("funding_decide", request_of_applicant),
        {"decision": "rejected", "basis": "ldc", "note": "No", "version": "1"},
    )
    assert decision.status_code == 404
    review_page = reverse(
        "stakeholders:review_funding", args=[request_of_applicant.event.review_id]
    )
    assert client.get(review_page).status_code == 404
    request_of_applicant.refresh_from_db()
    assert request_of_applicant.status == FundingStatus.SUBMITTED


def test_applicant_cannot_decide_their_own_request(client, request_of_applicant, applicant):
    client.force_login(applicant)

    response = client.post(
        url("funding_decide", request_of_applicant),
        {
            "decision": "offered",
            "basis": "ldc",
            "flight": "1",
            "days": "3",
            "rate": "1",
            "version": "1",
        },
    )

    assert response.status_code == 404
    assert not active_commitments().exists()


def test_applicant_does_not_read_internal_messages(client, request_of_applicant, applicant, eca):
    funding.add_funding_message(
        request=request_of_applicant,
        author=eca,
        text="Check the note verbale",
        visible_to_applicant=False,
    )
    funding.add_funding_message(
        request=request_of_applicant,
        author=eca,
        text="Please send your itinerary",
        visible_to_applicant=True,
    )

    client.force_login(applicant)
    applicant_page = client.get(url("funding_request", request_of_applicant)).content.decode()
    client.force_login(eca)
    secretariat_page = client.get(url("funding_request", request_of_applicant)).content.decode()

    assert "Please send your itinerary" in applicant_page
    assert "Check the note verbale" not in applicant_page
    assert "Check the note verbale" in secretariat_page


def test_secretariat_offers_and_the_line_shows_the_commitment(client, request_of_applicant, eca):
    client.force_login(eca)

    response = client.post(
        url("funding_decide", request_of_applicant),
        {
            "decision": "offered",
            "basis": "ldc",
            "flight": "1200",
            "days": "3",
            "rate": "300",
            "version": request_of_applicant.version,
        },
    )
    page = client.get(
        reverse("stakeholders:review_funding", args=[request_of_applicant.event.review_id])
    )

    assert response.status_code == 302
    request_of_applicant.refresh_from_db()
    assert request_of_applicant.status == FundingStatus.OFFERED
    row = next(r for r in page.context["travel"].rows if r.category.code == "ldc_lldc_travel")
    assert (row.committed, row.funded) == (Decimal("2100"), 1)
    assert row.remaining == Decimal("36") * Decimal("2222.70") - Decimal("2100")


def test_offer_over_the_line_asks_for_the_override(client, event, applicant, eca):
    request = ask(register(applicant, event), flight="60000")
    client.force_login(eca)
    data = {
        "decision": "offered",
        "basis": "stakeholder",
        "flight": "60000",
        "days": "4",
        "rate": "300",
        "version": request.version,
    }

    refused = client.post(url("funding_decide", request), data)
    accepted = client.post(
        url("funding_decide", request),
        {**data, "override": "on", "override_reason": "Keynote speaker"},
    )

    assert refused.status_code == 409
    assert "would exceed" in refused.content.decode()
    assert accepted.status_code == 302
    request.refresh_from_db()
    assert request.commitment.override_reason == "Keynote speaker"


def test_applicant_accepts_the_offer(client, request_of_applicant, applicant, eca):
    offer(request_of_applicant, eca)
    client.force_login(applicant)

    response = client.post(
        url("funding_respond", request_of_applicant),
        {"to": "accepted", "version": request_of_applicant.version, "note": "Thank you"},
    )

    assert response.status_code == 302
    request_of_applicant.refresh_from_db()
    assert request_of_applicant.status == FundingStatus.ACCEPTED
    assert list(request_of_applicant.messages.values_list("text", flat=True)) == ["Thank you"]


def test_network_secretariat_sees_every_commission(client, request_of_applicant):
    client.force_login(network_secretariat())

    assert client.get(url("funding_request", request_of_applicant)).status_code == 200


def requests_on(event, count):
    for _ in range(count):
        request = ask(register(UserFactory(), event, delegation="MLI"))
        funding.add_funding_message(
            request=request,
            author=request.registration.user,
            text="Hello",
            visible_to_applicant=True,
        )


@pytest.mark.parametrize("page", ["review", "mine", "request"])
def test_pages_keep_their_number_of_queries(
    client, event, applicant, eca, page, django_assert_num_queries
):
    """One request and four: the same number of queries."""
    mine = ask(register(applicant, event))
    offer(mine, eca)
    counts = []
    for more in (0, 3):
        requests_on(event, more)
        for number in range(more):
            # The applicant's own list grows too: a request and a registration still to ask.
            for _ in range(2):
                other = make_event(event.review, title=f"Consultation {more}-{number}-{_}")
                registration = register(applicant, other)
            ask(registration)
        for _ in range(more):
            funding.add_funding_message(
                request=mine, author=eca, text="Note", visible_to_applicant=True
            )
        if page == "review":
            client.force_login(eca)
            address = reverse("stakeholders:review_funding", args=[event.review_id])
        elif page == "mine":
            client.force_login(applicant)
            address = reverse("stakeholders:my_funding")
        else:
            client.force_login(eca)
            address = url("funding_request", mine)
        client.get(address)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
