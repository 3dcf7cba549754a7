from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("review status", "draft")
    ANNOUNCED = "announced", pgettext_lazy("review status", "announced")
    HELD = "held", pgettext_lazy("review status", "meeting held")
    CLOSED = "closed", pgettext_lazy("review status", "closed")

    @classmethod
    def public_states(cls) -> set[str]:
        return {cls.ANNOUNCED, cls.HELD, cls.CLOSED}

    @classmethod
    def transitions(cls) -> dict["ReviewStatus", tuple["ReviewStatus", ...]]:
        """The only moves a review's status may make; set_review_status enforces them."""
        return {
            cls.DRAFT: (cls.ANNOUNCED,),
            cls.ANNOUNCED: (cls.DRAFT, cls.HELD),
            cls.HELD: (cls.ANNOUNCED, cls.CLOSED),
            cls.CLOSED: (cls.HELD,),
        }

    def next_states(self) -> tuple["ReviewStatus", ...]:
        return ReviewStatus.transitions()[self]

    def may_become(self, status: str) -> bool:
        return status in self.next_states()


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    VIRTUAL = "virtual", _("virtual")
    HYBRID = "hybrid", _("hybrid")


class PhaseKind(models.TextChoices):
    """The roadmap of the framework, in order."""

    PREPARATORY = "preparatory", _("Preparatory process and online consultation")
    CONSULTATION = "consultation", _("Multi-stakeholder consultation")
    MEETING = "meeting", _("Regional review meeting")
    REPORT = "report", _("Report")
    FOLLOW_UP = "follow_up", _("Follow-up to the IMRF")


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening")
    ROUNDTABLE = "roundtable", _("Round table")
    POLICY_DEBATE = "policy_debate", _("Policy debate")
    SIDE_EVENT = "side_event", _("Side event")
    CLOSING = "closing", _("Closing")
    OTHER = "other", pgettext_lazy("session kind", "Other")


class SpeakerRole(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote speaker")
    PANELLIST = "panellist", _("Panellist")
    MODERATOR = "moderator", _("Moderator")
    RAPPORTEUR = "rapporteur", _("Rapporteur")


class Gender(models.TextChoices):
    WOMAN = "woman", _("woman")
    MAN = "man", _("man")
    # Neither a man nor a woman for the balance: never counted among the men of a session.
    OTHER = "other", pgettext_lazy("gender", "other or not stated")
    NOT_SAID = "not_said", _("prefer not to say")


class Affiliation(models.TextChoices):
    """Whole-of-government (the first two) or whole-of-society (stakeholders)."""

    NATIONAL_GOVERNMENT = "national_government", _("National government")
    LOCAL_GOVERNMENT = "local_government", _("Local or sub-national government")
    INTERGOVERNMENTAL = "intergovernmental", _("UN system or intergovernmental organisation")
    STAKEHOLDER = "stakeholder", _("Stakeholder")

    @classmethod
    def government(cls) -> set[str]:
        return {cls.NATIONAL_GOVERNMENT, cls.LOCAL_GOVERNMENT}


class TimingState(models.TextChoices):
    """Where a deadline, a roadmap phase or a document stands against its date."""

    DONE = "done", _("done")
    CURRENT = "current", _("under way")
    UPCOMING = "upcoming", _("upcoming")
    OVERDUE = "overdue", _("overdue")
    ON_TIME = "on_time", _("on time")
    LATE = "late", _("shared late")


class ChecklistStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class ChecklistSection(models.TextChoices):
    PREPARATORY = "preparatory", _("Preparatory process")
    ORGANIZATION = "organization", _("Organization")
    REPORT = "report", _("Report")
    FOLLOW_UP = "follow_up", _("Follow-up")


class DocumentKind(models.TextChoices):
    BACKGROUND = "background", _("Background document")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    AGENDA = "agenda", _("Agenda")
    ORGANIZATION_OF_WORK = "organization_of_work", _("Organization of work")
    SPEAKERS = "speakers", _("List of panellists and moderators")
    OTHER = "other", pgettext_lazy("document kind", "Other")

    @classmethod
    def open_to_comment(cls) -> set[str]:
        """What the framework asks stakeholders to give inputs on (Annex 1, 1)."""
        return {cls.BACKGROUND, cls.ORGANIZATION_OF_WORK, cls.SPEAKERS}


class Visibility(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat only")
    PARTICIPANTS = "participants", _("Registered participants")
    PUBLIC = "public", _("Public")
