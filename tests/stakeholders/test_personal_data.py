import datetime
import json
import logging
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from budgets.committed import committed_totals
from budgets.models import Commitment
from reference.models import Commission
from reviews.enums import Affiliation, Gender
from stakeholders import funding
from stakeholders.enums import FundingStatus, NominationKind
from stakeholders.models import (
    AnonymousParticipant,
    FundingRequest,
    Nomination,
    PersonalDataRemoval,
    Profile,
    Registration,
)
from stakeholders.personal_data import participation_counts, remove_expired_personal_data
from stakeholders.tasks import remove_expired_personal_data_task
from tests.factories import UserFactory, commission_secretariat, make_review
from tests.stakeholders.builders_funding import ask, make_event, offer, register

pytestmark = pytest.mark.django_db


def nominate(user, review, name="Dr. Rosa Nominee"):
    return Nomination.objects.create(
        review=review,
        nominator=user,
        kind=NominationKind.PANELLIST,
        name=name,
        title="University of Nairobi",
        description="Expert on labour migration",
        gender=Gender.WOMAN,
        affiliation=Affiliation.STAKEHOLDER,
        stakeholder_category_id=None,
    )


def test_download_holds_what_is_theirs_and_nothing_internal(client, event, applicant, eca):
    Profile.objects.create(user=applicant, kind="government", gender=Gender.WOMAN)
    request = ask(register(applicant, event, delegation="MLI"), justification="First meeting")
    funding.add_funding_message(request=request, author=eca, text="Seen", visible_to_applicant=True)
    funding.add_funding_message(
        request=request, author=eca, text="Internal", visible_to_applicant=False
    )
    nominate(applicant, event.review)
    other = UserFactory(email="someone.else@example.org")
    ask(register(other, event), justification="Someone else's reasons")
    client.force_login(applicant)

    response = client.get(reverse("stakeholders:personal_data_export"))

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment;")
    assert data["account"]["email"] == applicant.email
    assert data["profile"]["gender"] == "woman"
    assert [r["delegation_of"] for r in data["registrations"]] == ["MLI"]
    [mine] = data["funding_requests"]
    assert mine["justification"] == "First meeting"
    assert [m["text"] for m in mine["messages"]] == ["Seen"]
    assert [n["name"] for n in data["nominations"]] == ["Dr. Rosa Nominee"]
    assert b"Someone else" not in response.content
    assert b"someone.else" not in response.content


def test_another_person_never_gets_someone_elses_data(client, event, applicant):
    ask(register(applicant, event), justification="Private reasons")
    client.force_login(UserFactory())

    response = client.get(reverse("stakeholders:personal_data_export"))

    assert json.loads(response.content)["funding_requests"] == []
    assert b"Private reasons" not in response.content


def test_anonymous_visitor_is_sent_to_sign_in(client):
    assert client.get(reverse("stakeholders:personal_data_export")).status_code == 302
    assert client.post(reverse("stakeholders:personal_data"), {"email": "x"}).status_code == 302


def test_deleting_the_account_keeps_counts_and_committed_amounts(client, event, applicant, eca):
    Profile.objects.create(user=applicant, kind="government", gender=Gender.WOMAN)
    request = ask(register(applicant, event, delegation="MLI"))
    offer(request, eca)
    # Withdrawn after the offer: the applicant reversed the commitment (its actor, PROTECT before).
    funding.move_funding_request(request=request, to=FundingStatus.WITHDRAWN, actor=applicant)
    kept = ask(register(UserFactory(), event, delegation="MLI"))
    offer(kept, eca)
    nominate(applicant, event.review)
    counts = participation_counts(event)
    committed = committed_totals(event.review.cycle.budgets.get())
    client.force_login(applicant)

    response = client.post(
        reverse("stakeholders:personal_data"), {"email": applicant.email.upper()}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=applicant.pk).exists()
    assert participation_counts(event) == counts
    assert committed_totals(event.review.cycle.budgets.get()) == committed
    request.refresh_from_db()
    assert (request.registration, request.justification, request.status) == (
        None,
        "",
        FundingStatus.WITHDRAWN,
    )
    assert Commitment.objects.get(pk=request.commitment_id).reversed_by is None
    assert not request.messages.exists()
    assert not Nomination.objects.exists()


def test_deletion_asks_for_the_email_address(client, applicant):
    client.force_login(applicant)

    response = client.post(reverse("stakeholders:personal_data"), {"email": "wrong@example.org"})

    assert response.status_code == 200
    assert User.objects.filter(pk=applicant.pk).exists()


