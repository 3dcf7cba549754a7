from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PrintForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"language": get_language()})
        super().__init__(*args, **kwargs)
