from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from budgets.enums import CostBasis
from budgets.importing import BudgetFile
from budgets.models import MONEY, BudgetCategory, BudgetLine
from budgets.services import CellEdit
from reference.models import Commission
from reviews.models import ReviewCycle

UPLOAD_MAX_BYTES = 2 * 1024 * 1024
CELL_PREFIX = "cell"


def cell_name(commission_id: int, category_id: int, part: str) -> str:
    return f"{CELL_PREFIX}-{commission_id}-{category_id}-{part}"


def commissions_named_in(data) -> set[int]:
    """The commissions whose cells a request names, whatever the form offered."""
    found = set()
    for name in data:
        parts = name.removeprefix("initial-").split("-")
        if len(parts) == 4 and parts[0] == CELL_PREFIX and parts[1].isdigit():
            found.add(int(parts[1]))
    return found


class BudgetTableForm(forms.Form):
    """The cells of the Annex 4 table that the user may change, one column group per commission.

    Each cell carries the stamp of its line when the page was opened, and each figure its value
    then (`show_hidden_initial`), so only the cells the user changed are saved.
    """

    note = forms.CharField(
        label=_("What changes in the new version"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args,
        lines: list[BudgetLine],
        categories: list[BudgetCategory],
        commissions: list[Commission],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.categories, self.commissions = categories, commissions
        by_cell = {(line.commission_id, line.category_id): line for line in lines}
        self.lines = by_cell
        for commission in commissions:
            for category in categories:
                self._add_cell(commission, category, by_cell.get((commission.pk, category.pk)))

    def _add_cell(self, commission, category, line) -> None:
        where = {"commission": commission.code, "category": category.name}
        name = lambda part: cell_name(commission.pk, category.pk, part)  # noqa: E731
        self.fields[name("participants")] = forms.IntegerField(
            label=_("%(commission)s, %(category)s: participants") % where,
            min_value=0,
            max_value=1_000_000,
            required=False,
            initial=line.participants if line else None,
            show_hidden_initial=True,
            widget=forms.NumberInput(attrs={"class": "cell-input", "inputmode": "numeric"}),
        )
        if category.basis == CostBasis.LUMP_SUM:
            label, part, initial = (
                _("%(commission)s, %(category)s: lump sum"),
                "lump_sum",
                "lump_sum",
            )
        else:
            label, part = _("%(commission)s, %(category)s: cost per participant"), "cost"
            initial = "cost_per_participant"
        self.fields[name(part)] = forms.DecimalField(
            label=label % where,
            min_value=Decimal("0"),
            max_digits=MONEY["max_digits"],
            decimal_places=MONEY["decimal_places"],
            required=False,
            initial=getattr(line, initial) if line else None,
            show_hidden_initial=True,
            widget=forms.NumberInput(attrs={"class": "cell-input", "step": "0.01"}),
        )
        self.fields[name("stamp")] = forms.IntegerField(
            required=False, initial=line.stamp if line else None, widget=forms.HiddenInput
        )

    def cell_fields(self, commission, category) -> dict:
        name = lambda part: cell_name(commission.pk, category.pk, part)  # noqa: E731
        fields = {"participants": self[name("participants")], "stamp": self[name("stamp")]}
        money = "lump_sum" if category.basis == CostBasis.LUMP_SUM else "cost"
        fields[money] = self[name(money)]
        return fields

    def edits(self) -> list[CellEdit]:
        """The cells the user changed, with the stamps they started from; a figure the request
        does not change keeps its stored value."""
        changed = set(self.changed_data)
        edits = []
        for commission in self.commissions:
            for category in self.categories:
                name = lambda part, c=commission, k=category: cell_name(c.pk, k.pk, part)  # noqa: E731
                lump = category.basis == CostBasis.LUMP_SUM
                money = "lump_sum" if lump else "cost"
                if name("participants") not in changed and name(money) not in changed:
                    continue
                line = self.lines.get((commission.pk, category.pk))
                stored = {
                    "participants": line.participants if line else 0,
                    "cost": line.cost_per_participant if line else None,
                    "lump_sum": line.lump_sum if line else None,
                }

                def value(part, stored=stored, name=name):
                    return self.cleaned_data[name(part)] if name(part) in changed else stored[part]

                edits.append(
                    CellEdit(
                        commission_id=commission.pk,
                        category_id=category.pk,
                        participants=value("participants") or 0,
                        cost_per_participant=None if lump else value("cost"),
                        lump_sum=value("lump_sum") if lump else None,
                        expected_stamp=self.cleaned_data[name("stamp")],
                    )
                )
        return edits

    def started_from(self, line: BudgetLine):
        """The data typed, as if the edit of `line`'s cell had begun from the line as stored."""
        data = self.data.copy()
        name = lambda part: cell_name(line.commission_id, line.category_id, part)  # noqa: E731
        data[name("stamp")] = line.stamp
        for part, value in [
            ("participants", line.participants),
            ("cost", line.cost_per_participant),
            ("lump_sum", line.lump_sum),
        ]:
            if name(part) in self.fields:
                data[f"initial-{name(part)}"] = "" if value is None else value
        return data

    def what_if_lines(self) -> list[BudgetLine]:
        """The version's lines with the typed figures, unsaved: what the totals would be."""
        lines = {key: line for key, line in self.lines.items()}
        for edit in self.edits():
            line = lines.get(edit.key)
            line = (
                BudgetLine(
                    pk=line.pk,
                    version_id=line.version_id,
                    commission_id=line.commission_id,
                    category_id=line.category_id,
                    per_diem_days=line.per_diem_days,
                )
                if line is not None
                else BudgetLine(commission_id=edit.commission_id, category_id=edit.category_id)
            )
            for attribute, value in edit.values().items():
                setattr(line, attribute, value)
            lines[edit.key] = line
        return list(lines.values())


class AcknowledgeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the stated figure stands"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    basis = forms.ChoiceField(label=_("Counted"), choices=CostBasis.choices)
    default_per_diem_days = forms.IntegerField(
        label=_("Days of per diem"), min_value=0, max_value=366, required=False
    )


class BudgetUploadForm(forms.Form):
    """The Annex 4 files, judged by their content and size; a new budget names its cycle."""

    cycle = forms.ModelChoiceField(label=_("Review cycle"), queryset=ReviewCycle.objects.all())
    title = forms.CharField(label=_("Title"), max_length=300)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown under the table, e.g. who contributes in kind."),
    )
    note = forms.CharField(label=_("About this version"), required=False, max_length=2000)
    lines_file = forms.FileField(
        label=_("Budget lines (CSV or XLSX)"),
        help_text=_(
            "One row per commission and category: commission, line, unit, per_diem_days, "
            "participants, cost_per_participant_usd, lump_sum_usd, stated_total_usd."
        ),
    )
    stated_totals_file = forms.FileField(
        label=_("Stated totals (CSV or XLSX)"),
        required=False,
        help_text=_("Optional: scope (line, commission or grand), key, stated_total_usd."),
    )

    def __init__(self, *args, budget=None, **kwargs):
        super().__init__(*args, **kwargs)
        if budget is not None:
            for name in ["cycle", "title", "notes"]:
                del self.fields[name]

    def _file(self, name: str) -> BudgetFile | None:
        upload = self.cleaned_data.get(name)
        if upload is None:
            return None
        if upload.size > UPLOAD_MAX_BYTES:
            raise ValidationError(
                gettext("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(UPLOAD_MAX_BYTES)}
            )
        upload.seek(0)
        return BudgetFile(upload.name, upload.read())

    def clean_lines_file(self) -> BudgetFile:
        return self._file("lines_file")

    def clean_stated_totals_file(self) -> BudgetFile | None:
        return self._file("stated_totals_file")
