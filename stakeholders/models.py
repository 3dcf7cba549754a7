"""Who takes part in a regional review: people's profiles, the events of a review (the
multi-stakeholder consultation and the meeting) and registrations for them.

Personal data (e-mail, nationality, gender, accessibility needs, notes verbales) is seen only by
the secretariat of the review's commission and the Network secretariat.
"""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.storage import private_storage
from reference.models import Country, StakeholderCategory
from reviews.enums import Affiliation, Gender, MeetingFormat
from reviews.models import RegionalReview, Session, Speaker
from stakeholders.enums import (
    EventKind,
    FundingBasis,
    FundingStatus,
    NameVisibility,
    NominationKind,
    NominationStatus,
    ParticipantKind,
    RegistrationStatus,
    RemovalReason,
)


class Profile(models.Model):
    """What a participant says of themselves, once, for every event they register for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    kind = models.CharField(
        _("I take part as"),
        max_length=20,
        choices=ParticipantKind.choices,
        default=ParticipantKind.STAKEHOLDER,
    )
    category = models.ForeignKey(
        StakeholderCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stakeholder category"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    # A government delegate's delegation; for others, the country they live in.
    country_of_residence = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country of residence"),
    )
    nationality = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nationality"),
    )
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.NOT_SAID
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    name_visibility = models.CharField(
        _("who may see my name on participant lists"),
        max_length=20,
        choices=NameVisibility.choices,
        default=NameVisibility.PARTICIPANTS,
    )
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("participant profile")
        verbose_name_plural = _("participant profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=ParticipantKind.GOVERNMENT) | Q(category__isnull=False),
                name="stakeholders_profile_stakeholder_has_category",
                violation_error_message=_("Choose your stakeholder category."),
            ),
        ]

    def __str__(self):
        return str(self.user)


class Event(models.Model):
    """A consultation or meeting of a review that people register for."""

    review = models.ForeignKey(
        RegionalReview, on_delete=models.CASCADE, related_name="events", verbose_name=_("review")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    meeting_format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.HYBRID
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    registration_opens = models.DateField(_("registration opens"))
    registration_closes = models.DateField(_("registration closes"))
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["review", "starts_on", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="stakeholders_event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_closes__gte=F("registration_opens")),
                name="stakeholders_registration_closes_after_opening",
                violation_error_message=_("Registration cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens__lte=F("ends_on")),
                name="stakeholders_registration_opens_before_event_ends",
                violation_error_message=_("Registration must open before the event ends."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("stakeholders:event", kwargs={"pk": self.pk})

    def registration_is_open(self, today) -> bool:
        return self.registration_opens <= today <= self.registration_closes


def _note_verbale_path(registration, filename: str) -> str:
    return f"notes-verbales/{registration.event_id}/{uuid.uuid4().hex}-{filename}"


def registration_url(pk: int) -> str:
    """A registration's page (lists read as values link to it without the model)."""
    return reverse("stakeholders:registration", kwargs={"pk": pk})


