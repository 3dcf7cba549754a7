from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.enums import PublicationKind


class PublishForm(forms.Form):
    kind = forms.ChoiceField(choices=PublicationKind.choices, widget=forms.HiddenInput)
    source = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the record and sent to the external platform."),
    )
