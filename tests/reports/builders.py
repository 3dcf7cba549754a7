"""Submissions with text in them, and the people who print them."""

from django.utils import timezone

from reference.models import Commission, Country, Objective
from submissions import services
from submissions.enums import ImplementationStatus, SubmissionKind, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission
from tests.factories import commission_secretariat, focal_point, make_review

ARABIC = "تعزيز التعاون الدولي من أجل الهجرة الآمنة والمنظمة والنظامية"
CHINESE = "安全、有序和正常移民全球契约区域审查进展顺利"
RUSSIAN = "Глобальный договор о безопасной, упорядоченной и легальной миграции"  # noqa: RUF001 (Russian text)


def written_submission(
    *, country="MEX", commission="ECLAC", language="en", text="", review=None, accepted=False
) -> Submission:
    """A voluntary review whose every section holds `text`, and objective 1 a narrative."""
    review = review or make_review(commission)
    country = Country.objects.get(iso3=country)
    author = focal_point(country)
    submission = services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=review,
        language=language,
        country=country,
        actor=author,
    )
    for section in submission.sections.all():
        services.save_section(
            section_text=section, text=text, base_version=section.version, actor=author
        )
    ObjectiveProgress.objects.filter(
        submission=submission, objective=Objective.objects.get(number=1)
    ).update(status=ImplementationStatus.IN_PROGRESS, narrative=text or "Narrative")
    if accepted:
        # Submitted and accepted as the secretariat would; the steps are tested in submissions.
        Submission.objects.filter(pk=submission.pk).update(
            status=SubmissionStatus.ACCEPTED, submitted_at=timezone.now()
        )
        submission.refresh_from_db()
    return submission


def secretariat_of(submission):
    return commission_secretariat(Commission.objects.get(pk=submission.review.commission_id))
