import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count

from accounts.models import Organisation, RoleAssignment, User
from accounts.scale import SCALE_DOMAIN, SCALE_PASSWORD
from core.scaletext import language_of
from core.wordcount import count_words
from outbox.models import OutboxMessage
from reference.models import CommissionMembership, Objective
from reviews.models import DocumentComment, DocumentVersion, RegionalReview, ReviewDocument
from submissions.enums import SubmissionKind, SubmissionStatus
from submissions.models import (
    AuditEvent,
    ObjectiveProgress,
    SectionRevision,
    SectionText,
    Submission,
)


@pytest.fixture
def scale_data(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_scale", scale=0.02, seed=7, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return tmp_path


def _scale_reviews():
    return RegionalReview.objects.filter(cycle__slug__startswith="scale-")


def test_load_scale_makes_three_cycles_of_five_reviews(scale_data):
    counts = _scale_reviews().values("cycle__slug").annotate(n=Count("pk")).order_by("cycle__slug")
    assert [(row["cycle__slug"], row["n"]) for row in counts] == [
        ("scale-2028-2029", 5),
        ("scale-2032-2033", 5),
        ("scale-2036-2037", 5),
    ]


def test_load_scale_writes_voluntary_reviews_to_their_suggested_lengths(scale_data):
    voluntary = Submission.objects.filter(
        review__in=_scale_reviews(), kind=SubmissionKind.VOLUNTARY_REVIEW
    )
    members = CommissionMembership.objects.filter(kind="member")
    for review in _scale_reviews():
        expected = max(1, round(members.filter(commission=review.commission).count() * 0.02))
        assert voluntary.filter(review=review).count() == expected
    texts = SectionText.objects.filter(submission__in=voluntary).select_related("section")
    assert texts.count() == voluntary.count() * 5
    for text in texts:
        assert 0.8 * text.section.word_limit <= text.word_count
        assert text.word_count <= 1.05 * text.section.word_limit + 200
        assert text.word_count == count_words(text.text)
    assert (
        ObjectiveProgress.objects.filter(submission__in=voluntary)
        .exclude(status="")
        .exclude(narrative="")
        .count()
        == voluntary.count() * Objective.objects.count()
    )


def test_load_scale_writes_in_the_language_of_the_state(scale_data):
    voluntary = Submission.objects.filter(
        review__in=_scale_reviews(), kind=SubmissionKind.VOLUNTARY_REVIEW
    ).select_related("country")
    assert {(s.country.iso3, s.language) for s in voluntary} == {
        (s.country.iso3, language_of(s.country.iso3)) for s in voluntary
    }
    emirates = voluntary.get(review__cycle__slug="scale-2028-2029", country__iso3="ARE")
    assert emirates.language == "ar"
    assert all("\u0600" <= ch <= "\u06ff" or not ch.isalpha() for ch in _words(emirates))


def _words(submission) -> str:
    from django.utils.html import strip_tags

    return strip_tags(submission.sections.first().text)


def test_load_scale_makes_the_volumes_in_proportion(scale_data):
    submissions = Submission.objects.filter(review__in=_scale_reviews())
    assert submissions.filter(kind=SubmissionKind.REGIONAL_INPUT).count() == 15  # 300 × 0.02
    assert ReviewDocument.objects.filter(review__in=_scale_reviews()).count() == 40
    assert DocumentVersion.objects.filter(document__review__in=_scale_reviews()).count() >= 40
    version = DocumentVersion.objects.filter(document__review__in=_scale_reviews()).first()
    assert version.file.open("rb").read(5) in {b"%PDF-", b"PK\x03\x04"[:5]}
    assert User.objects.filter(email__startswith="stakeholder.").count() == 400
    assert (
        EmailAddress.objects.filter(email__startswith="stakeholder.", verified=True).count() == 400
    )
    assert Organisation.objects.filter(website__contains=SCALE_DOMAIN).count() == 5
    assert SectionRevision.objects.filter(section_text__submission__in=submissions).count() >= (
        SectionText.objects.filter(submission__in=submissions).count()
    )
    assert AuditEvent.objects.filter(submission__in=submissions).count() >= submissions.count()
    not_drafts = submissions.exclude(status=SubmissionStatus.DRAFT).count()
    assert OutboxMessage.objects.filter(about_id__in=submissions.values("pk")).count() >= not_drafts
    assert DocumentComment.objects.filter(document__review__in=_scale_reviews()).exists()


def test_load_scale_users_share_one_hashed_password(scale_data):
    hashes = set(
        User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").values_list("password", flat=True)
    )
    assert len(hashes) == 1
    assert User.objects.get(email=f"stakeholder.00001@{SCALE_DOMAIN}").check_password(
        SCALE_PASSWORD
    )
    assert (
        RoleAssignment.objects.filter(
            user__email__endswith=f"@{SCALE_DOMAIN}", designated=True, country__isnull=False
        ).count()
        == 0
    )


def test_load_scale_twice_changes_nothing(scale_data):
    before = (Submission.objects.count(), User.objects.count(), ReviewDocument.objects.count())
    call_command("load_scale", scale=0.02, seed=7, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        Submission.objects.count(),
        User.objects.count(),
        ReviewDocument.objects.count(),
    ) == before


def test_load_scale_is_the_same_for_the_same_seed(scale_data):
    def snapshot():
        return list(
            SectionText.objects.filter(submission__review__in=_scale_reviews())
            .order_by(
                "submission__review__cycle__slug",
                "submission__review__commission__code",
                "submission__country__iso3",
                "submission__organisation__name",
                "section__position",
            )
            .values_list("word_count", flat=True)
        )

    first = snapshot()
    call_command("load_scale", scale=0.02, seed=7, replace=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == first


def test_load_scale_refuses_without_demo_data(reference_data):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Load the demo data first"):
        call_command("load_scale", scale=0.02)
