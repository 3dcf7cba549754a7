"""Reads of reference data, shaped for the public pages."""

from itertools import groupby

from django.db.models import Count, Prefetch, Q, QuerySet

from core.fragments import kept
from reference.enums import MembershipKind
from reference.models import (
    Commission,
    CommissionMembership,
    Country,
    Objective,
    StakeholderCategory,
)


def objectives_by_roundtable() -> list[tuple[int, list[Objective]]]:
    objectives = Objective.objects.order_by("imrf_roundtable", "number")
    return [
        (number, list(group)) for number, group in groupby(objectives, lambda o: o.imrf_roundtable)
    ]


def commissions_with_counts() -> QuerySet[Commission]:
    return Commission.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__kind=MembershipKind.MEMBER)),
        associate_count=Count("memberships", filter=Q(memberships__kind=MembershipKind.ASSOCIATE)),
    )


def commission_with_members(code: str) -> QuerySet[Commission]:
    memberships = CommissionMembership.objects.select_related("country").order_by("country__name")
    return Commission.objects.filter(code=code).prefetch_related(
        Prefetch("memberships", queryset=memberships, to_attr="ordered_memberships")
    )


def countries_by_id() -> dict[int, Country]:
    """Every country by its id, kept until reference data changes: a list naming the countries of
    hundreds of people reads them here instead of a country built for every row."""
    return kept("reference.countries_by_id", scopes=(), build=Country.objects.in_bulk)


def categories_by_id() -> dict[int, StakeholderCategory]:
    return kept("reference.categories_by_id", scopes=(), build=StakeholderCategory.objects.in_bulk)
