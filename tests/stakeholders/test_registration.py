"""Registering, endorsing, deciding, the waiting list and cancelling, as services."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from outbox.models import OutboxMessage
from reference.models import Commission
from stakeholders.enums import ParticipantKind, RegistrationStatus
from stakeholders.models import Registration
from stakeholders.registration import (
    cancel_registration,
    decide_registration,
    decide_registrations,
    endorse_registration,
    register,
    save_event,
)
from tests.factories import UserFactory, commission_secretariat, representative
from tests.stakeholders.builders import PDF, make_event, participant, verified_organisation

Status = RegistrationStatus


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


def approve(registration, actor):
    return decide_registration(registration=registration, decision=Status.APPROVED, actor=actor)


def test_a_full_event_waitlists_the_next_approval(secretariat):
    event = make_event(capacity=2)
    first, second, third = (register(event=event, user=participant()) for _ in range(3))
    assert [approve(r, secretariat).status for r in (first, second, third)] == [
        Status.APPROVED,
        Status.APPROVED,
        Status.WAITLISTED,
    ]
    third.refresh_from_db()
    assert third.waitlisted_at is not None
    assert event.registrations.filter(status=Status.APPROVED).count() == 2


def test_a_cancellation_offers_the_place_to_the_first_on_the_waiting_list(secretariat):
    event = make_event(capacity=1)
    holder, early, late = (register(event=event, user=participant()) for _ in range(3))
    approve(holder, secretariat)
    approve(early, secretariat)
    approve(late, secretariat)

    cancel_registration(registration=holder, actor=holder.user)

    statuses = dict(event.registrations.values_list("pk", "status"))
    assert statuses == {
        holder.pk: Status.CANCELLED,
        early.pk: Status.APPROVED,
        late.pk: Status.WAITLISTED,
    }
    offered = OutboxMessage.objects.filter(about_id=early.pk).latest("pk")
    assert offered.recipients == [early.user.email]
    assert "a place has become free" in offered.body


def test_more_places_go_to_the_waiting_list(secretariat):
    event = make_event(capacity=1)
    registrations = [register(event=event, user=participant()) for _ in range(3)]
    for registration in registrations:
        approve(registration, secretariat)
    event.capacity = 2
    save_event(event=event, expected_version=event.version)
    assert list(event.registrations.order_by("pk").values_list("status", flat=True)) == [
        Status.APPROVED,
        Status.APPROVED,
        Status.WAITLISTED,
    ]


def test_a_second_registration_is_refused_clearly(secretariat):
    event, person = make_event(), participant()
    register(event=event, user=person)
    with pytest.raises(ValidationError) as refused:
        register(event=event, user=person)
    assert refused.value.messages == ["You are already registered for this event."]
    assert Registration.objects.filter(event=event, user=person).count() == 1


def test_registration_needs_a_profile_and_an_open_window(reference_data):
    event = make_event()
    with pytest.raises(ValidationError, match="profile"):
        register(event=event, user=UserFactory())
    closed = make_event(
        event.review,
        registration_opens=timezone.localdate() - datetime.timedelta(days=9),
        registration_closes=timezone.localdate() - datetime.timedelta(days=2),
    )
    with pytest.raises(ValidationError, match="not open"):
        register(event=closed, user=participant())


def test_a_government_delegate_attaches_a_note_verbale_checked_by_content(reference_data):
    event, delegate = make_event(), participant(kind=ParticipantKind.GOVERNMENT, country="CHL")
    with pytest.raises(ValidationError, match="note verbale"):
        register(event=event, user=delegate)
    fake = SimpleUploadedFile("note.pdf", b"not a pdf at all", content_type="application/pdf")
    with pytest.raises(ValidationError, match="accepted kinds"):
        register(event=event, user=delegate, note_verbale=fake)
    registration = register(
        event=event,
        user=delegate,
        note_verbale=SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf"),
    )
    assert (registration.kind, registration.country.iso3) == ("government", "CHL")
    assert registration.note_verbale.open("rb").read(5) == b"%PDF-"


def test_an_organisations_delegate_is_endorsed_before_the_secretariat_approves(secretariat):
    organisation = verified_organisation()
    event, delegate = make_event(), participant(organisation=organisation)
    registration = register(event=event, user=delegate)
    assert registration.organisation == organisation
    with pytest.raises(ValidationError, match="not endorsed"):
        approve(registration, secretariat)

    endorse_registration(registration=registration, actor=representative(organisation))

    assert approve(Registration.objects.get(pk=registration.pk), secretariat).status == "approved"


def test_a_refused_endorsement_declines_and_tells_the_person(reference_data):
    organisation = verified_organisation()
    registration = register(event=make_event(), user=participant(organisation=organisation))
    endorse_registration(
        registration=registration, actor=representative(organisation), endorse=False
    )
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED
    assert OutboxMessage.objects.get(about_id=registration.pk).subject.startswith(
        "Your registration for"
    )


def test_each_decision_drafts_an_email_in_the_persons_language(secretariat):
    person = participant(preferred_language="es")
    registration = register(event=make_event(), user=person)
    decide_registration(registration=registration, decision=Status.DECLINED, actor=secretariat)
    message = OutboxMessage.objects.get()
    assert (message.about, message.about_label, message.recipients) == (
        registration,
        person.name,
        [person.email],
    )
    assert message.status == OutboxMessage.Status.DRAFT
    assert message.review == registration.event.review


def test_bulk_decisions_report_what_could_not_be_decided(secretariat):
    organisation = verified_organisation()
    event = make_event(capacity=1)
    first = register(event=event, user=participant())
    unendorsed = register(event=event, user=participant(organisation=organisation))
    third = register(event=event, user=participant())

    outcome = decide_registrations(
        registrations=Registration.objects.filter(event=event),
        decision=Status.APPROVED,
        actor=secretariat,
    )

    assert [r.pk for r in outcome.decided] == [first.pk]
    assert [r.pk for r in outcome.waitlisted] == [third.pk]
    assert [(r.pk, "endorsed" in reason) for r, reason in outcome.refused] == [
        (unendorsed.pk, True)
    ]


def test_a_decision_over_a_changed_registration_is_refused(secretariat):
    registration = register(event=make_event(), user=participant())
    approve(registration, secretariat)
    with pytest.raises(ValidationError, match="changed"):
        decide_registration(
            registration=registration,
            decision=Status.DECLINED,
            actor=secretariat,
            expected_version=1,
        )


def _race(target, count: int = 2) -> list[str]:
    start, outcomes = threading.Barrier(count), []

    def run(index):
        try:
            start.wait()
            target(index)
            outcomes.append("done")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_registrations_of_one_person_keep_one(transactional_reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer; the race needs PostgreSQL")
    event, person = make_event(), participant()
    outcomes = _race(lambda index: register(event=event, user=person), count=4)
    assert outcomes == ["You are already registered for this event."] * 3 + ["done"]
    assert Registration.objects.filter(event=event, user=person).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_cannot_both_take_the_last_place(
    transactional_reference_data,
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer; the race needs PostgreSQL's row locks")
    secretariat = commission_secretariat(Commission.objects.get(code="ECLAC"))
    event = make_event(capacity=1)
    registrations = [register(event=event, user=participant()) for _ in range(2)]
    _race(lambda index: approve(registrations[index], secretariat))
    assert sorted(event.registrations.values_list("status", flat=True)) == [
        Status.APPROVED,
        Status.WAITLISTED,
    ]
