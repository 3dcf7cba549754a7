"""The forms of the version pages: which two versions to compare, and an approval."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budgets.models import Budget, BudgetVersion


class VersionPairForm(forms.Form):
    """The two versions to compare, from the query string; by default the latest two."""

    old = forms.TypedChoiceField(label=gettext_lazy("Compare version"), coerce=int)
    new = forms.TypedChoiceField(label=gettext_lazy("with version"), coerce=int)

    def __init__(self, data, *, budget: Budget, versions: list[BudgetVersion]):
        if "old" not in data and "new" not in data and len(versions) > 1:
            data = {"old": versions[1].number, "new": versions[0].number}
        super().__init__(data)
        self.versions = {version.number: version for version in versions}
        choices = [(version.number, self._label(version, budget)) for version in versions]
        self.fields["old"].choices = self.fields["new"].choices = choices

    @staticmethod
    def _label(version: BudgetVersion, budget: Budget) -> str:
        if version.pk == budget.approved_version_id:
            return _("Version %(number)s (approved)") % {"number": version.number}
        return _("Version %(number)s") % {"number": version.number}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old") is not None and cleaned.get("old") == cleaned.get("new"):
            raise forms.ValidationError(_("Choose two different versions."), code="same")
        return cleaned

    def chosen(self) -> tuple[BudgetVersion, BudgetVersion]:
        return self.versions[self.cleaned_data["old"]], self.versions[self.cleaned_data["new"]]


class ApprovalForm(forms.Form):
    """An approval carries the approved version its page showed, so a newer one is not replaced."""

    approved_version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
