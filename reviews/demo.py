"""Demo data for `make demo`: the 2020–2021 cycle with its five regional reviews.

Meeting dates follow the first cycle of regional reviews; people in the programme are fictional.
"""

import datetime

from django.db import transaction

from accounts.models import User
from reference.models import Commission, Country, StakeholderCategory
from reviews import services
from reviews.enums import (
    Affiliation,
    ChecklistStatus,
    DocumentKind,
    Gender,
    MeetingFormat,
    PhaseKind,
    ReviewStatus,
    SessionKind,
    SpeakerRole,
    Visibility,
)
from reviews.models import RegionalReview, ReviewCycle, ReviewDocument, Session, Speaker

DEMO_CYCLES = ["2020-2021", "2024-2025"]
D = datetime.date
T = datetime.time

REVIEWS = [
    (
        "ECA",
        "African Regional Review of the Global Compact for Migration",
        D(2021, 8, 25),
        D(2021, 8, 26),
        "Marrakech, Morocco",
        MeetingFormat.HYBRID,
        ["ar", "en", "fr"],
    ),
    (
        "ECE",
        "Regional Review of the Global Compact for Migration in the UNECE Region",
        D(2020, 11, 12),
        D(2020, 11, 13),
        "Geneva, Switzerland",
        MeetingFormat.VIRTUAL,
        ["en", "fr", "ru"],
    ),
    (
        "ECLAC",
        "Regional Review of the Global Compact for Migration in Latin America and the Caribbean",
        D(2021, 4, 22),
        D(2021, 4, 23),
        "Santiago, Chile",
        MeetingFormat.VIRTUAL,
        ["en", "es"],
    ),
    (
        "ESCAP",
        "Asia-Pacific Regional Review of Implementation of the Global Compact for Migration",
        D(2021, 3, 10),
        D(2021, 3, 12),
        "Bangkok, Thailand",
        MeetingFormat.VIRTUAL,
        ["en", "ru", "zh-hans"],
    ),
    (
        "ESCWA",
        "Arab Regional Review of the Global Compact for Migration",
        D(2021, 2, 24),
        D(2021, 2, 25),
        "Beirut, Lebanon",
        MeetingFormat.HYBRID,
        ["ar", "en"],
    ),
]

# (session kind, title, round table, day offset, start, end, speakers)
# speakers: (role, name, gender, country ISO3, affiliation, stakeholder category slug)
ECE_PROGRAMME = [
    (
        SessionKind.OPENING,
        "Opening of the regional review",
        None,
        0,
        T(9, 30),
        T(10, 30),
        [
            ("keynote", "Elena Petrova", "woman", "UZB", "national_government", None),
            ("keynote", "Martin Keller", "man", "CHE", "intergovernmental", None),
            ("moderator", "Sofia Lindqvist", "woman", "SWE", "intergovernmental", None),
        ],
    ),
    (
        SessionKind.ROUNDTABLE,
        "Round table 1: drivers, information and labour mobility",
        1,
        0,
        T(10, 45),
        T(12, 30),
        [
            ("moderator", "Ana Moldovan", "woman", "MDA", "national_government", None),
            ("panellist", "Tomasz Nowak", "man", "POL", "national_government", None),
            ("panellist", "Leyla Aliyeva", "woman", "AZE", "stakeholder", "civil-society"),
            ("panellist", "Daniel Ortiz", "man", "ESP", "local_government", None),
        ],
    ),
    (
        SessionKind.ROUNDTABLE,
        "Round table 2: identity, border management and return",
        2,
        0,
        T(14, 0),
        T(15, 45),
        [
            ("moderator", "Giorgi Beridze", "man", "GEO", "national_government", None),
            ("panellist", "Hans Vogel", "man", "DEU", "national_government", None),
            ("panellist", "Pierre Martin", "man", "FRA", "stakeholder", "nhri"),
        ],
    ),
    (
        SessionKind.ROUNDTABLE,
        "Round table 3: inclusion, services and remittances",
        3,
        1,
        T(9, 30),
        T(11, 15),
        [
            ("moderator", "Aigerim Sadykova", "woman", "KAZ", "national_government", None),
            ("panellist", "Mehmet Yilmaz", "man", "TUR", "national_government", None),
            (
                "panellist",
                "Olena Kovalenko",
                "woman",
                "UKR",
                "stakeholder",
                "migrant-diaspora-organizations",
            ),
        ],
    ),
    (
        SessionKind.ROUNDTABLE,
        "Round table 4: data, information and cooperation",
        4,
        1,
        T(11, 30),
        T(13, 0),
        [
            ("moderator", "Ingrid Hansen", "woman", "NOR", "intergovernmental", None),
            ("panellist", "Luca Bianchi", "man", "ITA", "stakeholder", "academia"),
        ],
    ),
    (
        SessionKind.POLICY_DEBATE,
        "Policy debate: the 2030 Agenda and emerging issues",
        None,
        1,
        T(14, 30),
        T(16, 0),
        [
            ("moderator", "Maria Georgiou", "woman", "CYP", "national_government", None),
            ("panellist", "Arman Hakobyan", "man", "ARM", "stakeholder", "youth-organizations"),
        ],
    ),
    (
        SessionKind.CLOSING,
        "Closing and key messages",
        None,
        1,
        T(16, 15),
        T(17, 0),
        [
            ("rapporteur", "Nadia Rahimova", "woman", "TJK", "national_government", None),
        ],
    ),
]


