"""What is on the knowledge platform, published through knowledge.services as the secretariat does."""

from knowledge import services
from knowledge.enums import PublicationKind
from reviews import services as review_services
from reviews.enums import DocumentKind, ReviewStatus, Visibility
from reviews.models import RegionalReview, ReviewDocument
from tests.factories import make_review
from tests.reports.builders import secretariat_of, written_submission


def announced_review(commission: str) -> RegionalReview:
    review = RegionalReview.objects.filter(commission__code=commission).first()
    return review or make_review(commission, status=ReviewStatus.ANNOUNCED)


def published_input(*, country: str, commission: str, language: str, text: str):
    """`country`'s voluntary review, written in `language`, accepted and published."""
    submission = written_submission(
        country=country,
        commission=commission,
        language=language,
        text=text,
        review=announced_review(commission),
        accepted=True,
    )
    return services.publish(
        kind=PublicationKind.SUBMISSION, source=submission, actor=secretariat_of(submission)
    )


def published_document(*, title: str, commission: str = "ECE"):
    """A public document of the review, published under `title` (its text is its title)."""
    review = announced_review(commission)
    document = review_services.save_document(
        document=ReviewDocument(
            review=review, kind=DocumentKind.CONCEPT_NOTE, title=title, visibility=Visibility.PUBLIC
        )
    )
    return services.publish(
        kind=PublicationKind.DOCUMENT, source=document, actor=secretariat_of(document)
    )
