from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from reports.enums import ReportStatus, VersionKind


class StartReportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the original"), choices=settings.LANGUAGES, initial="en"
    )


class AddLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"), choices=())

    def __init__(self, *args, taken: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, name) for code, name in settings.LANGUAGES if code not in taken
        ]


class ReportStatusForm(forms.Form):
    """One button per state the report may move to; `current` is the state the page showed."""

    current = forms.ChoiceField(choices=ReportStatus.choices, widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=ReportStatus.choices)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        # Any other state is accepted here: set_report_status decides, and says why it refuses.
        by_publishing = ReportStatus.set_by_publishing()
        self.next_states = [
            state
            for state in ReportStatus(report.status).next_states()
            if report.status not in by_publishing and state not in by_publishing
        ]
        if not self.is_bound:
            self.initial["current"] = report.status

    def clean(self):
        data = super().clean()
        if {data.get("status"), data.get("current")} & ReportStatus.set_by_publishing():
            raise forms.ValidationError(
                _("A report is published, and withdrawn, by publishing its language versions.")
            )
        return data


class VersionKindForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            (VersionKind.OFFICIAL, VersionKind.OFFICIAL.label),
            (VersionKind.PENDING, VersionKind.PENDING.label),
        ]
    )
