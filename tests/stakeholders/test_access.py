"""Who sees and changes which registration: stories about people, by GET and by POST."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reference.models import Commission
from stakeholders.enums import ParticipantKind, RegistrationStatus
from stakeholders.models import Registration
from stakeholders.registration import register
from tests.factories import commission_secretariat, network_secretariat, representative
from tests.stakeholders.builders import (
    PDF,
    make_event,
    open_review,
    participant,
    verified_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    organisation, other_organisation = verified_organisation(), verified_organisation()
    eclac_event = make_event(open_review("ECLAC"))
    escap_event = make_event(open_review("ESCAP"))
    delegate = participant(kind=ParticipantKind.GOVERNMENT, country="CHL")
    return {
        "eclac_event": eclac_event,
        "escap_event": escap_event,
        "ours": register(event=eclac_event, user=participant(organisation=organisation)),
        "theirs": register(event=eclac_event, user=participant(organisation=other_organisation)),
        "delegate": register(
            event=eclac_event,
            user=delegate,
            note_verbale=SimpleUploadedFile("nota.pdf", PDF, content_type="application/pdf"),
        ),
        "asian": register(event=escap_event, user=participant(country="PHL")),
        "representative": representative(organisation),
        "eclac": commission_secretariat(Commission.objects.get(code="ECLAC")),
        "escap": commission_secretariat(Commission.objects.get(code="ESCAP")),
        "network": network_secretariat(),
    }


def status_of(registration) -> str:
    return Registration.objects.get(pk=registration.pk).status


def test_a_stakeholder_sees_only_their_own_registration(client, scene):
    ours = scene["ours"]
    client.force_login(ours.user)
    own = client.get(reverse("stakeholders:registration", args=[ours.pk]))
    assert own.status_code == 200
    assert ours.user.email not in own.content.decode()  # personal data is the secretariat's
    for other in ("theirs", "delegate", "asian"):
        url = reverse("stakeholders:registration", args=[scene[other].pk])
        assert client.get(url).status_code == 404
    note = reverse("stakeholders:note_verbale", args=[scene["delegate"].pk])
    assert client.get(note).status_code == 404
    cancel = reverse("stakeholders:cancel", args=[scene["theirs"].pk])
    assert client.post(cancel).status_code == 404
    assert status_of(scene["theirs"]) == RegistrationStatus.PENDING


def test_a_stakeholder_cannot_decide_or_endorse(client, scene):
    ours = scene["ours"]
    client.force_login(ours.user)
    decide = reverse("stakeholders:decide", args=[ours.pk])
    assert client.post(decide, {"decision": "approved", "version": 1}).status_code == 404
    endorse = reverse("stakeholders:endorse", args=[ours.pk])
    assert client.post(endorse, {"endorse": "yes"}).status_code == 404
    assert Registration.objects.get(pk=ours.pk).endorsed_at is None
    queue = reverse("stakeholders:registrations", args=[scene["eclac_event"].pk])
    assert client.get(queue).status_code == 404


def test_a_representative_endorses_only_their_own_organisations_delegates(client, scene):
    client.force_login(scene["representative"])
    page = client.get(reverse("stakeholders:endorsements")).content.decode()
    assert str(scene["ours"].user) in page
    assert str(scene["theirs"].user) not in page

    theirs = reverse("stakeholders:endorse", args=[scene["theirs"].pk])
    assert client.post(theirs, {"endorse": "yes"}).status_code == 404
    assert (
        client.get(reverse("stakeholders:registration", args=[scene["theirs"].pk])).status_code
        == 404
    )
    assert Registration.objects.get(pk=scene["theirs"].pk).endorsed_at is None

    ours = reverse("stakeholders:endorse", args=[scene["ours"].pk])
    assert client.post(ours, {"endorse": "yes"}).status_code == 302
    endorsed = Registration.objects.get(pk=scene["ours"].pk)
    assert (endorsed.endorsed_by, endorsed.status) == (scene["representative"], "pending")
    # Endorsing is not deciding.
    decide = reverse("stakeholders:decide", args=[scene["ours"].pk])
    assert client.post(decide, {"decision": "approved", "version": 2}).status_code == 404


def test_a_commission_secretariat_sees_and_decides_only_its_own_commissions(client, scene):
    client.force_login(scene["escap"])
    for name in ("ours", "delegate"):
        assert (
            client.get(reverse("stakeholders:registration", args=[scene[name].pk])).status_code
            == 404
        )
    decide = reverse("stakeholders:decide", args=[scene["delegate"].pk])
    assert client.post(decide, {"decision": "approved", "version": 1}).status_code == 404
    assert status_of(scene["delegate"]) == RegistrationStatus.PENDING
    queue = reverse("stakeholders:registrations", args=[scene["eclac_event"].pk])
    assert client.get(queue).status_code == 404
    assert (
        client.post(
            queue, {"decision": "declined", "registration": [scene["delegate"].pk]}
        ).status_code
        == 404
    )
    assert status_of(scene["delegate"]) == RegistrationStatus.PENDING

    own = client.get(reverse("stakeholders:registration", args=[scene["asian"].pk]))
    assert scene["asian"].user.email in own.content.decode()


def test_the_commission_secretariat_sees_personal_data_and_decides(client, scene):
    delegate = scene["delegate"]
    client.force_login(scene["eclac"])
    page = client.get(reverse("stakeholders:registration", args=[delegate.pk])).content.decode()
    assert delegate.user.email in page
    assert "Step-free access" in page
    note = client.get(reverse("stakeholders:note_verbale", args=[delegate.pk]))
    assert b"".join(note.streaming_content).startswith(b"%PDF-")
    decide = reverse("stakeholders:decide", args=[delegate.pk])
    assert client.post(decide, {"decision": "approved", "version": 1}).status_code == 302
    assert status_of(delegate) == RegistrationStatus.APPROVED


def test_the_bulk_decision_of_the_secretariat_ignores_other_events(client, scene):
    client.force_login(scene["network"])
    queue = reverse("stakeholders:registrations", args=[scene["eclac_event"].pk])
    response = client.post(
        queue, {"decision": "declined", "registration": [scene["delegate"].pk, scene["asian"].pk]}
    )
    assert response.status_code == 302
    # A registration of another event is not a choice on this page: nothing is decided.
    assert status_of(scene["delegate"]) == RegistrationStatus.PENDING
    assert status_of(scene["asian"]) == RegistrationStatus.PENDING
    client.post(queue, {"decision": "declined", "registration": [scene["delegate"].pk]})
    assert status_of(scene["delegate"]) == RegistrationStatus.DECLINED
