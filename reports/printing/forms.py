from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PrintForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the document"), choices=settings.LANGUAGES)

    def __init__(self, *args, languages=None, **kwargs):
        kwargs.setdefault("initial", {"language": get_language()})
        super().__init__(*args, **kwargs)
        if languages is not None:  # the source exists in these languages only
            names = dict(settings.LANGUAGES)
            self.fields["language"].choices = [(code, names[code]) for code in languages]