class Registration(models.Model):
    """One person's registration for one event (enforced by the database).

    A government delegate attaches a note verbale; an organisation's delegate is endorsed by a
    representative of the organisation before the secretariat decides. The waiting list is in
    the order people were waitlisted.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("participant"),
    )
    kind = models.CharField(_("takes part as"), max_length=20, choices=ParticipantKind.choices)
    # The delegation of a government delegate.
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delegation of"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("on behalf of"),
    )
    # Personal data: stored outside the public path and served only through a checked view.
    note_verbale = models.FileField(
        _("note verbale"),
        storage=private_storage,
        upload_to=_note_verbale_path,
        blank=True,
        max_length=300,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    endorsed_at = models.DateTimeField(_("endorsed on"), null=True, blank=True)
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("endorsed by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.TextField(_("reason"), blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted on"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                name="stakeholders_one_registration_per_person",
                violation_error_message=_("You are already registered for this event."),
            ),
            models.CheckConstraint(
                condition=Q(kind=ParticipantKind.STAKEHOLDER) | Q(country__isnull=False),
                name="stakeholders_delegate_names_country",
                violation_error_message=_("A government delegate names the delegation's country."),
            ),
            models.CheckConstraint(
                condition=Q(endorsed_at__isnull=True) | Q(organisation__isnull=False),
                name="stakeholders_endorsed_for_an_organisation",
            ),
            models.CheckConstraint(
                condition=Q(status=RegistrationStatus.WAITLISTED, waitlisted_at__isnull=False)
                | ~Q(status=RegistrationStatus.WAITLISTED),
                name="stakeholders_waitlisted_has_date",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="stakeholders_registration_version_from_one"
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    # The e-mails its decisions drafted in the review's outbox.
    outbox_messages = GenericRelation(
        "outbox.OutboxMessage", content_type_field="about_type", object_id_field="about_id"
    )

    def __str__(self):
        return f"{self.user} · {self.event}"

    def get_absolute_url(self):
        return registration_url(self.pk)

    @property
    def needs_endorsement(self) -> bool:
        return self.organisation_id is not None and self.endorsed_at is None


# Travel funding (Annex 4), nominations for the programme and what is kept of personal data once
# it is removed.

MONEY = {"max_digits": 12, "decimal_places": 2}


class FundingRequest(models.Model):
    """A registrant's request for travel support for one event, and what the secretariat grants.

    Requested and granted amounts are kept apart: support may be partial. The basis is proposed
    from the reference data as of the event's first day and confirmed by the secretariat when it
    offers. When the applicant's personal data is removed the request stays, without its
    registration, its justification and its messages, so that the budget's figures still add up.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="funding_requests", verbose_name=_("event")
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_request",
        verbose_name=_("registration"),
    )
    kind = models.CharField(_("takes part as"), max_length=20, choices=ParticipantKind.choices)
    proposed_basis = models.CharField(
        _("proposed eligibility"), max_length=20, choices=FundingBasis.choices
    )
    basis = models.CharField(
        _("confirmed eligibility"), max_length=20, choices=FundingBasis.choices, blank=True
    )
    justification = models.TextField(_("why you ask for support"), blank=True)
    requested_flight = models.DecimalField(_("flight estimate"), **MONEY)
    requested_days = models.PositiveSmallIntegerField(_("days of per diem"))
    requested_rate = models.DecimalField(_("per diem rate"), **MONEY)
    granted_flight = models.DecimalField(_("flight granted"), **MONEY, null=True, blank=True)
    granted_days = models.PositiveSmallIntegerField(
        _("days of per diem granted"), null=True, blank=True
    )
    granted_rate = models.DecimalField(_("per diem rate granted"), **MONEY, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=FundingStatus.choices, default=FundingStatus.SUBMITTED
    )
    # The money counted against the budget while the offer stands (budgets.Commitment).
    commitment = models.ForeignKey(
        "budgets.Commitment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commitment"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("travel funding request")
        verbose_name_plural = _("travel funding requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(requested_flight__gte=0, requested_rate__gte=0),
                name="stakeholders_funding_requested_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(granted_flight__isnull=True)
                    | Q(granted_flight__gte=0, granted_rate__gte=0, granted_days__isnull=False)
                ),
                name="stakeholders_funding_granted_whole",
                violation_error_message=_("A grant names the flight, the days and the rate."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=FundingStatus.committed_states())
                | (Q(granted_flight__isnull=False) & ~Q(basis="")),
                name="stakeholders_funding_offer_has_grant",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="stakeholders_funding_version_from_one"
            ),
        ]
        # The secretariat's list of a review's requests, by event and status.
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return str(_("Travel funding request %(number)s") % {"number": self.pk})

    @property
    def requested_total(self) -> Decimal:
        return self.requested_flight + self.requested_days * self.requested_rate

    @property
    def granted_total(self) -> Decimal | None:
        if self.granted_flight is None:
            return None
        return self.granted_flight + self.granted_days * self.granted_rate

    @property
    def is_partial(self) -> bool:
        granted = self.granted_total
        return granted is not None and granted < self.requested_total


class FundingStatusChange(models.Model):
    """The audit trail of a funding request: who moved it, when, from and to, and why."""

    request = models.ForeignKey(
        FundingRequest,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("travel funding request"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=FundingStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=FundingStatus.choices)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("on"), auto_now_add=True)

    class Meta:
        ordering = ["request", "at", "pk"]
        verbose_name = _("funding status change")
        verbose_name_plural = _("funding status changes")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class FundingMessage(models.Model):
    """A message about a funding request; internal ones are read by the secretariat only."""

    request = models.ForeignKey(
        FundingRequest,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("travel funding request"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from"),
    )
    text = models.TextField(_("message"))
    visible_to_applicant = models.BooleanField(_("the applicant reads it"), default=True)
    sent_at = models.DateTimeField(_("sent on"), auto_now_add=True)

    class Meta:
        ordering = ["request", "sent_at", "pk"]
        verbose_name = _("funding message")
        verbose_name_plural = _("funding messages")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""), name="stakeholders_funding_message_not_empty"
            ),
        ]

    def __str__(self):
        return str(self.sent_at)


