"""The people and objects the permission matrix asks about, and how it reads every URL pattern.

One regional review of ECLAC (Mexico is a member, the Philippines is not) holds one of each kind
of object, and its cycle has a budget with one version; the people around it stand inside and
outside every scope.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.enums import Role, VerificationState
from accounts.services import set_organisation_verification
from reference.models import Commission, Country
from reviews import services as review_services
from reviews.enums import (
    Affiliation,
    DocumentKind,
    Gender,
    ReviewStatus,
    SessionKind,
    SpeakerRole,
    Visibility,
)
from reviews.models import ReviewDocument, Session, Speaker
from stakeholders.enums import EventKind, NominationKind, ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Nomination
from stakeholders.nominations import propose_nomination, set_nomination_window
from stakeholders.profiles import save_profile
from stakeholders.registration import (
    decide_registration,
    endorse_registration,
    register,
    save_event,
)
from submissions import services as submission_services
from submissions.emails import draft_message
from submissions.enums import SubmissionKind
from tests.factories import (
    OrganisationFactory,
    RoleAssignmentFactory,
    UserFactory,
    commission_secretariat,
    focal_point,
    make_budget,
    make_review,
    network_secretariat,
    representative,
)
from tests.stakeholders.builders_funding import ask, make_event
from tests.stakeholders.builders_funding import register as approved_registration

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

PEOPLE = [
    "anonymous",
    "stakeholder",
    "representative",
    "focal_mex",
    "official_mex",
    "focal_phl",
    "eclac",
    "escap",
    "network",
    "two_roles",
]


@dataclass
class World:
    people: dict
    cycle: object
    review: object
    submission: object
    attachment: object
    message: object
    session: object
    speaker: object
    document: object
    document_version: object
    section: object
    checklist_item: object
    organisation: object
    budget: object
    stated_total: object
    budget_version: object
    funding_registration: object
    funding_request: object
    nomination: object
    event: object
    registration: object
    delegate_registration: object
    render_job: object
    report: object
    report_section: object
    publication: object
    published_document: object
    delivery: object


def _published_report(review, actor):
    """The review's outcome report, written in English, final, and published on the knowledge
    platform."""
    from knowledge.enums import PublicationKind
    from knowledge.services import publish
    from reports import services as report_services
    from reports.enums import ReportStatus

    report = report_services.start_report(review=review, language="en", actor=actor)
    for section_text in report.languages.get().sections.all():
        report_services.save_report_section(
            section_text=section_text, text="<p>Findings.</p>", base_version=0, actor=actor
        )
    report_services.set_report_status(report=report, status=ReportStatus.FINAL, actor=actor)
    publication = publish(kind=PublicationKind.REPORT, source=report.languages.get(), actor=actor)
    # Its PDF, printed already: the public download serves it.
    _rendered("report", review.pk, review, actor)
    return report, publication


def _published_document(review, actor):
    from knowledge.enums import PublicationKind
    from knowledge.services import publish

    document = review_services.save_document(
        document=ReviewDocument(
            review=review,
            kind=DocumentKind.BACKGROUND,
            title="Background paper",
            visibility=Visibility.PUBLIC,
        )
    )
    review_services.add_document_version(
        document=document,
        language="en",
        upload=SimpleUploadedFile("paper.pdf", PDF, content_type="application/pdf"),
        actor=actor,
    )
    return publish(kind=PublicationKind.DOCUMENT, source=document, actor=actor)


def build_world() -> World:
    mexico, philippines = Country.objects.get(iso3="MEX"), Country.objects.get(iso3="PHL")
    eclac, escap = Commission.objects.get(code="ECLAC"), Commission.objects.get(code="ESCAP")
    today = timezone.localdate()
    review = make_review(
        "ECLAC",
        status=ReviewStatus.ANNOUNCED,
        meeting_start=today + datetime.timedelta(days=60),
        meeting_end=today + datetime.timedelta(days=61),
        consultation_opens=today - datetime.timedelta(days=5),
        consultation_closes=today + datetime.timedelta(days=20),
    )
    organisation = set_organisation_verification(
        organisation=OrganisationFactory(country=philippines),
        state=VerificationState.VERIFIED,
        actor=None,
    )
    two_roles = commission_secretariat(escap)
    RoleAssignmentFactory(user=two_roles, role=Role.FOCAL_POINT, country=mexico)
    people = {
        "anonymous": None,
        "stakeholder": UserFactory(),
        "representative": representative(organisation, designated=True),
        "focal_mex": focal_point(mexico, designated=True),
        "official_mex": focal_point(mexico),
        "focal_phl": focal_point(philippines, designated=True),
        "eclac": commission_secretariat(eclac),
        "escap": commission_secretariat(escap),
        "network": network_secretariat(),
        "two_roles": two_roles,
    }
    submission = submission_services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=review,
        language="es",
        country=mexico,
        actor=people["focal_mex"],
    )
    attachment = submission_services.add_attachment(
        submission=submission,
        upload=SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"),
        is_note_verbale=False,
        actor=people["focal_mex"],
    )
    session = Session.objects.create(
        review=review,
        kind=SessionKind.OPENING,
        title="Opening",
        date=review.meeting_start,
        start_time=datetime.time(9, 0),
    )
    speaker = Speaker.objects.create(
        session=session,
        role=SpeakerRole.PANELLIST,
        name="A. Speaker",
        gender=Gender.WOMAN,
        affiliation=Affiliation.NATIONAL_GOVERNMENT,
        country=mexico,
    )
    document = review_services.save_document(
        document=ReviewDocument(
            review=review,
            kind=DocumentKind.CONCEPT_NOTE,
            title="Concept note",
            visibility=Visibility.PARTICIPANTS,
        )
    )
    document_version = review_services.add_document_version(
        document=document,
        language="en",
        upload=SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf"),
        actor=people["eclac"],
    )
    budget = make_budget(review.cycle)
    # The stakeholder registered for the meeting, asked for travel support and proposed a side
    # event while the review's nomination window is open.
    funding_registration = approved_registration(people["stakeholder"], make_event(review))
    set_nomination_window(
        review=review,
        opens=today - datetime.timedelta(days=5),
        closes=today + datetime.timedelta(days=20),
    )
    nomination = propose_nomination(
        nomination=Nomination(
            review=review,
            kind=NominationKind.SIDE_EVENT,
            name="Voices of returning migrants",
            title="Migrant Voices Asia",
            description="Testimonies",
        ),
        nominator=people["stakeholder"],
    )
    # The stakeholder registered for the consultation on behalf of the organisation: endorsed by
    # its representative and approved, so the stakeholder takes part in the review. Mexico's
    # focal point registered as a delegate, with a note verbale, and waits for the decision.
    event = save_event(
        event=Event(
            review=review,
            kind=EventKind.CONSULTATION,
            title="Consultation",
            starts_on=today + datetime.timedelta(days=30),
            ends_on=today + datetime.timedelta(days=30),
            capacity=50,
            registration_opens=today - datetime.timedelta(days=3),
            registration_closes=today + datetime.timedelta(days=20),
        )
    )
    save_profile(
        user=people["stakeholder"],
        name="A. Stakeholder",
        kind=ParticipantKind.STAKEHOLDER,
        category=organisation.category,
        organisation=organisation,
        country_of_residence=philippines,
        nationality=philippines,
    )
    registration = register(event=event, user=people["stakeholder"])
    endorse_registration(registration=registration, actor=people["representative"])
    registration = decide_registration(
        registration=registration, decision=RegistrationStatus.APPROVED, actor=people["eclac"]
    )
    save_profile(
        user=people["focal_mex"],
        name="Mexico's focal point",
        kind=ParticipantKind.GOVERNMENT,
        country_of_residence=mexico,
    )
    delegate_registration = register(
        event=event,
        user=people["focal_mex"],
        note_verbale=SimpleUploadedFile("nota.pdf", PDF, content_type="application/pdf"),
    )
    report, publication = _published_report(review, people["eclac"])
    return World(
        people=people,
        cycle=review.cycle,
        review=review,
        submission=submission,
        attachment=attachment,
        message=draft_message(submission=submission, event="submitted"),
        session=session,
        speaker=speaker,
        document=document,
        document_version=document_version,
        section=submission.sections.first(),
        checklist_item=review.checklist_items.first(),
        organisation=organisation,
        budget=budget,
        stated_total=budget.versions.get().stated_totals.order_by("pk").first(),
        budget_version=budget.versions.get(),
        funding_registration=funding_registration,
        funding_request=ask(funding_registration),
        nomination=nomination,
        event=event,
        registration=registration,
        delegate_registration=delegate_registration,
        render_job=_rendered_submission(submission, people["eclac"]),
        report=report,
        report_section=report.languages.get().sections.first(),
        publication=publication,
        published_document=_published_document(review, people["eclac"]),
        delivery=_failed_delivery(publication),
    )


def _failed_delivery(publication):
    """The push of the report's publication, failed at every attempt (recorded as the task leaves
    it: the push is off in the tests)."""
    from knowledge.enums import PublicationAction
    from knowledge.push.models import Delivery

    return Delivery.objects.create(
        publication=publication,
        action=PublicationAction.PUBLISHED,
        url="https://platform.example.org/hooks/gcm",
        status=Delivery.Status.FAILED,
        attempts=8,
        last_status_code=500,
        last_error="HTTP 500 Internal Server Error",
    )


def _rendered_submission(submission, requester):
    """The ECLAC secretariat's PDF of Mexico's submission, as a finished job leaves it."""
    return _rendered("submission", submission.pk, submission.review, requester)


def _rendered(kind: str, object_id: int, review, requester):
    import hashlib

    from django.core.files.base import ContentFile

    from reports.enums import RenderStatus
    from reports.models import RenderJob

    job = RenderJob(
        requested_by=requester,
        kind=kind,
        object_id=object_id,
        review=review,
        title=f"{kind} {object_id}",
        language="en",
        status=RenderStatus.SUCCEEDED,
        progress=100,
        sha256=hashlib.sha256(PDF).hexdigest(),
        size=len(PDF),
        page_count=1,
        finished_at=timezone.now(),
    )
    job.file.save(f"{kind}.pdf", ContentFile(PDF), save=False)
    job.save()
    return job


def _is_project_view(callback) -> bool:
    module = getattr(callback, "view_class", callback).__module__
    top = module.split(".")[0]
    return (Path(settings.BASE_DIR) / top).is_dir() and not module.startswith(".venv")


def project_url_names() -> set[str]:
    """Every named URL pattern whose view is the project's own (not Django's admin or allauth)."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and _is_project_view(pattern.callback):
                assert pattern.name, f"the URL pattern {pattern.pattern} has no name"
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns, "")
    return names


def database_fingerprint() -> dict:
    """Every row of every project model, to show that a refused request changed nothing."""
    fingerprint = {}
    for model in apps.get_models():
        if not _is_project_view(model) or model._meta.proxy:
            continue
        fields = [
            f.attname for f in model._meta.concrete_fields if not isinstance(f, models.FileField)
        ]
        fingerprint[model._meta.label] = list(model.objects.order_by("pk").values_list(*fields))
    return fingerprint


def url_for(name: str, world: World, kwargs_by_name: dict) -> str:
    return reverse(name, kwargs=kwargs_by_name(world))
