"""The Annex 1 items that registrations decide."""

import datetime

import pytest
from django.utils import timezone

from reference.models import Commission
from reviews.enums import DocumentKind, Visibility
from reviews.models import ReviewDocument
from reviews.selectors import facts_for
from reviews.services import save_document
from stakeholders.checklist import stakeholder_modalities, stakeholders_involved
from stakeholders.enums import EventKind, RegistrationStatus
from stakeholders.registration import decide_registration, register
from tests.factories import commission_secretariat
from tests.stakeholders.builders import make_event, open_review, participant

pytestmark = pytest.mark.django_db


def verdict(evaluator, review):
    return evaluator(facts_for(review))


def test_stakeholders_are_involved_once_they_register_for_the_consultation(reference_data):
    today = timezone.localdate()
    review = open_review(
        consultation_opens=today - datetime.timedelta(days=1),
        consultation_closes=today + datetime.timedelta(days=9),
    )
    for kind in DocumentKind.open_to_comment():
        save_document(
            document=ReviewDocument(
                review=review, kind=kind, title=str(kind), visibility=Visibility.PARTICIPANTS
            )
        )
    assert verdict(stakeholders_involved, review).reasons == (
        "No multi-stakeholder consultation is planned.",
    )
    consultation = make_event(review, kind=EventKind.CONSULTATION)
    registration = register(event=consultation, user=participant())
    assert verdict(stakeholders_involved, review).reasons == (
        "No stakeholder is registered for the consultation yet.",
    )
    decide_registration(
        registration=registration,
        decision=RegistrationStatus.APPROVED,
        actor=commission_secretariat(Commission.objects.get(code="ECLAC")),
    )
    result = verdict(stakeholders_involved, review)
    assert result.is_met
    assert result.reasons == (
        "1 stakeholder registered for the consultation; the documents are shared.",
    )


def test_the_meetings_modalities_count_stakeholder_registrations(reference_data):
    review = open_review()
    assert not verdict(stakeholder_modalities, review).is_met
    meeting = make_event(review, kind=EventKind.MEETING)
    register(event=meeting, user=participant())
    assert verdict(stakeholder_modalities, review).reasons == (
        "1 stakeholder asked to take part in the meeting; none is approved yet.",
    )
    secretariat = commission_secretariat(Commission.objects.get(code="ECLAC"))
    for registration in meeting.registrations.all():
        decide_registration(
            registration=registration, decision=RegistrationStatus.APPROVED, actor=secretariat
        )
    assert verdict(stakeholder_modalities, review).is_met


def test_the_checklist_page_shows_the_evaluated_items(client, reference_data):
    from django.urls import reverse

    review = open_review()
    make_event(review, kind=EventKind.MEETING)
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    html = client.get(reverse("reviews:checklist", args=[review.pk])).content.decode()
    assert "The meeting is not open for registration yet." not in html
    assert "0 stakeholders asked to take part in the meeting; none is approved yet." in html
