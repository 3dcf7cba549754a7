from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After signing in, continue in the language the user prefers."""
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)

    def save_user(self, request, user, form, commit=True):
        """The sign-up form's own fields go in with the account's first save, so a new account
        is saved once, as a new account."""
        user.name = form.cleaned_data["name"]
        user.preferred_language = form.cleaned_data["preferred_language"]
        return super().save_user(request, user, form, commit)
