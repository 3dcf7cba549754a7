"""Two versions of a budget side by side: their Annex 4 tables with every change marked."""

from dataclasses import dataclass

from budgets.annex4 import (
    Annex4Table,
    annex4_table,
    categories_as_rows,
    commissions_as_columns,
    compared,
    lines_by_version,
)
from budgets.models import BudgetVersion


@dataclass(frozen=True)
class Comparison:
    old: Annex4Table
    new: Annex4Table

    @property
    def tables(self) -> tuple[Annex4Table, Annex4Table]:
        return self.old, self.new


def compare_versions(old: BudgetVersion, new: BudgetVersion) -> Comparison:
    """The Annex 4 tables of both versions over the same rows and columns, changes marked."""
    lines = lines_by_version([old, new])
    commissions = commissions_as_columns()
    categories = categories_as_rows([old, new])
    tables = (
        annex4_table(version, lines[version.pk], commissions=commissions, categories=categories)
        for version in (old, new)
    )
    return Comparison(*compared(*tables))
