"""How budget figures are written for people: in the page's language, with thousands separators.

Totals are shown to the whole unit (budgets.models.ROUNDING); costs per participant and
commitments keep their cents when they have any.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from budgets.enums import StatedScope
from budgets.models import StatedTotal, rounded


def total(amount: Decimal | None) -> str:
    """A total, rounded to the whole unit for display only."""
    if amount is None:
        return ""
    return number_format(rounded(amount), decimal_pos=0, use_l10n=True, force_grouping=True)


def money(amount: Decimal | None) -> str:
    """An amount as entered: cents shown when there are any."""
    if amount is None:
        return ""
    places = 0 if amount == amount.to_integral_value() else 2
    return number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)


def whole(number: int | None) -> str:
    if number is None:
        return ""
    return number_format(number, decimal_pos=0, use_l10n=True, force_grouping=True)


def stated_label(stated: StatedTotal) -> str:
    """What a stated figure totals, in words: a cell, a category, a commission or everything."""
    match stated.scope:
        case StatedScope.CELL:
            return f"{stated.commission.code} · {stated.category.name}"
        case StatedScope.CATEGORY:
            return _("%(category)s, all commissions") % {"category": stated.category.name}
        case StatedScope.COMMISSION:
            return _("%(commission)s, all lines") % {"commission": stated.commission.code}
        case _:
            return str(_("Grand total"))


def signed_total(amount: Decimal | None) -> str:
    """A difference of totals, with its sign: a plus, or a true minus sign (U+2212)."""
    if amount is None:
        return ""
    return ("+" if amount >= 0 else "\u2212") + total(abs(amount))
