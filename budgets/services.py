"""Changes to budgets: views, commands, the demo and later apps call these, never re-implement them.

Every function runs in one transaction and locks the budget's row first, so that edits, new
versions and commitments of one budget happen one after another.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from budgets.committed import committed_totals
from budgets.enums import CostBasis
from budgets.formatting import money, whole
from budgets.importing import ParsedBudget
from budgets.models import (
    Budget,
    BudgetCategory,
    BudgetLine,
    BudgetVersion,
    Commitment,
    StatedTotal,
)
from core.concurrency import ConcurrentEditError
from reviews.models import ReviewCycle

ZERO = Decimal("0")


class BudgetChangeRefused(Exception):
    """The change is not allowed in the budget's present state; `message` says why."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class CommitmentRefused(Exception):
    """A commitment would take a line beyond its amount or its places, and no override was given."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class CellEdit:
    """New figures for one cell of the table (a commission and a category) in one version.

    `expected_stamp` is the line's stamp when the edit began, or None if the cell had no line.
    """

    commission_id: int
    category_id: int
    participants: int
    cost_per_participant: Decimal | None
    lump_sum: Decimal | None
    expected_stamp: int | None

    @property
    def key(self) -> tuple[int, int]:
        return (self.commission_id, self.category_id)

    def values(self) -> dict:
        return {
            "participants": self.participants,
            "cost_per_participant": self.cost_per_participant,
            "lump_sum": self.lump_sum,
        }


def _lock(budget: Budget) -> Budget:
    return Budget.objects.select_for_update().get(pk=budget.pk)


def _next_version(budget: Budget, *, note: str, actor) -> BudgetVersion:
    """The budget's next version, empty; the budget's row is locked by the caller."""
    number = (budget.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return BudgetVersion.objects.create(budget=budget, number=number, note=note, created_by=actor)


def _check_columns(actor, edits: list[CellEdit]) -> None:
    """Defence in depth: the views offer only the columns the actor may change."""
    from reference.models import Commission

    commissions = Commission.objects.in_bulk({edit.commission_id for edit in edits})
    for edit in edits:
        if not actor.has_perm("budgets.edit_budget_column", commissions.get(edit.commission_id)):
            raise PermissionDenied


@transaction.atomic
def create_budget(
    *,
    cycle: ReviewCycle,
    title: str,
    actor,
    date: datetime.date | None = None,
    currency: str = "USD",
    notes: str = "",
    note: str = "",
) -> Budget:
    """A budget with its first version, empty."""
    budget = Budget.objects.create(
        cycle=cycle,
        title=title,
        currency=currency,
        date=date or timezone.localdate(),
        notes=notes,
    )
    BudgetVersion.objects.create(budget=budget, number=1, note=note, created_by=actor)
    return budget


@transaction.atomic
def update_lines(*, version: BudgetVersion, edits: list[CellEdit], actor) -> list[BudgetLine]:
    """Change cells of a version in place; refused on the approved version (save a new one).

    Each edited line must still carry the stamp the edit started from: otherwise nothing is saved
    and ConcurrentEditError carries the line as stored now. A cell without a line gets one.
    """
    _check_columns(actor, edits)
    budget = _lock(version.budget)
    if budget.approved_version_id == version.pk:
        raise BudgetChangeRefused(
            _("The approved version is not changed in place: save the changes as a new version.")
        )
    saved = []
    for edit in edits:
        cell = Q(version=version, commission_id=edit.commission_id, category_id=edit.category_id)
        if edit.expected_stamp is None:
            try:
                with transaction.atomic():
                    saved.append(
                        BudgetLine.objects.create(
                            version=version,
                            commission_id=edit.commission_id,
                            category_id=edit.category_id,
                            per_diem_days=_default_days(edit),
                            **edit.values(),
                        )
                    )
            except IntegrityError:
                raise ConcurrentEditError(BudgetLine.objects.get(cell)) from None
            continue
        updated = BudgetLine.objects.filter(cell, stamp=edit.expected_stamp).update(
            stamp=F("stamp") + 1, **edit.values()
        )
        if not updated:
            raise ConcurrentEditError(BudgetLine.objects.get(cell))
        saved.append(BudgetLine.objects.get(cell))
    return saved


def _default_days(edit: CellEdit) -> int | None:
    return BudgetCategory.objects.values_list("default_per_diem_days", flat=True).get(
        pk=edit.category_id
    )


@transaction.atomic
def save_as_new_version(
    *, version: BudgetVersion, edits: list[CellEdit], note: str, actor
) -> BudgetVersion:
    """A new version: the lines of `version` with `edits` applied, and its stated totals.

    The edited lines must still carry the stamps the edit started from (ConcurrentEditError).
    `version` itself is left as it was.
    """
    _check_columns(actor, edits)
    new = _next_version(_lock(version.budget), note=note, actor=actor)
    lines = {(line.commission_id, line.category_id): line for line in version.lines.all()}
    for edit in edits:
        current = lines.get(edit.key)
        if current is not None and current.stamp != edit.expected_stamp:
            raise ConcurrentEditError(current)
    edited = {edit.key: edit for edit in edits}
    copies = []
    for key, line in lines.items():
        values = edited.pop(key).values() if key in edited else {}
        copies.append(
            BudgetLine(
                version=new,
                commission_id=line.commission_id,
                category_id=line.category_id,
                per_diem_days=line.per_diem_days,
                participants=values.get("participants", line.participants),
                cost_per_participant=values.get("cost_per_participant", line.cost_per_participant),
                lump_sum=values.get("lump_sum", line.lump_sum),
            )
        )
    for edit in edited.values():
        copies.append(
            BudgetLine(
                version=new,
                commission_id=edit.commission_id,
                category_id=edit.category_id,
                per_diem_days=_default_days(edit),
                **edit.values(),
            )
        )
    BudgetLine.objects.bulk_create(copies)
    StatedTotal.objects.bulk_create(
        StatedTotal(
            version=new,
            scope=stated.scope,
            commission_id=stated.commission_id,
            category_id=stated.category_id,
            amount=stated.amount,
            source=stated.source,
            acknowledged_at=stated.acknowledged_at,
            acknowledged_by_id=stated.acknowledged_by_id,
            acknowledgement=stated.acknowledgement,
        )
        for stated in version.stated_totals.all()
    )
    return new


def install_builtin_categories() -> None:
    """The three categories of Annex 4, wherever the tables exist (after migrating, and after a
    test database is emptied); a category already there is left as it is."""
    from importlib import import_module

    builtin = import_module("budgets.migrations.0002_builtin_categories").CATEGORIES
    for data in builtin:
        names = {f"name_{language}": name for language, name in data["name"].items()}
        BudgetCategory.objects.get_or_create(
            code=data["code"],
            defaults={
                **names,
                "basis": data["basis"],
                "default_per_diem_days": data["default_per_diem_days"],
                "funds_ldc_travel": data["funds_ldc_travel"],
                "position": data["position"],
                "built_in": True,
            },
        )


@transaction.atomic
def add_category(
    *,
    name: str,
    basis: CostBasis,
    default_per_diem_days: int | None = None,
    funds_ldc_travel: bool = False,
) -> BudgetCategory:
    """A category the secretariat adds (interpretation, translation, venue…), after the others.

    The name is kept as typed for the default language too, which other languages fall back to.
    """
    base = slugify(name, allow_unicode=False).replace("-", "_")[:50] or "category"
    code, suffix = base, 1
    while BudgetCategory.objects.filter(code=code).exists():
        suffix += 1
        code = f"{base}_{suffix}"
    last = BudgetCategory.objects.aggregate(last=Max("position"))["last"] or 0
    category = BudgetCategory(
        code=code,
        basis=basis,
        default_per_diem_days=default_per_diem_days,
        funds_ldc_travel=funds_ldc_travel,
        position=last + 10,
    )
    category.name = name
    if not category.name_en:
        category.name_en = name
    category.save()
    return category


@transaction.atomic
def acknowledge_stated_total(*, stated: StatedTotal, reason: str, actor) -> StatedTotal:
    """Record why a stated figure that does not add up stands; it is no longer listed as open."""
    if not reason.strip():
        raise BudgetChangeRefused(_("Say why the stated figure stands."))
    _lock(stated.version.budget)
    stated.acknowledged_at = timezone.now()
    stated.acknowledged_by = actor
    stated.acknowledgement = reason.strip()
    stated.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement"])
    return stated


@transaction.atomic
def import_budget(
    *,
    parsed: ParsedBudget,
    actor,
    cycle: ReviewCycle | None = None,
    budget: Budget | None = None,
    title: str = "",
    date: datetime.date | None = None,
    notes: str = "",
    note: str = "",
) -> BudgetVersion:
    """Load read files (budgets.importing.read_budget) as a new budget of `cycle`, or as a new
    version of `budget`. The stated figures are kept to be checked against the lines."""
    if budget is None:
        budget = create_budget(
            cycle=cycle, title=title, date=date, notes=notes, note=note, actor=actor
        )
        version = budget.versions.get()
    else:
        version = _next_version(_lock(budget), note=note, actor=actor)
    BudgetLine.objects.bulk_create(line.as_line(version) for line in parsed.lines)
    source = ", ".join(parsed.sources)
    StatedTotal.objects.bulk_create(
        stated.as_stated(version, source) for stated in parsed.stated_totals
    )
    return version


def committed_on(budget: Budget, commission_id: int, category_id: int) -> tuple[Decimal, int]:
    """Money and places of the active commitments of one commission and category."""
    key = (commission_id, category_id)
    totals = committed_totals(budget, commission_id=commission_id, category_id=category_id)
    return totals.cells.get(key, ZERO), totals.funded.get(key, 0)


@transaction.atomic
def record_commitment(
    *,
    line: BudgetLine,
    amount: Decimal,
    participants: int,
    source: str,
    actor,
    override: bool = False,
    override_reason: str = "",
) -> Commitment:
    """Count money and places (e.g. approved travel funding) against a commission's line.

    The check uses the line of the same commission and category in the budget's approved version,
    whichever version `line` was read from. Refused (CommitmentRefused) when no version is
    approved or it has no such line, or when the
    commission's line would go beyond its amount or its participants, unless `override` is passed
    with a reason, which is recorded on the commitment. The budget's row is locked first, so two
    commitments made at the same moment are checked one after the other.
    """
    if amount < 0 or participants < 0:
        raise CommitmentRefused(_("A commitment cannot be negative."))
    if not source.strip():
        raise CommitmentRefused(_("Say what the commitment funds."))
    if override and not override_reason.strip():
        raise CommitmentRefused(_("Say why the commitment may exceed the line."))
    budget = _lock(line.version.budget)
    line = BudgetLine.objects.filter(
        version_id=budget.approved_version_id,
        commission_id=line.commission_id,
        category_id=line.category_id,
    ).first()
    if line is None:
        raise CommitmentRefused(
            _("Commitments count against the approved version of the budget only.")
        )
    committed, funded = committed_on(budget, line.commission_id, line.category_id)
    beyond = []
    if committed + amount > line.total:
        beyond.append(
            _("%(amount)s would exceed the %(remaining)s that remain of the line.")
            % {"amount": money(amount), "remaining": money(line.total - committed)}
        )
    if funded + participants > line.participants:
        beyond.append(
            _("%(places)s places would exceed the %(remaining)s that remain of the line.")
            % {"places": whole(participants), "remaining": whole(line.participants - funded)}
        )
    if beyond and not override:
        raise CommitmentRefused(" ".join(beyond))
    return Commitment.objects.create(
        budget=budget,
        commission_id=line.commission_id,
        category_id=line.category_id,
        amount=amount,
        participants=participants,
        source=source.strip(),
        override_reason=override_reason.strip() if beyond else "",
        created_by=actor,
    )


@transaction.atomic
def reverse_commitment(*, commitment: Commitment, reason: str, actor) -> Commitment:
    """The commitment counts no more (e.g. funding withdrawn); it stays on record with why."""
    if not reason.strip():
        raise CommitmentRefused(_("Say why the commitment is reversed."))
    _lock(commitment.budget)
    commitment = Commitment.objects.get(pk=commitment.pk)
    if commitment.reversed_at is not None:
        raise CommitmentRefused(_("This commitment has already been reversed."))
    commitment.reversed_at = timezone.now()
    commitment.reversed_by = actor
    commitment.reversal_reason = reason.strip()
    commitment.save(update_fields=["reversed_at", "reversed_by", "reversal_reason"])
    return commitment
