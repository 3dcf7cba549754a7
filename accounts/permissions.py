"""The one permission path every view takes: "may this user read, or change, this object?".

A view declares `permission_required` (to read: GET and HEAD) and, if it accepts other methods,
`write_permission_required` (checked as well for every other method). The object is fetched once,
by `get_permission_object`, and kept as `self.permission_object`.

- An anonymous visitor is sent to sign in, unless the view is `public` and only reads.
- An object the user may not read, or may not change by this request, answers 404: scopes do not
  leak.
- A method the view does not answer is 405, before anything else is looked up.

Templates never ask `perms.`: the view names what its template needs in `template_permissions`,
and the template reads `can.<name>`, computed once per request on the same object.
"""

from collections.abc import Mapping

from django.contrib.auth.mixins import AccessMixin
from django.http import Http404

READ_METHODS = frozenset({"get", "head", "options"})


class UnknownPermissionName(LookupError):
    """A template asked `can` for a name its view does not list (not a KeyError, so it is loud)."""


class Permissions(Mapping):
    """`can.edit` in a template: the named permissions of one user on one object, computed once."""

    def __init__(self, user, names: Mapping[str, str], obj=None):
        self._user, self._names, self._obj = user, names, obj
        self._answers: dict[str, bool] = {}

    def __contains__(self, name) -> bool:
        return name in self._names

    def __getitem__(self, name: str) -> bool:
        if name not in self._names:
            raise UnknownPermissionName(name)
        if name not in self._answers:
            self._answers[name] = self._user.has_perm(self._names[name], self._obj)
        return self._answers[name]

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class PermissionContextMixin:
    """Puts `can` into the context: the permissions named in `template_permissions`."""

    template_permissions: Mapping[str, str] = {}

    def get_permission_object(self):
        return None

    @property
    def can(self) -> Permissions:
        if not hasattr(self, "_can"):
            obj = getattr(self, "permission_object", None)
            self._can = Permissions(self.request.user, self.template_permissions, obj)
        return self._can

    def get_context_data(self, **kwargs):
        return super().get_context_data(can=self.can, **kwargs)


class PermissionRequiredMixin(PermissionContextMixin, AccessMixin):
    permission_required: str = ""
    write_permission_required: str = ""
    # Anonymous visitors reach the read permission itself (announced reviews, shared documents).
    public = False
    permission_object = None

    def is_write(self) -> bool:
        return self.request.method.lower() not in READ_METHODS

    def dispatch(self, request, *args, **kwargs):
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            return self.http_method_not_allowed(request, *args, **kwargs)
        if not self.permission_required:
            raise AssertionError(f"{type(self).__name__} declares no permission_required")
        write = self.is_write()
        if write and not self.get_write_permission_required():
            raise AssertionError(f"{type(self).__name__} declares no write_permission_required")
        if not request.user.is_authenticated and (write or not self.public):
            return self.handle_no_permission()
        self.permission_object = self.get_permission_object()
        if not self.has_permission(write=write):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self, *, write: bool) -> bool:
        user, obj = self.request.user, self.permission_object
        if not user.has_perm(self.permission_required, obj):
            return False
        return not write or user.has_perm(self.get_write_permission_required(), obj)

    def get_write_permission_required(self) -> str:
        return self.write_permission_required


def permitted(user, permission: str, objects):
    """The objects among `objects` on which the user holds the permission, in their order."""
    return [obj for obj in objects if user.has_perm(permission, obj)]
