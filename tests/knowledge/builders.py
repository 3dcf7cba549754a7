"""Publications made the way the secretariat makes them, through the knowledge services."""

from knowledge import services
from knowledge.enums import PublicationKind
from reference.models import Commission
from reviews.enums import ReviewStatus
from tests.factories import commission_secretariat, make_review
from tests.reports.builders import written_submission


def publish_input(capture, commission="ECLAC", country="MEX", slug="2020-2021"):
    """An accepted input of `country` to `commission`'s announced review in cycle `slug`,
    published by the commission's secretariat; `capture` is pytest-django's
    django_capture_on_commit_callbacks, so that what follows the commit runs."""
    review = make_review(commission, status=ReviewStatus.ANNOUNCED, slug=slug)
    submission = written_submission(
        country=country, commission=commission, review=review, accepted=True
    )
    secretariat = commission_secretariat(Commission.objects.get(code=commission))
    with capture(execute=True):
        publication = services.publish(
            kind=PublicationKind.SUBMISSION, source=submission, actor=secretariat
        )
    return publication, secretariat
