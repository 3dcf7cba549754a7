"""Scale data for reviews: three cycles of five regional reviews, programmes, 2,000 documents
with versions stored as small real files, and stakeholders' comments on them."""

import datetime
import io
import os
import random
import zipfile

from django.db import transaction

from accounts.models import User
from core.scaletext import TextPool
from reference.models import Commission, Country, StakeholderCategory
from reviews import services
from reviews.enums import (
    Affiliation,
    ChecklistStatus,
    DocumentKind,
    Gender,
    MeetingFormat,
    ReviewStatus,
    SessionKind,
    SpeakerRole,
    Visibility,
)
from reviews.models import (
    ChecklistItem,
    DocumentComment,
    DocumentVersion,
    RegionalReview,
    ReviewCycle,
    ReviewDocument,
    Session,
    Speaker,
)

# (slug, title, IMRF year, first meeting day)
CYCLES = [
    ("scale-2028-2029", "2028–2029 regional reviews, informing the IMRF 2030", 2030, (2029, 2, 20)),
    ("scale-2032-2033", "2032–2033 regional reviews, informing the IMRF 2034", 2034, (2033, 2, 20)),
    ("scale-2036-2037", "2036–2037 regional reviews, informing the IMRF 2038", 2038, (2037, 2, 20)),
]
WORKING_LANGUAGES = {
    "ECA": ["ar", "en", "fr"],
    "ECE": ["en", "fr", "ru"],
    "ECLAC": ["en", "es"],
    "ESCAP": ["en", "ru", "zh-hans"],
    "ESCWA": ["ar", "en"],
}
DOCUMENTS = 2_000
SESSIONS_PER_REVIEW = 10
BATCH = 2_000


def loaded() -> bool:
    return ReviewCycle.objects.filter(slug__in=[slug for slug, *_rest in CYCLES]).exists()


def reset() -> None:
    RegionalReview.objects.filter(cycle__slug__in=[slug for slug, *_rest in CYCLES]).delete()
    ReviewCycle.objects.filter(slug__in=[slug for slug, *_rest in CYCLES]).delete()


def small_pdf(title: str) -> bytes:
    """A one-page PDF showing the title: a real file of an accepted kind, a few hundred bytes."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def small_docx(text: str) -> bytes:
    """A minimal Word document with one paragraph."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            + text.replace("&", "&amp;").replace("<", "&lt;")
            + "</w:t></w:r></w:p></w:body></w:document>",
        )
    return out.getvalue()


def _create_reviews() -> list[RegionalReview]:
    reviews = []
    commissions = list(Commission.objects.order_by("position"))
    for slug, title, imrf_year, first_day in CYCLES:
        cycle = services.create_cycle(title=title, slug=slug, imrf_year=imrf_year)
        for index, commission in enumerate(commissions):
            start = datetime.date(*first_day) + datetime.timedelta(weeks=6 * index)
            reviews.append(
                services.create_review(
                    cycle=cycle,
                    commission=commission,
                    title=f"Regional Review of the Global Compact for Migration ({commission.code}, "
                    f"{slug.removeprefix('scale-')})",
                    meeting_start=start,
                    meeting_end=start + datetime.timedelta(days=1),
                    venue=commission.headquarters,
                    meeting_format=MeetingFormat.HYBRID,
                    working_languages=WORKING_LANGUAGES.get(commission.code, ["en"]),
                    status=ReviewStatus.ANNOUNCED,
                    submissions_due=start - datetime.timedelta(weeks=8),
                    consultation_opens=start - datetime.timedelta(days=35),
                    consultation_closes=start - datetime.timedelta(days=14),
                )
            )
    return reviews


