from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from budgets import services
from budgets.formatting import money, stated_label, total
from budgets.importing import BudgetFile, BudgetFileError, ParsedBudget, read_budget
from budgets.models import Budget, BudgetLine, BudgetVersion
from budgets.totals import BudgetTotals, discrepancies
from reviews.models import ReviewCycle


class Command(BaseCommand):
    help = (
        "Read an Annex 4 budget (CSV or XLSX), compute every cell, line, commission and grand "
        "total again, and report each stated total that does not add up. With --cycle, load it: "
        "as the cycle's budget, or as a new version of the cycle's latest budget. A file that "
        "cannot be read is refused with its file, row and column named, and nothing is loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("lines_file", type=Path, help="one row per commission and category")
        parser.add_argument(
            "--stated-totals", type=Path, help="totals per line, per commission and overall"
        )
        parser.add_argument("--cycle", help="slug of the review cycle to load the budget into")
        parser.add_argument("--title", default="", help="title of a new budget")
        parser.add_argument("--notes", default="", help="notes of a new budget (e.g. in kind)")
        parser.add_argument("--note", default="", help="what this version is")

    def handle(self, *args, lines_file, stated_totals, cycle, title, notes, note, **options):
        files = []
        for path in [lines_file, stated_totals]:
            if path is not None and not path.is_file():
                raise CommandError(f"{path}: no such file.")
            files.append(BudgetFile.from_path(path) if path is not None else None)
        cycle_object = None
        if cycle:
            cycle_object = ReviewCycle.objects.filter(slug=cycle).first()
            if cycle_object is None:
                raise CommandError(f"No review cycle has the slug {cycle!r}.")
        try:
            parsed = read_budget(*files)
        except BudgetFileError as error:
            raise CommandError(
                "Refused; nothing was loaded.\n"
                + "\n".join(f"  {problem}" for problem in error.problems)
            ) from None
        lines = [line.as_line() for line in parsed.lines]
        self.report(parsed, lines)
        if cycle_object is None:
            self.stdout.write("Checked only; nothing was loaded (give --cycle to load).")
            return
        budget = Budget.objects.filter(cycle=cycle_object).order_by("-created_at").first()
        version = services.import_budget(
            parsed=parsed,
            actor=None,
            cycle=cycle_object,
            budget=budget,
            title=title or f"Indicative budget, {cycle_object.title}",
            notes=notes,
            note=note,
        )
        self.stdout.write(self.style.SUCCESS(self.loaded(version)))

    def loaded(self, version: BudgetVersion) -> str:
        return f"Loaded as version {version.number} of “{version.budget.title}” (budget {version.budget_id})."

    def report(self, parsed: ParsedBudget, lines: list[BudgetLine]) -> None:
        totals = BudgetTotals.of(lines)
        commissions = sorted({line.commission for line in lines}, key=lambda c: c.position)
        categories = sorted({line.category for line in lines}, key=lambda c: c.position)
        width = max(len(category.code) for category in categories) + 2
        header = "".join(f"{commission.code:>12}" for commission in commissions)
        self.stdout.write(f"{'':<{width}}{header}{'Total':>12}")
        for category in categories:
            cells = "".join(
                f"{total(totals.cells.get((commission.pk, category.pk))) or '—':>12}"
                for commission in commissions
            )
            row = total(totals.by_category.get(category.pk))
            self.stdout.write(f"{category.code:<{width}}{cells}{row:>12}")
        cells = "".join(
            f"{total(totals.by_commission.get(commission.pk)):>12}" for commission in commissions
        )
        self.stdout.write(f"{'Total':<{width}}{cells}{total(totals.grand):>12}")
        self.stdout.write(
            "(exact totals, shown rounded to the whole dollar, halves away from zero)"
        )
        stated = [figure.as_stated() for figure in parsed.stated_totals]
        found = discrepancies(totals, stated)
        if not stated:
            self.stdout.write("No stated totals to check.")
        elif not found:
            self.stdout.write(
                self.style.SUCCESS(f"All {len(stated)} stated totals add up, within rounding.")
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(found)} of {len(stated)} stated totals do not add up "
                    "(more than 1 dollar off):"
                )
            )
            for discrepancy in found:
                self.stdout.write(
                    f"  {stated_label(discrepancy.stated)}: stated {money(discrepancy.stated.amount)}, "
                    f"should be {money(discrepancy.computed)}, difference "
                    f"{money(discrepancy.difference)}"
                )
