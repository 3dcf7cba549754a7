"""Start-up checks: the fonts printed documents need, and time limits the broker can honour."""

import shutil
import subprocess

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

# The faces print.css names, and the Debian package of each.
REQUIRED_FONTS = {
    "Noto Sans": "fonts-noto-core",
    "Noto Naskh Arabic": "fonts-noto-core",
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "DejaVu Sans": "fonts-dejavu-core",
}


def missing_fonts() -> dict[str, str]:
    """The required font families fontconfig does not know, with the package that has each."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return dict(REQUIRED_FONTS)
    listed = subprocess.run(  # noqa: S603 (a fixed command, no user input)
        [fc_list, ":", "family"], capture_output=True, text=True, check=False, timeout=30
    ).stdout
    families = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    return {family: package for family, package in REQUIRED_FONTS.items() if family not in families}


def require_fonts() -> None:
    """Stop a worker that would render documents with missing glyphs."""
    missing = missing_fonts()
    if missing:
        packages = " ".join(sorted(set(missing.values())))
        raise ImproperlyConfigured(
            f"Printed documents need the fonts {', '.join(sorted(missing))}, which are not "
            f"installed (fc-list). Install them: apt-get install {packages}"
        )


@register("celery")
def check_visibility_timeout(app_configs=None, **kwargs):
    """A task still running when the broker's visibility timeout passes would be handed to a
    second worker and rendered twice."""
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    longest = max(settings.PRINT_TIME_LIMIT, settings.PRINT_SOFT_TIME_LIMIT)
    errors = []
    if settings.PRINT_SOFT_TIME_LIMIT >= settings.PRINT_TIME_LIMIT:
        errors.append(
            Error(
                "PRINT_SOFT_TIME_LIMIT must be shorter than PRINT_TIME_LIMIT, so that a job "
                "fails with a message before its worker process is ended.",
                id="reports.E002",
            )
        )
    if timeout <= longest:
        errors.append(
            Error(
                f"The broker's visibility timeout ({timeout} s) must be longer than the longest "
                f"task ({longest} s, PRINT_TIME_LIMIT).",
                hint="Raise CELERY_VISIBILITY_TIMEOUT or lower PRINT_TIME_LIMIT.",
                id="reports.E001",
            )
        )
    return errors
