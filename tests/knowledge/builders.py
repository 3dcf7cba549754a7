"""A world with something published of every kind, and, beside it, what must never be public."""

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from knowledge import services
from knowledge.enums import PublicationKind
from knowledge.models import Publication
from reference.models import Commission
from reports import services as report_services
from reports.enums import ReportStatus, VersionKind
from reviews import services as review_services
from reviews.enums import DocumentKind, ReviewStatus, Visibility
from reviews.models import RegionalReview, ReviewDocument
from submissions.enums import SubmissionStatus
from submissions.models import Submission
from tests.factories import commission_secretariat, make_review
from tests.reports.builders import secretariat_of, written_submission
from tests.reports.report_builders import accepted_voluntary_review, write_sections
from tests.stakeholders.builders import open_review

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def final_report(review, secretariat, texts: dict[str, str], pending: tuple[str, ...] = ()):
    """A final report whose original is the first of `texts`, the others official translations,
    and `pending` translations still pending."""
    languages = list(texts)
    report = report_services.start_report(review=review, language=languages[0], actor=secretariat)
    write_sections(report.languages.get(), secretariat, texts[languages[0]])
    for language in languages[1:]:
        version = report_services.add_language_version(
            report=report, language=language, actor=secretariat
        )
        write_sections(version, secretariat, texts[language])
        report_services.set_version_kind(
            version=version, kind=VersionKind.OFFICIAL, actor=secretariat
        )
    for language in pending:
        version = report_services.add_language_version(
            report=report, language=language, actor=secretariat
        )
        write_sections(version, secretariat, f"<p>Pending {language}.</p>")
    report_services.set_report_status(report=report, status=ReportStatus.FINAL, actor=secretariat)
    return report


def shared_document(review, title: str, *, visibility=Visibility.PUBLIC, language="en"):
    document = review_services.save_document(
        document=ReviewDocument(
            review=review, kind=DocumentKind.CONCEPT_NOTE, title=title, visibility=visibility
        )
    )
    review_services.add_document_version(
        document=document,
        language=language,
        upload=SimpleUploadedFile("paper.pdf", PDF_BYTES, content_type="application/pdf"),
        actor=None,
    )
    return document


def submission_in(review, iso3: str, status: str, narrative: str):
    submission = accepted_voluntary_review(review, iso3, {5: ("in_progress", narrative, "")})
    submitted_at = None if status == SubmissionStatus.DRAFT else timezone.now()
    Submission.objects.filter(pk=submission.pk).update(status=status, submitted_at=submitted_at)
    submission.refresh_from_db()
    return submission


def publish(source, actor) -> Publication:
    kind = {
        "LanguageVersion": PublicationKind.REPORT,
        "Submission": PublicationKind.SUBMISSION,
        "ReviewDocument": PublicationKind.DOCUMENT,
    }[type(source).__name__]
    return services.publish(kind=kind, source=source, actor=actor)


@dataclass
class World:
    review: object
    secretariat: object
    report: object
    english: Publication
    spanish: Publication
    mexico: Publication
    document: Publication
    # Never public: a draft, a returned and a withdrawn submission, a secretariat-only document,
    # an accepted input withdrawn from the platform, and an accepted input of a draft review.
    hidden_texts: list[str]


def published_world() -> World:
    review = open_review("ECLAC")
    secretariat = commission_secretariat(Commission.objects.get(code="ECLAC"))
    report = final_report(
        review,
        secretariat,
        {
            "en": "<p>Regular pathways widened across the region.</p>",
            "es": "<p>Se ampliaron las vías regulares en la región.</p>",
        },
        pending=("fr",),
    )
    english = publish(report.languages.get(language="en"), secretariat)
    spanish = publish(report.languages.get(language="es"), secretariat)
    mexico = publish(
        accepted_voluntary_review(
            review, "MEX", {5: ("in_progress", "Skills partnerships with employers.", "")}
        ),
        secretariat,
    )
    document = publish(shared_document(review, "Concept note of the review"), secretariat)

    submission_in(review, "ARG", SubmissionStatus.DRAFT, "Draft secret narrative.")
    submission_in(review, "BRA", SubmissionStatus.RETURNED, "Returned secret narrative.")
    submission_in(review, "CHL", SubmissionStatus.WITHDRAWN, "Withdrawn secret narrative.")
    shared_document(review, "Internal budget note", visibility=Visibility.SECRETARIAT)
    unpublished = publish(
        accepted_voluntary_review(
            review, "COL", {5: ("planned", "Taken back secret narrative.", "")}
        ),
        secretariat,
    )
    services.withdraw(publication=unpublished, actor=secretariat, reason="Sent by mistake")
    draft_review = open_review("ECLAC", slug="2024-2025", status=ReviewStatus.DRAFT)
    accepted_voluntary_review(draft_review, "PER", {5: ("planned", "Draft review secret.", "")})
    return World(
        review=review,
        secretariat=secretariat,
        report=report,
        english=english,
        spanish=spanish,
        mexico=mexico,
        document=document,
        hidden_texts=[
            "Draft secret narrative",
            "Returned secret narrative",
            "Withdrawn secret narrative",
            "Internal budget note",
            "Taken back secret narrative",
            "Draft review secret",
        ],
    )


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
