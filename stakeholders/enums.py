from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    """What a regional review convenes (Annex 1): a consultation before the meeting, the meeting."""

    CONSULTATION = "consultation", _("multi-stakeholder consultation")
    MEETING = "meeting", _("regional review meeting")


class ParticipantKind(models.TextChoices):
    GOVERNMENT = "government", _("government delegate")
    STAKEHOLDER = "stakeholder", _("stakeholder")


class NameVisibility(models.TextChoices):
    """Who may see a participant's name on a shared participant list."""

    NOBODY = "nobody", _("nobody (the secretariat only)")
    PARTICIPANTS = "participants", _("the other participants")
    EVERYONE = "everyone", _("everyone")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("registration status", "pending")
    APPROVED = "approved", pgettext_lazy("registration status", "approved")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "on the waiting list")
    DECLINED = "declined", pgettext_lazy("registration status", "declined")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")

    @classmethod
    def holding_a_place(cls) -> set[str]:
        """Registrations that count against an event's capacity."""
        return {cls.APPROVED}

    @classmethod
    def active(cls) -> set[str]:
        return {cls.PENDING, cls.APPROVED, cls.WAITLISTED}
