from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After signing in, continue in the language the user prefers."""
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)