class NominationWindow(models.Model):
    """When stakeholders may propose panellists, moderators and side events for a review."""

    review = models.OneToOneField(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="nomination_window",
        verbose_name=_("review"),
    )
    opens = models.DateField(_("nominations open"))
    closes = models.DateField(_("nominations close"))

    class Meta:
        verbose_name = _("nomination window")
        verbose_name_plural = _("nomination windows")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gte=F("opens")),
                name="stakeholders_nominations_close_after_opening",
                violation_error_message=_("Nominations cannot close before they open."),
            ),
        ]

    def __str__(self):
        return f"{self.opens} – {self.closes}"

    def is_open(self, day: datetime.date) -> bool:
        return self.opens <= day <= self.closes


class Nomination(models.Model):
    """A panellist, a moderator or a side event a stakeholder proposes for a review's programme.

    Accepted, it becomes a Speaker or a Session of the programme (created through reviews'
    services); declined, it carries the reason the nominator reads.
    """

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="nominations",
        verbose_name=_("review"),
    )
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("proposed by"),
    )
    kind = models.CharField(_("proposal"), max_length=20, choices=NominationKind.choices)
    # A person's name, or a side event's title.
    name = models.CharField(_("name or title"), max_length=300)
    # A person's position and organisation, or a side event's organisers.
    title = models.CharField(_("position and organisation, or organisers"), max_length=300)
    description = models.TextField(_("why, and what it brings to the review"))
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, blank=True, default=""
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    affiliation = models.CharField(
        _("affiliation"), max_length=30, choices=Affiliation.choices, blank=True
    )
    stakeholder_category = models.ForeignKey(
        StakeholderCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stakeholder category"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.PROPOSED,
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    speaker = models.OneToOneField(
        Speaker,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nomination",
        verbose_name=_("speaker"),
    )
    session = models.OneToOneField(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nomination",
        verbose_name=_("side event in the programme"),
    )
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)

    class Meta:
        ordering = ["review", "-created_at", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=NominationKind.SIDE_EVENT) | ~Q(gender="") & ~Q(affiliation=""),
                name="stakeholders_nominated_person_described",
                violation_error_message=_("Give the person's gender and affiliation."),
            ),
            models.CheckConstraint(
                condition=~Q(status=NominationStatus.DECLINED) | ~Q(decision_reason=""),
                name="stakeholders_nomination_declined_with_reason",
                violation_error_message=_("Say why the nomination is declined."),
            ),
        ]
        # The secretariat's list of a review's nominations, by status.
        indexes = [models.Index(fields=["review", "status"])]

    def __str__(self):
        return self.name


class AnonymousParticipant(models.Model):
    """What is kept of a registration once its personal data is removed: enough for the
    balance statistics (kind, status, gender, country, category) and nothing that names anyone."""

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="anonymous_participants",
        verbose_name=_("event"),
    )
    kind = models.CharField(_("took part as"), max_length=20, choices=ParticipantKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.NOT_SAID
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    category = models.ForeignKey(
        StakeholderCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stakeholder category"),
    )
    reason = models.CharField(_("removed because"), max_length=20, choices=RemovalReason.choices)
    removed_at = models.DateTimeField(_("removed on"), auto_now_add=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("anonymous participant")
        verbose_name_plural = _("anonymous participants")

    def __str__(self):
        return self.get_kind_display()


class PersonalDataRemoval(models.Model):
    """One event's personal data removed at the end of its retention period, and how much."""

    event = models.OneToOneField(
        Event,
        on_delete=models.CASCADE,
        related_name="personal_data_removal",
        verbose_name=_("event"),
    )
    removed_at = models.DateTimeField(_("removed on"))
    registrations = models.PositiveIntegerField(_("registrations"), default=0)
    funding_requests = models.PositiveIntegerField(_("travel funding requests"), default=0)
    messages = models.PositiveIntegerField(_("messages"), default=0)

    class Meta:
        ordering = ["-removed_at"]
        verbose_name = _("removal of personal data")
        verbose_name_plural = _("removals of personal data")

    def __str__(self):
        return str(self.removed_at)
