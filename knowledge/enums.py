from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PublicationKind(models.TextChoices):
    """What is published: one language version of an outcome report, an input, or a document."""

    REPORT = "report", _("Outcome report")
    SUBMISSION = "submission", _("Input to the review")
    DOCUMENT = "document", _("Document")


class InputKind(models.TextChoices):
    """Who an input comes from, as the portal filters it."""

    MEMBER_STATE = "member_state", _("Member State review")
    REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")
    STAKEHOLDER = "stakeholder", _("Stakeholder")


class PublicationStatus(models.TextChoices):
    PUBLISHED = "published", pgettext_lazy("publication", "published")
    WITHDRAWN = "withdrawn", pgettext_lazy("publication", "withdrawn")


class PublicationAction(models.TextChoices):
    PUBLISHED = "published", pgettext_lazy("publication", "published")
    WITHDRAWN = "withdrawn", pgettext_lazy("publication", "withdrawn")
