from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report status", "draft")
    FINAL = "final", pgettext_lazy("report status", "final")
    PUBLISHED = "published", pgettext_lazy("report status", "published")

    @classmethod
    def transitions(cls) -> dict["ReportStatus", tuple["ReportStatus", ...]]:
        """The only moves a report's status may make; set_report_status enforces them.

        A final report may be reopened for corrections, and a published one withdrawn to final.
        """
        return {
            cls.DRAFT: (cls.FINAL,),
            cls.FINAL: (cls.DRAFT, cls.PUBLISHED),
            cls.PUBLISHED: (cls.FINAL,),
        }

    @classmethod
    def set_by_publishing(cls) -> set[str]:
        """Reached and left only by publishing language versions on the knowledge platform."""
        return {cls.PUBLISHED}

    @classmethod
    def finalised_states(cls) -> set[str]:
        """States in which the report has a final date."""
        return {cls.FINAL, cls.PUBLISHED}

    def next_states(self) -> tuple["ReportStatus", ...]:
        return ReportStatus.transitions()[self]

    def may_become(self, status: str) -> bool:
        return status in self.next_states()


class VersionKind(models.TextChoices):
    """What a language version of the report is; a pending translation is never shown as final."""

    ORIGINAL = "original", pgettext_lazy("report language version", "original")
    OFFICIAL = "official", pgettext_lazy("report language version", "official translation")
    PENDING = "pending", pgettext_lazy("report language version", "translation pending")

    @classmethod
    def final_kinds(cls) -> set[str]:
        return {cls.ORIGINAL, cls.OFFICIAL}


class ReportSection(models.TextChoices):
    """Sections (i) to (v) of Annex 1 §3, written by the secretariat; (vi) is generated."""

    INTRODUCTION = "introduction", _("Introduction: regional overview and background")
    EXECUTIVE_SUMMARY = "executive_summary", _("Executive summary")
    KEY_FINDINGS = "key_findings", _("Key findings")
    GOOD_PRACTICES = (
        "good_practices",
        _("Selected good practices and lessons learned within the region"),
    )
    CONCLUSIONS = (
        "conclusions",
        _("Conclusions and recommendations for implementation and future regional review"),
    )

    @property
    def numeral(self) -> str:
        return ("i", "ii", "iii", "iv", "v")[self.position]

    @property
    def position(self) -> int:
        return list(ReportSection).index(self)


ANNEX_NUMERAL = "vi"


class RenderStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("render job", "queued")
    RUNNING = "running", pgettext_lazy("render job", "being rendered")
    SUCCEEDED = "succeeded", pgettext_lazy("render job", "ready")
    FAILED = "failed", pgettext_lazy("render job", "failed")

    @classmethod
    def open_states(cls) -> set[str]:
        """A worker may still take the job up (again, after a worker was lost)."""
        return {cls.QUEUED, cls.RUNNING}

    @classmethod
    def finished_states(cls) -> set[str]:
        return {cls.SUCCEEDED, cls.FAILED}
