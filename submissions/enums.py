from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SubmissionKind(models.TextChoices):
    VOLUNTARY_REVIEW = "voluntary_review", _("Voluntary GCM review")
    REGIONAL_INPUT = "regional_input", _("Regional input")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("submission status", "draft")
    SUBMITTED = "submitted", pgettext_lazy("submission status", "submitted")
    RETURNED = "returned", pgettext_lazy("submission status", "returned with comments")
    RESUBMITTED = "resubmitted", pgettext_lazy("submission status", "resubmitted")
    ACCEPTED = "accepted", pgettext_lazy("submission status", "accepted")
    PUBLISHED = "published", pgettext_lazy("submission status", "published")
    WITHDRAWN = "withdrawn", pgettext_lazy("submission status", "withdrawn")

    @classmethod
    def editable_states(cls) -> set[str]:
        """The authors write in these states; in the others the text is the secretariat's to read."""
        return {cls.DRAFT, cls.RETURNED}

    @classmethod
    def with_secretariat(cls) -> set[str]:
        return {cls.SUBMITTED, cls.RESUBMITTED}

    @classmethod
    def concluded_states(cls) -> set[str]:
        """Nothing more happens to a submission in these states: it can no longer be withdrawn."""
        return {cls.ACCEPTED, cls.PUBLISHED, cls.WITHDRAWN}

    @classmethod
    def submitted_states(cls) -> set[str]:
        """Reached only by submitting: the first submission's date is kept (`submitted_at`).

        A draft has never been submitted; a withdrawn submission may or may not have been.
        """
        return {cls.SUBMITTED, cls.RETURNED, cls.RESUBMITTED, cls.ACCEPTED, cls.PUBLISHED}


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("implementation", "not started")
    PLANNED = "planned", pgettext_lazy("implementation", "planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("implementation", "under way")
    ADVANCED = "advanced", pgettext_lazy("implementation", "advanced")
    NOT_APPLICABLE = "not_applicable", pgettext_lazy("implementation", "not applicable")


class PlanStatus(models.TextChoices):
    EXISTS = "exists", _("A national implementation plan exists")
    IN_PREPARATION = "in_preparation", _("A national implementation plan is in preparation")
    NONE = "none", _("No national implementation plan")


class MeansOfImplementation(models.TextChoices):
    FINANCE = "finance", _("Finance")
    CAPACITY = "capacity", _("Capacity building")
    POLICY = "policy", _("Policy advice")
    DATA = "data", _("Data gathering and analysis")
    TECHNOLOGY = "technology", _("Technology")
    PARTNERSHIPS = "partnerships", _("Partnerships")


class AuditAction(models.TextChoices):
    CREATED = "created", pgettext_lazy("audit", "started")
    SUBMITTED = "submitted", pgettext_lazy("audit", "submitted")
    RESUBMITTED = "resubmitted", pgettext_lazy("audit", "resubmitted")
    RETURNED = "returned", pgettext_lazy("audit", "returned for revision")
    ACCEPTED = "accepted", pgettext_lazy("audit", "accepted")
    PUBLISHED = "published", pgettext_lazy("audit", "published")
    WITHDRAWN = "withdrawn", pgettext_lazy("audit", "withdrawn")
    UNPUBLISHED = "unpublished", pgettext_lazy("audit", "withdrawn from publication")
    ATTACHMENT = "attachment", pgettext_lazy("audit", "file attached")
