"""How budget figures are written for people: in the page's language, rounded only here.

Totals are shown to the whole unit of the currency, halves away from zero (budgets.models
ROUNDING); costs per participant to the cent. Exports keep the exact amounts.
"""

from decimal import Decimal

from django.utils.formats import number_format

from budgets.models import rounded


def money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return number_format(rounded(amount), decimal_pos=0, use_l10n=True, force_grouping=True)


def signed_money(amount: Decimal | None) -> str:
    """A difference, with its sign: +1,200, or -350 written with a true minus sign (U+2212)."""
    if amount is None:
        return ""
    text = money(abs(amount))
    return ("+" if amount >= 0 else "\u2212") + text


def cost(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)


def count(number: int | None) -> str:
    if number is None:
        return ""
    return number_format(number, use_l10n=True, force_grouping=True)
