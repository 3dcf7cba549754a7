from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.enums import PublicationKind
from knowledge.search import MAX_QUERY_LENGTH


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


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        help_text=_(
            'Words in any of the six languages; "an exact phrase" in quotes, -word to leave out.'
        ),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
