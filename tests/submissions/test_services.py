import pytest
from django.core.exceptions import ValidationError

from core.concurrency import ConcurrentEditError
from outbox import services as outbox
from outbox.models import OutboxMessage
from reference.models import Country, Objective
from submissions import selectors, services
from submissions.enums import SubmissionKind, SubmissionStatus
from submissions.models import ObjectiveProgress, Outline, Submission
from tests.factories import UserFactory, make_review, make_voluntary_review

pytestmark = pytest.mark.django_db


def test_shipped_outlines_follow_annexes_2_and_3(reference_data):
    member_state = Outline.objects.get(kind=SubmissionKind.VOLUNTARY_REVIEW, version=1)
    limits = [(s.number, s.word_limit) for s in member_state.sections.all()]
    assert limits == [("1", 500), ("2", 1500), ("3", 2000), ("4", 500), ("5", 500)]
    assert member_state.limits_are_rules is False
    regional = Outline.objects.get(kind=SubmissionKind.REGIONAL_INPUT, version=1)
    assert [s.number for s in regional.sections.all()] == ["a", "b", "c", "d", "e"]
    services.install_shipped_outlines()
    assert Outline.objects.count() == 2


def test_voluntary_review_needs_a_member_of_the_commission(reference_data):
    review = make_review("ECLAC")
    with pytest.raises(ValidationError, match="Kenya is not a member of ECLAC"):
        services.start_submission(
            kind=SubmissionKind.VOLUNTARY_REVIEW,
            review=review,
            language="fr",
            country=Country.objects.get(iso3="KEN"),
            actor=None,
        )
    france = services.start_submission(  # France is a member of ECLAC
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=review,
        language="fr",
        country=Country.objects.get(iso3="FRA"),
        actor=None,
    )
    assert france.sections.count() == 5
    assert france.objective_progress.count() == 23
    again = services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=review,
        language="fr",
        country=Country.objects.get(iso3="FRA"),
        actor=None,
    )
    assert again == france


def test_saving_sanitises_counts_and_keeps_revisions(reference_data):
    submission = make_voluntary_review()
    section = submission.sections.first()
    author = UserFactory()
    saved = services.save_section(
        section_text=section,
        text='<p onclick="x()">Hola <script>alert(1)</script><a href="javascript:x">mundo</a> '
        "<strong>2021</strong></p>",
        base_version=0,
        actor=author,
    )
    section.refresh_from_db()
    assert (
        section.text
        == '<p>Hola <a rel="noopener noreferrer nofollow">mundo</a> <strong>2021</strong></p>'
    )
    assert (saved.version, saved.word_count, section.word_count) == (1, 3, 3)
    assert list(section.revisions.values_list("version", "author")) == [(1, author.pk)]


def test_stale_save_is_refused_with_the_newer_text(reference_data):
    submission = make_voluntary_review()
    section = submission.sections.first()
    services.save_section(
        section_text=section, text="<p>First writer</p>", base_version=0, actor=UserFactory()
    )
    with pytest.raises(ConcurrentEditError, match=r"changed since it was read$") as conflict:
        services.save_section(
            section_text=section, text="<p>Second writer</p>", base_version=0, actor=UserFactory()
        )
    assert conflict.value.current.text == "<p>First writer</p>"
    section.refresh_from_db()
    assert (section.text, section.version) == ("<p>First writer</p>", 1)


def test_same_text_twice_is_not_a_conflict(reference_data):
    section = make_voluntary_review().sections.first()
    services.save_section(section_text=section, text="<p>Same</p>", base_version=0, actor=None)
    saved = services.save_section(
        section_text=section, text="<p>Same</p>", base_version=0, actor=None
    )
    assert saved.version == 1
    assert section.revisions.count() == 1


def test_drafts_are_lenient_but_oversize_text_is_refused(reference_data):
    section = make_voluntary_review().sections.first()  # limit 500 words
    long_text = "<p>" + "palabra " * 800 + "</p>"
    saved = services.save_section(section_text=section, text=long_text, base_version=0, actor=None)
    assert saved.word_count == 800
    with pytest.raises(ValidationError, match="too long to save") as error:
        services.save_section(section_text=section, text="x" * 200_001, base_version=1, actor=None)
    assert error.value.messages == [
        "This section is too long to save (more than 200,000 characters)."
    ]
    section.refresh_from_db()
    assert section.word_count == 800


def test_submitting_checks_strictly(reference_data):
    submission = make_voluntary_review()
    with pytest.raises(ValidationError, match="is empty") as error:
        services.submit_submission(submission=submission, actor=None)
    assert error.value.messages == [
        f"Section {section.number}, “{section.display_title}”, is empty."
        for section in submission.outline.sections.all()
    ]
    for section in submission.sections.all():
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    submission.outline.limits_are_rules = True
    submission.outline.save()
    first = submission.sections.first()
    services.save_section(
        section_text=first, text="<p>" + "x " * 501 + "</p>", base_version=1, actor=None
    )
    with pytest.raises(ValidationError, match="the limit is 500") as error:
        services.submit_submission(submission=submission, actor=None)
    assert error.value.messages == ["Section 1 has 501 words; the limit is 500."]
    services.save_section(section_text=first, text="<p>Texto</p>", base_version=2, actor=None)
    submitted = services.submit_submission(submission=submission, actor=None)
    assert submitted.status == SubmissionStatus.SUBMITTED