def _add_programmes(rng: random.Random, pool: TextPool, reviews: list[RegionalReview]) -> None:
    countries = list(Country.objects.filter(memberships__kind="member").distinct())
    categories = list(StakeholderCategory.objects.all())
    kinds = [SessionKind.OPENING] + [SessionKind.ROUNDTABLE] * 4 + [SessionKind.POLICY_DEBATE]
    kinds += [SessionKind.SIDE_EVENT] * (SESSIONS_PER_REVIEW - len(kinds) - 1)
    kinds += [SessionKind.CLOSING]
    sessions = []
    for review in reviews:
        roundtables = list(review.roundtables.all())
        for position, kind in enumerate(kinds):
            hour = 9 + 2 * (position % 4)
            sessions.append(
                Session(
                    review=review,
                    kind=kind,
                    title=pool.sentence(rng, "en")[:300],
                    roundtable=roundtables[position - 1]
                    if kind == SessionKind.ROUNDTABLE
                    else None,
                    date=review.meeting_start + datetime.timedelta(days=position // 4 % 2),
                    start_time=datetime.time(hour, 0),
                    end_time=datetime.time(hour + 1, 30),
                    place=review.venue,
                )
            )
    Session.objects.bulk_create(sessions, batch_size=BATCH)
    speakers = []
    roles = [
        SpeakerRole.MODERATOR,
        SpeakerRole.KEYNOTE,
        SpeakerRole.PANELLIST,
        SpeakerRole.PANELLIST,
    ]
    for session in sessions:
        for role in roles[: rng.randint(2, 4)]:
            affiliation = rng.choice(list(Affiliation))
            speakers.append(
                Speaker(
                    session=session,
                    role=role,
                    name=rng.choice(pool.names(rng.choice(["en", "fr", "es", "ar", "ru"]))),
                    gender=rng.choice(
                        [Gender.WOMAN, Gender.WOMAN, Gender.MAN, Gender.MAN, Gender.OTHER]
                    ),
                    country=rng.choice(countries),
                    affiliation=affiliation,
                    stakeholder_category=(
                        rng.choice(categories) if affiliation == Affiliation.STAKEHOLDER else None
                    ),
                )
            )
    Speaker.objects.bulk_create(speakers, batch_size=BATCH)


def _add_documents(
    rng: random.Random, pool: TextPool, reviews: list[RegionalReview], count: int
) -> list[ReviewDocument]:
    kinds = list(DocumentKind)
    visibilities = [
        Visibility.PUBLIC,
        Visibility.PUBLIC,
        Visibility.PARTICIPANTS,
        Visibility.SECRETARIAT,
    ]
    documents = []
    for number in range(count):
        review = reviews[number % len(reviews)]
        visibility = rng.choice(visibilities)
        documents.append(
            ReviewDocument(
                review=review,
                kind=rng.choice(kinds),
                title=pool.sentence(rng, rng.choice(review.working_languages))[:300],
                visibility=visibility,
                shared_on=(
                    None
                    if visibility == Visibility.SECRETARIAT
                    else review.documents_due + datetime.timedelta(days=rng.randint(-20, 7))
                ),
            )
        )
    ReviewDocument.objects.bulk_create(documents, batch_size=BATCH)
    return documents


def _add_versions(rng: random.Random, documents: list[ReviewDocument], uploader) -> int:
    storage = DocumentVersion._meta.get_field("file").storage
    versions = []
    for document in documents:
        languages = document.review.working_languages
        for language in rng.sample(languages, rng.randint(1, len(languages))):
            for number in range(1, rng.randint(1, 3) + 1):
                is_pdf = rng.random() < 0.7
                content = small_pdf(document.title) if is_pdf else small_docx(document.title)
                extension = ".pdf" if is_pdf else ".docx"
                name = (
                    f"reviews/{document.review_id}/documents/{document.pk}/"
                    f"{language}-v{number}{extension}"
                )
                path = storage.path(name)
                # Written directly, not through storage.save(): the name is known to be new.
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as handle:
                    handle.write(content)
                versions.append(
                    DocumentVersion(
                        document=document,
                        language=language,
                        number=number,
                        file=name,
                        original_name=f"{document.kind}-{language}-v{number}{extension}",
                        content_type=(
                            "application/pdf"
                            if is_pdf
                            else "application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document"
                        ),
                        size=len(content),
                        uploaded_by=uploader,
                    )
                )
    DocumentVersion.objects.bulk_create(versions, batch_size=BATCH)
    return len(versions)


def _add_comments(
    rng: random.Random, pool: TextPool, documents: list[ReviewDocument], factor: float
) -> int:
    authors = list(
        User.objects.filter(email__startswith="stakeholder.").order_by("pk")[
            : max(1, round(2_000 * factor))
        ]
    )
    comments = []
    for document in documents:
        if (
            document.kind not in DocumentKind.open_to_comment()
            or document.visibility == Visibility.SECRETARIAT
        ):
            continue
        for _ in range(rng.randint(0, 6)):
            author = rng.choice(authors)
            paragraph = rng.choice(pool.paragraphs(author.preferred_language))
            comments.append(
                DocumentComment(
                    document=document,
                    author=author,
                    text=paragraph.removeprefix("<p>").removesuffix("</p>")[:5000],
                )
            )
    DocumentComment.objects.bulk_create(comments, batch_size=BATCH)
    return len(comments)


def _progress_checklists(rng: random.Random, reviews: list[RegionalReview]) -> None:
    items = list(ChecklistItem.objects.filter(review__in=reviews))
    for item in items:
        item.status = rng.choice(list(ChecklistStatus))
    ChecklistItem.objects.bulk_update(items, ["status"], batch_size=BATCH)


@transaction.atomic
def load(*, seed: int, factor: float, pool: TextPool, out) -> None:
    rng = random.Random(f"{seed}:reviews")
    reviews = _create_reviews()
    _add_programmes(rng, pool, reviews)
    documents = _add_documents(rng, pool, reviews, max(len(reviews), round(DOCUMENTS * factor)))
    uploader = User.objects.filter(email="network@example.org").first()
    versions = _add_versions(rng, documents, uploader)
    comments = _add_comments(rng, pool, documents, factor)
    _progress_checklists(rng, reviews)
    out.stdout.write(
        f"Scale reviews: {len(reviews)} reviews, {len(documents)} documents, "
        f"{versions} versions, {comments} comments"
    )
