"""Who takes part in a regional review: people's profiles, the events of a review (the
multi-stakeholder consultation and the meeting) and registrations for them.

Personal data (e-mail, nationality, gender, accessibility needs, notes verbales) is seen only by
the secretariat of the review's commission and the Network secretariat.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.storage import private_storage
from reference.models import Country, StakeholderCategory
from reviews.enums import Gender, MeetingFormat
from reviews.models import RegionalReview
from stakeholders.enums import EventKind, NameVisibility, ParticipantKind, RegistrationStatus


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
        return reverse("stakeholders:registration", kwargs={"pk": self.pk})

    @property
    def needs_endorsement(self) -> bool:
        return self.organisation_id is not None and self.endorsed_at is None
