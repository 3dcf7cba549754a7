from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

# Pages a secretariat user may reach before setting up two-factor authentication.
_OPEN_URL_NAMES = {"account_logout", "account_login", "account_reauthenticate", "healthz"}
# A "yes" is remembered for a while; deleting an authenticator forgets it at once.
_MFA_ENABLED_TIMEOUT = 300


def _mfa_enabled_key(user_id) -> str:
    return f"accounts:mfa-enabled:{user_id}"


def mfa_enabled(user) -> bool:
    """Whether the user has a second factor, without a query on every request once they do."""
    key = _mfa_enabled_key(user.pk)
    if cache.get(key):
        return True
    enabled = is_mfa_enabled(user)
    if enabled:
        cache.set(key, True, _MFA_ENABLED_TIMEOUT)
    return enabled


def forget_mfa_enabled(sender, instance: Authenticator, **kwargs) -> None:
    cache.delete(_mfa_enabled_key(instance.user_id))


class StaffMFAMiddleware:
    """When REQUIRE_STAFF_MFA is on, secretariat users must set up TOTP before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.REQUIRE_STAFF_MFA and self._must_set_up_mfa(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_mfa(self, request) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        if not (user.scopes.is_secretariat or user.is_staff):
            return False
        if request.path_info.startswith(settings.STATIC_URL):
            return False
        if mfa_enabled(user):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return not (match.url_name in _OPEN_URL_NAMES or (match.url_name or "").startswith("mfa_"))
