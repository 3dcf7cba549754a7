import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.checklist import evaluator_for
from reviews.models import Session, Speaker
from reviews.selectors import facts_for
from stakeholders import nominations
from stakeholders.enums import NominationStatus
from stakeholders.models import Nomination
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PANELLIST = {
    "kind": "panellist",
    "name": "Dr. Rosa Nominee",
    "title": "University of Nairobi",
    "description": "Leads research on labour migration corridors",
    "gender": "woman",
    "affiliation": "intergovernmental",
}
SIDE_EVENT = {
    "kind": "side_event",
    "name": "Migrant workers' voices",
    "title": "Migrant Voices Asia",
    "description": "Testimonies of returning workers",
}


@pytest.fixture
def open_window(review):
    today = timezone.localdate()
    return nominations.set_nomination_window(
        review=review,
        opens=today - datetime.timedelta(days=1),
        closes=today + datetime.timedelta(days=10),
    )


def propose(client, review, data):
    return client.post(reverse("stakeholders:nomination_new", args=[review.pk]), data)


def test_stakeholder_proposes_while_the_window_is_open(client, review, open_window, applicant):
    client.force_login(applicant)

    response = propose(client, review, PANELLIST)

    assert response.url == reverse("stakeholders:my_nominations")
    assert list(Nomination.objects.values_list("name", "nominator", "status")) == [
        ("Dr. Rosa Nominee", applicant.pk, NominationStatus.PROPOSED)
    ]


def test_nobody_proposes_once_the_window_is_closed(client, review, applicant):
    today = timezone.localdate()
    nominations.set_nomination_window(
        review=review,
        opens=today - datetime.timedelta(days=9),
        closes=today - datetime.timedelta(days=1),
    )
    client.force_login(applicant)

    assert client.get(reverse("stakeholders:nomination_new", args=[review.pk])).status_code == 404
    assert propose(client, review, PANELLIST).status_code == 404
    assert not Nomination.objects.exists()


def test_a_person_needs_gender_and_affiliation(client, review, open_window, applicant):
    client.force_login(applicant)

    response = propose(client, review, {**PANELLIST, "gender": "", "affiliation": ""})

    assert response.status_code == 200
    assert not Nomination.objects.exists()


def test_accepted_panellist_joins_the_session_and_the_nominator_sees_it(
    client, review, open_window, applicant, eca
):
    client.force_login(applicant)
    propose(client, review, PANELLIST)
    session = Session.objects.create(
        review=review,
        kind="roundtable",
        title="Round table 1",
        date=review.meeting_start,
        start_time=datetime.time(10),
    )
    nomination = Nomination.objects.get()
    client.force_login(eca)

    response = client.post(
        reverse("stakeholders:nomination_decide", args=[nomination.pk]),
        {"decision": "accept", "session": session.pk},
    )

    assert response.status_code == 302
    assert list(Speaker.objects.values_list("session", "name", "role", "gender")) == [
        (session.pk, "Dr. Rosa Nominee", "panellist", "woman")
    ]
    client.force_login(applicant)
    mine = client.get(reverse("stakeholders:my_nominations")).content.decode()
    assert "accepted into the programme" in mine
    assert "Round table 1" in mine


def test_declined_side_event_tells_the_nominator_why(client, review, open_window, applicant, eca):
    client.force_login(applicant)
    propose(client, review, SIDE_EVENT)
    nomination = Nomination.objects.get()
    client.force_login(eca)

    client.post(
        reverse("stakeholders:nomination_decide", args=[nomination.pk]),
        {"decision": "decline", "reason": "No room left on the second day"},
    )

    client.force_login(applicant)
    assert (
        "No room left on the second day"
        in client.get(reverse("stakeholders:my_nominations")).content.decode()
    )
    assert not Session.objects.exists()


def test_secretariat_of_another_commission_cannot_decide(
    client, review, open_window, applicant, escap
):
    client.force_login(applicant)
    propose(client, review, SIDE_EVENT)
    nomination = Nomination.objects.get()
    client.force_login(escap)
    address = reverse("stakeholders:nomination_decide", args=[nomination.pk])

    assert client.get(address).status_code == 404
    assert client.post(address, {"decision": "decline", "reason": "No"}).status_code == 404
    assert Nomination.objects.get().status == NominationStatus.PROPOSED


def test_side_events_item_counts_accepted_side_events(review, open_window, applicant, eca):
    evaluate = evaluator_for("side-events")
    proposed = nominations.propose_nomination(
        nomination=Nomination(review=review, **SIDE_EVENT), nominator=applicant
    )

    pending = evaluate(facts_for(review))
    nominations.accept_nomination(
        nomination=proposed, actor=eca, date=review.meeting_start, start_time=datetime.time(13)
    )
    met = evaluate(facts_for(review))

    assert not pending.is_met
    assert "1 side event proposed by stakeholders awaits a decision." in pending.reasons
    assert met.is_met
    assert met.reasons[0] == "1 side event proposed by stakeholders is accepted."
    assert Session.objects.get().kind == "side_event"


def test_a_decided_nomination_is_not_decided_again(review, open_window, applicant, eca):
    proposed = nominations.propose_nomination(
        nomination=Nomination(review=review, **SIDE_EVENT), nominator=applicant
    )
    nominations.decline_nomination(nomination=proposed, actor=eca, reason="Full")

    with pytest.raises(nominations.NominationRefused):
        nominations.accept_nomination(
            nomination=proposed, actor=eca, date=review.meeting_start, start_time=datetime.time(13)
        )


@pytest.mark.parametrize("page", ["review", "mine"])
def test_nomination_pages_keep_their_number_of_queries(client, review, open_window, eca, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    nominator = UserFactory()
    counts = []
    for more in (1, 3):
        for number in range(more):
            nominations.propose_nomination(
                nomination=Nomination(
                    review=review, **{**PANELLIST, "name": f"Person {more}{number}"}
                ),
                nominator=nominator,
            )
        client.force_login(eca if page == "review" else nominator)
        address = (
            reverse("stakeholders:review_nominations", args=[review.pk])
            if page == "review"
            else reverse("stakeholders:my_nominations")
        )
        client.get(address)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
