from django.utils.functional import SimpleLazyObject

from accounts.selectors import workspaces_of


def roles(request):
    """The signed-in user's workspaces, computed only when a template asks for them."""
    return {"workspaces": SimpleLazyObject(lambda: workspaces_of(request.user))}
