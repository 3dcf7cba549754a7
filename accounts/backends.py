from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model


class AuthenticationBackend(AllauthBackend):
    """allauth's sign-in, with the user of a session loaded together with their roles."""

    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.get_with_scopes(user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
