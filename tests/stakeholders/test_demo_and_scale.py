"""The demo shows registrations in every state; the scale data registers the scale stakeholders."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from accounts.scale import SCALE_DOMAIN
from stakeholders.enums import RegistrationStatus
from stakeholders.models import Event, Profile, Registration
from stakeholders.scale_funding import TITLE_SUFFIX as FUNDING_EVENTS


@pytest.fixture
def demo(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_has_registrations_in_every_state_and_endorsements(demo):
    demo_events = Event.objects.filter(review__cycle__slug="2020-2021")
    # ECE and ECLAC with their registrations; ECA's meeting, for the travel funding part.
    assert sorted(demo_events.values_list("review__commission__code", flat=True)) == [
        "ECA",
        "ECE",
        "ECE",
        "ECE",
        "ECLAC",
        "ECLAC",
    ]
    registrations = Registration.objects.filter(event__in=demo_events)
    assert set(registrations.values_list("status", flat=True)) == set(RegistrationStatus.values)
    assert registrations.filter(endorsed_at__isnull=False).exists()
    assert registrations.filter(
        organisation__isnull=False, endorsed_at__isnull=True, status="pending"
    ).exists()
    assert registrations.exclude(note_verbale="").exists()
    for event in demo_events:
        approved = event.registrations.filter(status=RegistrationStatus.APPROVED).count()
        assert approved <= event.capacity
    # The demo stakeholder takes part, and an upcoming consultation is open to register.
    assert registrations.filter(
        user__email="stakeholder@example.org", status=RegistrationStatus.APPROVED
    ).exists()
    assert demo_events.filter(title="Follow-up consultation on the outcome").exists()


def test_load_demo_twice_replaces_the_demo_registrations(demo):
    before = Registration.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Registration.objects.count() == before


def test_load_scale_registers_the_scale_stakeholders(demo):
    call_command("load_scale", scale=0.02, seed=7, stdout=open("/dev/null", "w"))  # noqa: SIM115
    scale_users = Profile.objects.filter(user__email__startswith="stakeholder.")
    assert scale_users.count() == 400
    # A consultation and a meeting per scale review; the travel funding part adds its own.
    events = Event.objects.filter(review__cycle__slug__startswith="scale-").exclude(
        title__endswith=FUNDING_EVENTS
    )
    assert events.count() == 30
    registrations = Registration.objects.filter(event__in=events)
    assert registrations.count() >= 400
    assert set(registrations.values_list("status", flat=True)) == set(RegistrationStatus.values)
    approved = Count("registrations", filter=Q(registrations__status=RegistrationStatus.APPROVED))
    assert all(event.approved <= event.capacity for event in events.annotate(approved=approved))
    assert registrations.filter(user__email__endswith=f"@{SCALE_DOMAIN}").count() == (
        registrations.count()
    )
