"""The one permission layer every view uses: "may this user do this to this object?".

An object a user may not see answers 404, never 403, so that scopes do not leak.
"""

from django.contrib.auth.mixins import AccessMixin
from django.http import Http404


def may(user, permission: str, obj=None) -> bool:
    return user.has_perm(permission, obj)


def ensure(user, permission: str, obj=None) -> None:
    """Raise Http404 unless the user holds the permission on the object."""
    if not user.has_perm(permission, obj):
        raise Http404


class PermissionRequiredMixin(AccessMixin):
    """Class-based views declare `permission_required` and, for an object, `get_permission_object`.

    The object is fetched once and kept as `self.permission_object`. An anonymous visitor is sent
    to sign in; a signed-in user without the permission gets 404.
    """

    permission_required: str = ""
    permission_object = None
    # Public pages let anonymous visitors through to the permission check itself.
    allow_anonymous = False

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_required:
            raise AssertionError(f"{type(self).__name__} declares no permission_required")
        if not request.user.is_authenticated and not self.allow_anonymous:
            return self.handle_no_permission()
        self.permission_object = self.get_permission_object()
        ensure(request.user, self.permission_required, self.permission_object)
        return super().dispatch(request, *args, **kwargs)
