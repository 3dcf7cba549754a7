"""Outcome reports and the jobs that render printable documents."""

from reports.models.jobs import RenderJob

__all__ = ["RenderJob"]
