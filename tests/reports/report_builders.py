"""A review with what its report is written from: accepted submissions, a programme, participants."""

import datetime

from django.utils import timezone

from reference.models import Country
from reviews import services as review_services
from reviews.enums import Affiliation, Gender, SessionKind, SpeakerRole
from stakeholders.enums import EventKind
from submissions import services as submission_services
from submissions.enums import SubmissionKind, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission
from tests.stakeholders.builders import make_event


def accepted_voluntary_review(review, iso3: str, progress: dict[int, tuple[str, str, str]]):
    """`iso3`'s voluntary review, accepted, reporting (status, narrative, practice) per objective
    number; the submission's text is its authors' and the decision the secretariat's."""
    submission = submission_services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=review,
        language="en",
        country=Country.objects.get(iso3=iso3),
        actor=None,
    )
    for number, (status, narrative, practice) in progress.items():
        ObjectiveProgress.objects.filter(submission=submission, objective__number=number).update(
            status=status, narrative=narrative, promising_practice=practice
        )
    Submission.objects.filter(pk=submission.pk).update(
        status=SubmissionStatus.ACCEPTED, submitted_at=timezone.now()
    )
    return submission


def write_sections(version, actor, text="<p>Written.</p>"):
    """Every section of a language version written, as autosave writes them."""
    from reports import services

    for section_text in version.sections.all():
        services.save_report_section(
            section_text=section_text, text=text, base_version=section_text.version, actor=actor
        )


def programme(review, sessions: int = 1):
    for number in range(sessions):
        session = review_services.add_session(
            review=review,
            kind=SessionKind.ROUNDTABLE,
            title=f"Round table {number + 1}: labour migration",
            date=review.meeting_start,
            start_time=datetime.time(10 + number, 0),
        )
        review_services.add_speaker(
            session=session,
            role=SpeakerRole.MODERATOR,
            name=f"Amina Diallo {number + 1}",
            gender=Gender.WOMAN,
            affiliation=Affiliation.INTERGOVERNMENTAL,
        )


def meeting(review):
    return make_event(review, kind=EventKind.MEETING, capacity=100, starts_on=review.meeting_start)
