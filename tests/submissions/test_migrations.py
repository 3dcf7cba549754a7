"""Rows written before the constraints existed are made consistent, not lost."""

import datetime

import pytest
from django.utils import timezone

from tests.migrating import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("submissions", "0003_audit_choices")]


def test_existing_rows_are_made_consistent_with_the_constraints():
    old = migrate(BEFORE)
    model = old.get_model
    commission = model("reference", "Commission").objects.create(code="ECLAC", name="ECLAC")
    country = model("reference", "Country").objects.create(iso3="MEX", iso2="MX", name="Mexico")
    cycle = model("reviews", "ReviewCycle").objects.create(
        title="2020–2021", slug="2020-2021", imrf_year=2022
    )
    review = model("reviews", "RegionalReview").objects.create(
        cycle=cycle, commission=commission, title="Regional review"
    )
    outline = model("submissions", "Outline").objects.create(
        kind="voluntary_review", version=0, title="Outline"
    )
    Submission = model("submissions", "Submission")
    earlier = timezone.now() - datetime.timedelta(days=5)
    submitted = Submission.objects.create(
        kind="voluntary_review",
        review=review,
        outline=outline,
        country=country,
        language="es",
        status="accepted",
        version=0,
    )
    model("submissions", "AuditEvent").objects.create(submission=submitted, action="submitted")
    model("submissions", "AuditEvent").objects.filter(submission=submitted).update(
        created_at=earlier
    )
    OutboxMessage = model("submissions", "OutboxMessage")
    unsent_with_date = OutboxMessage.objects.create(
        review=review, submission=submitted, subject="a", body="a", sent_at=earlier
    )
    sent_without_date = OutboxMessage.objects.create(
        review=review, submission=submitted, subject="b", body="b", status="sent"
    )
    section = model("submissions", "OutlineSection").objects.create(
        outline=outline, key="methodology", number="1", title="Methodology"
    )
    text = model("submissions", "SectionText").objects.create(
        submission=submitted, section=section, text="<p>Dos</p>", version=1
    )
    SectionRevision = model("submissions", "SectionRevision")
    for version, words in ((0, "<p>Uno</p>"), (1, "<p>Dos</p>")):
        SectionRevision.objects.create(section_text=text, version=version, text=words)

    new = migrate([("submissions", "0005_integrity_constraints")])

    submitted = new.get_model("submissions", "Submission").objects.get()
    assert (submitted.status, submitted.submitted_at, submitted.version) == (
        "accepted",
        earlier,
        1,
    )
    # Numbered after the installed outlines of its kind (version 1 is the shipped one).
    assert new.get_model("submissions", "Outline").objects.get(pk=outline.pk).version == 2
    OutboxMessage = new.get_model("submissions", "OutboxMessage")
    assert list(OutboxMessage.objects.order_by("pk").values_list("pk", "status", "sent_at")) == [
        (unsent_with_date.pk, "sent", earlier),
        (sent_without_date.pk, "sent", sent_without_date.created_at),
    ]
    text = new.get_model("submissions", "SectionText").objects.get()
    assert text.version == 2
    assert list(text.revisions.order_by("version").values_list("version", "text")) == [
        (1, "<p>Uno</p>"),
        (2, "<p>Dos</p>"),
    ]
    migrate()  # the other tests start from the latest state


def test_outbox_messages_move_to_the_shared_outbox_with_their_numbers():
    old = migrate([("submissions", "0005_integrity_constraints")])
    model = old.get_model
    commission = model("reference", "Commission").objects.create(code="ECLAC", name="ECLAC")
    country = model("reference", "Country").objects.create(iso3="MEX", iso2="MX", name="Mexico")
    cycle = model("reviews", "ReviewCycle").objects.create(
        title="2020–2021", slug="2020-2021", imrf_year=2022
    )
    review = model("reviews", "RegionalReview").objects.create(
        cycle=cycle, commission=commission, title="Regional review"
    )
    outline = model("submissions", "Outline").objects.create(
        kind="voluntary_review", version=7, title="Outline"
    )
    submission = model("submissions", "Submission").objects.create(
        kind="voluntary_review",
        review=review,
        outline=outline,
        country=country,
        language="es",
        status="submitted",
        submitted_at=timezone.now(),
    )
    OldMessage = model("submissions", "OutboxMessage")
    sent_at = timezone.now()
    first = OldMessage.objects.create(
        review=review,
        submission=submission,
        recipients=["focal@example.org"],
        subject="Recibido",
        body="Gracias",
        status="sent",
        sent_at=sent_at,
    )
    second = OldMessage.objects.create(
        review=review, submission=submission, subject="Devuelto", body="Revisar", version=3
    )

    new = migrate()

    Message = new.get_model("outbox", "OutboxMessage")
    rows = Message.objects.order_by("pk").values_list(
        "pk",
        "about_type__model",
        "about_id",
        "about_label",
        "recipients",
        "subject",
        "status",
        "sent_at",
        "version",
    )
    assert list(rows) == [
        (
            first.pk,
            "submission",
            submission.pk,
            "Mexico",
            ["focal@example.org"],
            "Recibido",
            "sent",
            sent_at,
            1,
        ),
        (second.pk, "submission", submission.pk, "Mexico", [], "Devuelto", "draft", None, 3),
    ]
    # The next message is numbered after the copied ones.
    third = Message.objects.create(
        review_id=review.pk,
        about_type_id=Message.objects.get(pk=first.pk).about_type_id,
        about_id=submission.pk,
        subject="Aceptado",
        body="Enhorabuena",
    )
    assert third.pk > second.pk
