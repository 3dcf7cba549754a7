"""Outcome reports and the jobs that render printable documents."""

from reports.models.report import (
    LanguageVersion,
    Report,
    ReportSectionRevision,
    ReportSectionText,
    ReportStatusChange,
)

__all__ = [
    "LanguageVersion",
    "Report",
    "ReportSectionRevision",
    "ReportSectionText",
    "ReportStatusChange",
]