def test_return_needs_a_comment_and_resubmission_follows(reference_data):
    submission = make_voluntary_review()
    for section in submission.sections.all():
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    services.submit_submission(submission=submission, actor=None)
    with pytest.raises(
        ValidationError, match="Say what should be revised when returning a submission"
    ):
        services.decide_submission(submission=submission, actor=None, status="returned")
    services.decide_submission(
        submission=submission, actor=None, status="returned", comment="Add data on objective 20."
    )
    submission.refresh_from_db()
    assert submission.is_editable
    again = services.submit_submission(submission=submission, actor=None)
    assert again.status == SubmissionStatus.RESUBMITTED
    with pytest.raises(
        ValidationError, match="This decision is not possible in the submission's current state"
    ):
        services.decide_submission(submission=again, actor=None, status="published")
    services.decide_submission(submission=again, actor=None, status="accepted")
    services.decide_submission(submission=again, actor=None, status="published")
    assert [e.action for e in again.audit_events.order_by("pk")] == [
        "created",
        "submitted",
        "returned",
        "resubmitted",
        "accepted",
        "published",
    ]


def fill_and_submit(submission) -> None:
    for section in submission.sections.all():
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    services.submit_submission(submission=submission, actor=None)


def test_withdrawal_rechecks_the_state_under_a_lock(reference_data):
    submission = make_voluntary_review()
    fill_and_submit(submission)
    stale = Submission.objects.get(pk=submission.pk)  # read before the decision
    services.decide_submission(submission=submission, actor=None, status="accepted")
    with pytest.raises(ValidationError, match=r"This submission can no longer be withdrawn\."):
        services.withdraw_submission(submission=stale, actor=None)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED


def test_withdrawal_of_a_submitted_review_is_audited(reference_data):
    submission = make_voluntary_review()
    fill_and_submit(submission)
    services.withdraw_submission(submission=submission, actor=None)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WITHDRAWN
    assert submission.audit_events.values_list("action", flat=True).first() == "withdrawn"


def objectives_input(submission, narrative: str):
    row = submission.objective_progress.get(objective__number=20)
    plan = {
        "plan_status": "exists",
        "plan_link": "",
        "stakeholder_involvement": "",
        "means_needed": ["finance"],
    }
    data = {
        "status": "planned",
        "narrative": narrative,
        "indicators": "",
        "promising_practice": "",
        "principles": [],
    }
    return plan, [(row, data)]


def test_objectives_are_saved_together(reference_data):
    submission = make_voluntary_review()
    plan, progress = objectives_input(submission, "Remesas")
    started_from = submission.version
    services.save_objectives(
        submission=submission, expected_version=started_from, plan=plan, progress=progress
    )
    submission.refresh_from_db()
    row = submission.objective_progress.get(objective__number=20)
    assert (submission.plan_status, submission.means_needed, submission.version) == (
        "exists",
        ["finance"],
        started_from + 1,
    )
    assert (row.status, row.narrative) == ("planned", "Remesas")


def test_stale_objectives_save_writes_nothing(reference_data):
    submission = make_voluntary_review()
    started_from = submission.version
    stale = Submission.objects.get(pk=submission.pk)
    plan, progress = objectives_input(submission, "Primera")
    services.save_objectives(
        submission=submission, expected_version=started_from, plan=plan, progress=progress
    )
    plan, progress = objectives_input(stale, "Segunda")
    with pytest.raises(ConcurrentEditError):
        services.save_objectives(
            submission=stale, expected_version=started_from, plan=plan, progress=progress
        )
    assert submission.objective_progress.get(objective__number=20).narrative == "Primera"


def test_objectives_of_a_submitted_review_cannot_change(reference_data):
    submission = make_voluntary_review()
    fill_and_submit(submission)
    plan, progress = objectives_input(submission, "Tarde")
    with pytest.raises(ValidationError, match=r"This submission can no longer be changed\."):
        services.save_objectives(
            submission=submission,
            expected_version=submission.version,
            plan=plan,
            progress=progress,
        )
    assert submission.objective_progress.get(objective__number=20).narrative == ""


def test_objective_is_addressed_by_a_status_or_a_narrative(reference_data):
    submission = make_voluntary_review()
    ObjectiveProgress.objects.filter(submission=submission, objective__number=1).update(
        status="planned"
    )
    ObjectiveProgress.objects.filter(submission=submission, objective__number=2).update(
        narrative="Datos"
    )
    addressed = ObjectiveProgress.objects.filter(submission=submission).addressed()
    assert list(addressed.values_list("objective__number", flat=True)) == [1, 2]
    assert selectors.review_queue(submission.review).get().objectives_addressed == 2
    objective = Objective.objects.get(number=2)
    assert list(selectors.progress_on_objective(submission.review, objective)) == [
        submission.objective_progress.get(objective__number=2)
    ]
    assert (
        list(selectors.progress_on_objective(submission.review, Objective.objects.get(number=3)))
        == []
    )


def test_outbox_edit_is_refused_over_a_newer_version_or_once_sent(reference_data):
    submission = make_voluntary_review()
    fill_and_submit(submission)
    message = OutboxMessage.objects.get()
    stale = OutboxMessage.objects.get()
    outbox.edit_message(message=message, subject="Recibido", body="Gracias", expected_version=1)
    with pytest.raises(ConcurrentEditError):
        outbox.edit_message(message=stale, subject="Otro", body="Texto", expected_version=1)
    outbox.send_messages(message_ids=[message.pk], actor=None)
    with pytest.raises(ValidationError, match=r"This message has already been sent\."):
        outbox.edit_message(message=message, subject="Tarde", body="Texto", expected_version=2)
    message.refresh_from_db()
    assert (message.subject, message.body) == ("Recibido", "Gracias")
