"""Outcome reports and the jobs that render printable documents."""
