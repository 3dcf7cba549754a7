"""Document versions: numbered per language, never twice the same number, even at the same time."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from reviews import services
from reviews.enums import DocumentKind
from reviews.models import DocumentVersion, ReviewDocument
from tests.factories import UserFactory, make_review

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="paper.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@pytest.fixture
def document(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ReviewDocument.objects.create(
        review=make_review("ECE"), kind=DocumentKind.BACKGROUND, title="Background paper"
    )


@pytest.mark.django_db
def test_version_numbers_are_unique_per_document_and_language(document):
    DocumentVersion.objects.create(
        document=document, language="en", number=1, original_name="a.pdf", content_type="x", size=1
    )
    with pytest.raises(IntegrityError, match=r"(?i)unique"), transaction.atomic():
        DocumentVersion.objects.create(
            document=document,
            language="en",
            number=1,
            original_name="b.pdf",
            content_type="x",
            size=1,
        )


@pytest.mark.django_db
def test_version_numbers_start_at_one(document):
    with (
        pytest.raises(IntegrityError, match="reviews_document_version_number_positive"),
        transaction.atomic(),
    ):
        DocumentVersion.objects.create(
            document=document,
            language="en",
            number=0,
            original_name="a.pdf",
            content_type="x",
            size=1,
        )


@pytest.mark.django_db
def test_upload_that_loses_the_race_for_version_one_becomes_version_two(document):
    """Another upload stores version 1 right after this one has read that no version exists."""
    user = UserFactory()
    raced = []

    def other_upload_after_the_read(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not raced and sql.startswith("SELECT") and '"number"' in sql:
            raced.append(sql)
            services.add_document_version(
                document=document, language="en", upload=pdf(), actor=user
            )
        return result

    with connection.execute_wrapper(other_upload_after_the_read):
        mine = services.add_document_version(
            document=document, language="en", upload=pdf("mine.pdf"), actor=user
        )
    assert len(raced) == 1
    assert mine.number == 2
    assert list(document.versions.order_by("number").values_list("number", "original_name")) == [
        (1, "paper.pdf"),
        (2, "mine.pdf"),
    ]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_first_uploads_get_versions_one_and_two(
    transactional_reference_data, settings, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer; the race needs PostgreSQL's row locks")
    settings.MEDIA_ROOT = tmp_path
    document = ReviewDocument.objects.create(
        review=make_review("ECE"), kind=DocumentKind.BACKGROUND, title="Background paper"
    )
    user = UserFactory()
    start = threading.Barrier(2)
    errors = []

    def upload(name):
        try:
            start.wait()
            services.add_document_version(
                document=document, language="fr", upload=pdf(name), actor=user
            )
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload, args=(f"{n}.pdf",)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(document.versions.values_list("number", flat=True)) == [1, 2]
