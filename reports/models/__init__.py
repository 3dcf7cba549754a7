"""Outcome reports and the jobs that render printable documents."""

from reports.models.jobs import RenderJob
from reports.models.report import (
    LanguageVersion,
    Report,
    ReportSectionRevision,
    ReportSectionText,
    ReportStatusChange,
)

__all__ = [
    "LanguageVersion",
    "RenderJob",
    "Report",
    "ReportSectionRevision",
    "ReportSectionText",
    "ReportStatusChange",
]
