from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.search import MAX_QUERY_LENGTH


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