def _create_review(cycle, code, title, start, end, venue, meeting_format, languages):
    review = services.create_review(
        cycle=cycle,
        commission=Commission.objects.get(code=code),
        title=title,
        meeting_start=start,
        meeting_end=end,
        venue=venue,
        meeting_format=meeting_format,
        working_languages=languages,
        status=ReviewStatus.HELD,
        consultation_opens=start - datetime.timedelta(days=35),
        consultation_closes=start - datetime.timedelta(days=14),
    )
    phases = {phase.kind: phase for phase in review.phases.all()}
    phases[PhaseKind.PREPARATORY].starts_on = start - datetime.timedelta(days=120)
    phases[PhaseKind.PREPARATORY].ends_on = start - datetime.timedelta(days=15)
    phases[PhaseKind.PREPARATORY].completed_on = start - datetime.timedelta(days=15)
    phases[PhaseKind.CONSULTATION].starts_on = start - datetime.timedelta(days=2)
    phases[PhaseKind.CONSULTATION].ends_on = start - datetime.timedelta(days=1)
    phases[PhaseKind.CONSULTATION].completed_on = start - datetime.timedelta(days=1)
    for phase in phases.values():
        phase.save()
    return review


def _add_programme(review: RegionalReview) -> None:
    roundtables = {rt.number: rt for rt in review.roundtables.all()}
    categories = {c.slug: c for c in StakeholderCategory.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    for kind, title, roundtable, offset, start, end, people in ECE_PROGRAMME:
        session = Session.objects.create(
            review=review,
            kind=kind,
            title=title,
            roundtable=roundtables.get(roundtable),
            date=review.meeting_start + datetime.timedelta(days=offset),
            start_time=start,
            end_time=end,
            place="Palais des Nations, Room XIX",
        )
        Speaker.objects.bulk_create(
            Speaker(
                session=session,
                role=SpeakerRole(role),
                name=name,
                gender=Gender(gender),
                country=countries[iso3],
                affiliation=Affiliation(affiliation),
                stakeholder_category=categories[category] if category else None,
            )
            for role, name, gender, iso3, affiliation, category in people
        )


def _add_documents(review: RegionalReview) -> None:
    due = review.documents_due
    ReviewDocument.objects.bulk_create(
        [
            ReviewDocument(
                review=review,
                kind=DocumentKind.CONCEPT_NOTE,
                title="Concept note",
                visibility=Visibility.PUBLIC,
                shared_on=due - datetime.timedelta(days=7),
            ),
            ReviewDocument(
                review=review,
                kind=DocumentKind.BACKGROUND,
                title="Background paper: migration trends in the region",
                visibility=Visibility.PARTICIPANTS,
                shared_on=due,
            ),
            ReviewDocument(
                review=review,
                kind=DocumentKind.ORGANIZATION_OF_WORK,
                title="Organization of work",
                visibility=Visibility.PARTICIPANTS,
                shared_on=due + datetime.timedelta(days=5),
            ),
        ]
    )


def _progress_checklist(review: RegionalReview) -> None:
    owner = User.objects.filter(role_assignments__commission=review.commission).first()
    statuses = {
        "guiding-principles": ChecklistStatus.DONE,
        "voluntary-reviews": ChecklistStatus.IN_PROGRESS,
        "regional-inputs": ChecklistStatus.DONE,
        "stakeholder-modalities": ChecklistStatus.DONE,
        "interactive-debates": ChecklistStatus.IN_PROGRESS,
        "network-contributions": ChecklistStatus.DONE,
        "ldc-travel": ChecklistStatus.NOT_APPLICABLE,
    }
    for item in review.checklist_items.filter(key__in=statuses):
        item.status = statuses[item.key]
        item.owner = owner
        item.save(update_fields=["status", "owner"])


def reset() -> None:
    RegionalReview.objects.filter(cycle__slug__in=DEMO_CYCLES).delete()
    ReviewCycle.objects.filter(slug__in=DEMO_CYCLES).delete()


@transaction.atomic
def create_demo_reviews() -> ReviewCycle:
    """Create (again) the demo cycles; an existing demo cycle is replaced."""
    reset()
    cycle = services.create_cycle(
        title="2020–2021 regional reviews, informing the IMRF 2022",
        slug="2020-2021",
        imrf_year=2022,
    )
    services.create_cycle(
        title="2024–2025 regional reviews, informing the IMRF 2026",
        slug="2024-2025",
        imrf_year=2026,
    )
    for code, title, start, end, venue, meeting_format, languages in REVIEWS:
        review = _create_review(cycle, code, title, start, end, venue, meeting_format, languages)
        if code == "ECE":
            _add_programme(review)
            _add_documents(review)
            _progress_checklist(review)
    return cycle


def load(*, out) -> None:
    cycle = create_demo_reviews()
    out.stdout.write(f"Demo review cycle: {cycle.title} ({cycle.reviews.count()} reviews)")
