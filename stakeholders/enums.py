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


class FundingBasis(models.TextChoices):
    """Why travel is funded (Annex 4): the budget category and the days of per diem follow."""

    LDC_DELEGATE = "ldc", _("delegate of a least developed country")
    LLDC_DELEGATE = "lldc", _("delegate of a landlocked developing country")
    STAKEHOLDER = "stakeholder", _("stakeholder participant")
    NOT_ELIGIBLE = "not_eligible", _("not eligible")

    @property
    def budget_category(self) -> str | None:
        """The code of the budgets category the funding is committed against."""
        return {
            FundingBasis.LDC_DELEGATE: "ldc_lldc_travel",
            FundingBasis.LLDC_DELEGATE: "ldc_lldc_travel",
            FundingBasis.STAKEHOLDER: "stakeholder_travel",
        }.get(self)

    @property
    def per_diem_days(self) -> int:
        """Annex 4: three days of per diem for delegates, four for stakeholder participants."""
        return {
            FundingBasis.LDC_DELEGATE: 3,
            FundingBasis.LLDC_DELEGATE: 3,
            FundingBasis.STAKEHOLDER: 4,
        }.get(self, 0)


class Party(models.TextChoices):
    """Who makes a move of a funding request."""

    APPLICANT = "applicant", _("applicant")
    SECRETARIAT = "secretariat", _("secretariat")


class FundingStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("funding status", "submitted")
    INFORMATION_NEEDED = "information_needed", pgettext_lazy("funding status", "information needed")
    OFFERED = "offered", pgettext_lazy("funding status", "offered")
    ACCEPTED = "accepted", pgettext_lazy("funding status", "accepted")
    DECLINED = "declined", pgettext_lazy("funding status", "declined")
    REJECTED = "rejected", pgettext_lazy("funding status", "rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("funding status", "withdrawn")

    @classmethod
    def transitions(cls) -> dict[str, dict[str, str]]:
        """The only moves a request may make, and who makes each; move_funding_request enforces
        them."""
        applicant, secretariat = Party.APPLICANT, Party.SECRETARIAT
        return {
            cls.SUBMITTED: {
                cls.INFORMATION_NEEDED: secretariat,
                cls.OFFERED: secretariat,
                cls.REJECTED: secretariat,
                cls.WITHDRAWN: applicant,
            },
            cls.INFORMATION_NEEDED: {
                cls.SUBMITTED: applicant,
                cls.OFFERED: secretariat,
                cls.REJECTED: secretariat,
                cls.WITHDRAWN: applicant,
            },
            cls.OFFERED: {
                cls.ACCEPTED: applicant,
                cls.DECLINED: applicant,
                cls.WITHDRAWN: applicant,
                cls.REJECTED: secretariat,
            },
            cls.ACCEPTED: {cls.WITHDRAWN: applicant, cls.REJECTED: secretariat},
            cls.DECLINED: {},
            cls.REJECTED: {},
            cls.WITHDRAWN: {},
        }

    def moves_for(self, party: str) -> list["FundingStatus"]:
        return [
            FundingStatus(to) for to, by in FundingStatus.transitions()[self].items() if by == party
        ]

    @classmethod
    def open_states(cls) -> set[str]:
        return {cls.SUBMITTED, cls.INFORMATION_NEEDED, cls.OFFERED, cls.ACCEPTED}

    @classmethod
    def committed_states(cls) -> tuple[str, ...]:
        """Funding counted against the budget: offered (approved) and accepted.

        A tuple, not a set: the database constraint built from it must deconstruct the same way
        in every process, or migrations would see a change that is not there."""
        return (cls.OFFERED, cls.ACCEPTED)


class NominationKind(models.TextChoices):
    PANELLIST = "panellist", _("panellist")
    MODERATOR = "moderator", _("moderator")
    SIDE_EVENT = "side_event", _("side event")

    @classmethod
    def people(cls) -> set[str]:
        return {cls.PANELLIST, cls.MODERATOR}


class NominationStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("nomination status", "proposed")
    ACCEPTED = "accepted", pgettext_lazy("nomination status", "accepted into the programme")
    DECLINED = "declined", pgettext_lazy("nomination status", "declined")


class RemovalReason(models.TextChoices):
    """Why a participant's personal data was removed, kept with the anonymous counts."""

    ACCOUNT_DELETED = "account_deleted", _("account deleted by the participant")
    RETENTION = "retention", _("retention period over")
