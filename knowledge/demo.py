"""Demo data for `make demo`: what the secretariats have published on the knowledge platform.

The final language versions of every final report, every accepted input and every public
document of the public reviews, published through the service by their commission's secretariat.
"""

from accounts.enums import Role
from accounts.models import User
from knowledge import services
from knowledge.enums import PublicationKind
from knowledge.models import Publication
from reports.enums import ReportStatus, VersionKind
from reports.models import LanguageVersion
from reviews.enums import ReviewStatus, Visibility
from reviews.models import ReviewDocument
from submissions.enums import SubmissionStatus
from submissions.models import Submission


def reset() -> None:
    Publication.objects.all().delete()


def _secretariat_of(review):
    return (
        User.objects.filter(
            role_assignments__role=Role.COMMISSION_SECRETARIAT,
            role_assignments__commission=review.commission_id,
        ).first()
        or User.objects.filter(role_assignments__role=Role.NETWORK_SECRETARIAT).first()
    )


def load(*, out) -> None:
    public = ReviewStatus.public_states()
    candidates = [
        (
            PublicationKind.REPORT,
            LanguageVersion.objects.filter(
                report__status__in=ReportStatus.finalised_states(),
                kind__in=VersionKind.final_kinds(),
                report__review__status__in=public,
            ).select_related("report__review"),
        ),
        (
            PublicationKind.SUBMISSION,
            Submission.objects.filter(
                status=SubmissionStatus.ACCEPTED, review__status__in=public
            ).select_related("review"),
        ),
        (
            PublicationKind.DOCUMENT,
            ReviewDocument.objects.filter(
                visibility=Visibility.PUBLIC, review__status__in=public
            ).select_related("review"),
        ),
    ]
    published = 0
    for kind, sources in candidates:
        for source in sources:
            review = source.report.review if kind == PublicationKind.REPORT else source.review
            services.publish(kind=kind, source=source, actor=_secretariat_of(review))
            published += 1
    out.stdout.write(f"Published on the knowledge platform: {published} items")
