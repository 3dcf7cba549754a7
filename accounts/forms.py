from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.enums import VerificationState
from accounts.models import Organisation, User


class SignupDetailsForm(forms.Form):
    """The fields that allauth's sign-up form adds to e-mail and password (saved by
    accounts.adapters.AccountAdapter.save_user)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = get_language()

    def signup(self, request, user):
        """Nothing left to do: the adapter saved these fields with the account."""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "preferred_language"]


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "category", "country", "website"]


class OrganisationVerificationForm(forms.Form):
    verification = forms.ChoiceField(label=_("Verification"), choices=VerificationState.choices)
