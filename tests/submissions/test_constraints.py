"""What the database refuses about submissions and their e-mails, whatever the code path."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from outbox import services as outbox
from outbox.models import OutboxMessage
from reference.models import Country
from submissions import services
from submissions.enums import SubmissionKind, SubmissionStatus
from submissions.models import Outline, SectionRevision, Submission
from tests.factories import UserFactory, make_voluntary_review

pytestmark = pytest.mark.django_db


def refused(constraint: str):
    return pytest.raises(IntegrityError, match=constraint)


def fill_and_submit(submission: Submission) -> Submission:
    for section in submission.sections.all():
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    return services.submit_submission(submission=submission, actor=None)


def test_draft_has_no_submission_date(reference_data):
    submission = make_voluntary_review()
    with refused("submissions_submitted_at_iff_submitted"), transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(submitted_at=timezone.now())


@pytest.mark.parametrize(
    "status",
    [
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.RETURNED,
        SubmissionStatus.RESUBMITTED,
        SubmissionStatus.ACCEPTED,
        SubmissionStatus.PUBLISHED,
    ],
)
def test_submitted_states_need_a_submission_date(reference_data, status):
    submission = make_voluntary_review()
    with refused("submissions_submitted_at_iff_submitted"), transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(status=status)


def test_withdrawn_submission_keeps_whatever_date_it_had(reference_data):
    draft = make_voluntary_review("MEX")
    argentina = services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=draft.review,
        language="es",
        country=Country.objects.get(iso3="ARG"),
        actor=None,
    )
    services.withdraw_submission(submission=draft, actor=None)
    submitted = fill_and_submit(argentina)
    services.withdraw_submission(submission=submitted, actor=None)
    draft.refresh_from_db()
    submitted.refresh_from_db()
    assert (draft.status, draft.submitted_at) == (SubmissionStatus.WITHDRAWN, None)
    assert submitted.status == SubmissionStatus.WITHDRAWN
    assert submitted.submitted_at is not None


def test_every_decision_keeps_the_first_submission_date(reference_data):
    submission = fill_and_submit(make_voluntary_review())
    first = submission.submitted_at
    services.decide_submission(
        submission=submission, actor=None, status="returned", comment="Add data."
    )
    services.submit_submission(submission=submission, actor=None)
    services.decide_submission(submission=submission, actor=None, status="accepted")
    services.decide_submission(submission=submission, actor=None, status="published")
    submission.refresh_from_db()
    assert (submission.status, submission.submitted_at) == (SubmissionStatus.PUBLISHED, first)


def test_sent_message_has_a_sending_date(reference_data):
    message = fill_and_submit(make_voluntary_review()).outbox_messages.get()
    with refused("outbox_sent_at_iff_sent"), transaction.atomic():
        OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxMessage.Status.SENT)


@pytest.mark.parametrize("field", ["sent_at", "sent_by"])
def test_message_to_send_has_no_sending_date_or_sender(reference_data, field):
    message = fill_and_submit(make_voluntary_review()).outbox_messages.get()
    value = timezone.now() if field == "sent_at" else UserFactory()
    with refused("outbox_sent_at_iff_sent"), transaction.atomic():
        OutboxMessage.objects.filter(pk=message.pk).update(**{field: value})


def test_sending_records_when_and_by_whom(reference_data):
    message = fill_and_submit(make_voluntary_review()).outbox_messages.get()
    staff = UserFactory()
    assert outbox.send_messages(message_ids=[message.pk], actor=staff) == 1
    message.refresh_from_db()
    assert (message.status, message.sent_by) == (OutboxMessage.Status.SENT, staff)
    assert message.sent_at is not None


def test_submission_version_starts_at_one(reference_data):
    submission = make_voluntary_review()
    assert submission.version == 1
    with refused("submissions_submission_version_from_one"), transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(version=0)


def test_outbox_message_version_starts_at_one(reference_data):
    message = fill_and_submit(make_voluntary_review()).outbox_messages.get()
    assert message.version == 1
    with refused("outbox_version_from_one"), transaction.atomic():
        OutboxMessage.objects.filter(pk=message.pk).update(version=0)


def test_outline_version_starts_at_one(reference_data):
    outline = Outline.objects.get(kind="voluntary_review", version=1)
    with refused("submissions_outline_version_from_one"), transaction.atomic():
        Outline.objects.filter(pk=outline.pk).update(version=0)


def test_first_revision_of_a_section_is_version_one(reference_data):
    section = make_voluntary_review().sections.first()
    services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    revision = section.revisions.get()
    assert revision.version == 1
    with refused("submissions_revision_version_from_one"), transaction.atomic():
        SectionRevision.objects.filter(pk=revision.pk).update(version=0)
