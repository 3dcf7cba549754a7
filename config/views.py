"""Project-wide pages: the home page and the health check."""

from django.conf import settings
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.fragments import CachedContentMixin
from core.versions import PUBLIC
from reference.selectors import commissions_with_counts


class HomeView(CachedContentMixin, TemplateView):
    """Public; a signed-in user also sees the workspaces of their roles."""

    template_name = "home.html"

    def content_scopes(self):
        return [PUBLIC]

    def get_content_context(self):
        return {"commissions": commissions_with_counts()}


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure of the database means "not healthy"
        return False


def _broker_ok() -> bool:
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # unreachable, refused or misconfigured: all are "not healthy"
        return False


@require_safe
@never_cache
def healthz(request):
    """Public, for load balancers and monitors: says only whether the services answer."""
    checks = {"database": "ok" if _database_ok() else "unavailable"}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = "ok" if _broker_ok() else "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