def test_secretariat_account_is_not_deleted_by_its_holder(client, reference_data):
    user = commission_secretariat(Commission.objects.get(code="ECA"))
    client.force_login(user)

    response = client.post(reverse("stakeholders:personal_data"), {"email": user.email})

    assert response.status_code == 409
    assert "ask the Network secretariat to end them first" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


@pytest.fixture
def past_and_recent(reference_data, settings):
    """An event that ended 400 days ago (due with a retention of 365) and one 30 days ago."""
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    today = timezone.localdate()
    old_review = make_review(
        "ECA",
        slug="old",
        meeting_start=today - datetime.timedelta(days=401),
        meeting_end=today - datetime.timedelta(days=400),
    )
    recent_review = make_review(
        "ECA",
        slug="recent",
        meeting_start=today - datetime.timedelta(days=31),
        meeting_end=today - datetime.timedelta(days=30),
    )
    old, recent = make_event(old_review), make_event(recent_review)
    people = [UserFactory(), UserFactory()]
    for person, gender in zip(people, [Gender.WOMAN, Gender.MAN], strict=True):
        Profile.objects.create(user=person, kind="government", gender=gender)
        for event in (old, recent):
            request = funding.ask_for_funding(
                registration=register(person, event, delegation="MLI"),
                flight=Decimal("900"),
                days=3,
                rate=Decimal("200"),
                justification="Reasons",
                actor=person,
            )
            funding.add_funding_message(
                request=request, author=person, text="Hello", visible_to_applicant=True
            )
        nominate(person, old_review)
        nominate(person, recent_review)
    return old, recent, people


def test_retention_removes_what_is_due_and_nothing_else_twice_without_harm(past_and_recent, caplog):
    old, recent, people = past_and_recent
    counts = {event.pk: participation_counts(event) for event in (old, recent)}
    recent_rows = (
        list(Registration.objects.filter(event=recent).values_list("pk", flat=True)),
        list(
            FundingRequest.objects.filter(event=recent).values_list(
                "pk", "justification", "registration_id"
            )
        ),
        list(Nomination.objects.filter(review=recent.review).values_list("pk", "nominator_id")),
    )

    with caplog.at_level(logging.INFO, logger="stakeholders.personal_data"):
        first = remove_expired_personal_data_task()
        second = remove_expired_personal_data_task()

    assert first == {"registrations": 2, "funding_requests": 2, "messages": 2, "nominations": 2}
    assert second == {"registrations": 0, "funding_requests": 0, "messages": 0, "nominations": 0}
    assert not Registration.objects.filter(event=old).exists()
    assert list(
        FundingRequest.objects.filter(event=old).values_list("registration", "justification")
    ) == [(None, ""), (None, "")]
    assert not Nomination.objects.filter(review=old.review).exists()
    assert {event.pk: participation_counts(event) for event in (old, recent)} == counts
    assert AnonymousParticipant.objects.filter(event=old).count() == 2
    assert recent_rows == (
        list(Registration.objects.filter(event=recent).values_list("pk", flat=True)),
        list(
            FundingRequest.objects.filter(event=recent).values_list(
                "pk", "justification", "registration_id"
            )
        ),
        list(Nomination.objects.filter(review=recent.review).values_list("pk", "nominator_id")),
    )
    assert User.objects.filter(pk__in=[p.pk for p in people]).count() == 2
    removal = PersonalDataRemoval.objects.get()
    assert (removal.event, removal.registrations, removal.messages) == (old, 2, 2)
    assert "Personal data of event" in caplog.text
    assert "No personal data is due for removal." in caplog.text


def test_retention_keeps_accepted_nominations_without_their_nominator(past_and_recent):
    old, _recent, _people = past_and_recent
    accepted = Nomination.objects.filter(review=old.review).first()
    Nomination.objects.filter(pk=accepted.pk).update(status="accepted")

    remove_expired_personal_data()

    assert list(Nomination.objects.filter(review=old.review).values_list("pk", "nominator")) == [
        (accepted.pk, None)
    ]


@pytest.mark.parametrize(
    "address", ["stakeholders:personal_data_export", "stakeholders:personal_data"]
)
def test_personal_data_pages_keep_their_number_of_queries(client, review, applicant, eca, address):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for more in (1, 3):
        for number in range(more):
            request = ask(register(applicant, make_event(review, title=f"Event {more}-{number}")))
            funding.add_funding_message(
                request=request, author=eca, text="Hi", visible_to_applicant=True
            )
            nominate(applicant, review, name=f"Person {more}-{number}")
        client.force_login(applicant)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(address)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
