"""Reads of accounts data, scoped to the user who asks."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import Role
from accounts.models import Organisation, RoleAssignment
from reference.models import Commission, Country


def organisations_visible_to(user) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("category", "country")
    if not user.is_authenticated:
        return organisations.none()
    if user.scopes.is_secretariat:
        return organisations
    return organisations.filter(pk__in=user.scopes.organisation_ids)


def commission_secretariat(commission: Commission) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(role=Role.COMMISSION_SECRETARIAT, commission=commission)
        .select_related("user")
        .order_by("user__name", "user__email")
    )


def focal_points_of_commission(commission: Commission) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(
            role=Role.FOCAL_POINT, country__memberships__commission=commission
        )
        .select_related("user", "country")
        .order_by("country__name", "user__name", "user__email")
    )


def focal_points_of_country(country: Country) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(role=Role.FOCAL_POINT, country=country)
        .select_related("user")
        .order_by("user__name", "user__email")
    )


@dataclass(frozen=True)
class Workspace:
    label: str
    url: str


def workspaces_of(user) -> list[Workspace]:
    """The places a user's roles open, in the order of the roles."""
    if not user.is_authenticated:
        return []
    scopes = user.scopes
    workspaces = []
    commissions = (
        Commission.objects.all()
        if scopes.network
        else Commission.objects.filter(pk__in=scopes.commission_ids)
    )
    if scopes.is_secretariat:
        workspaces.extend(
            Workspace(
                _("Secretariat of %(commission)s") % {"commission": commission.name},
                reverse("accounts:commission_team", args=[commission.code]),
            )
            for commission in commissions
        )
        workspaces.append(Workspace(_("Organisations"), reverse("accounts:organisations")))
    for country in Country.objects.filter(pk__in=scopes.country_ids):
        workspaces.append(
            Workspace(
                _("Focal points of %(country)s") % {"country": country.name},
                reverse("accounts:country_team", args=[country.iso3]),
            )
        )
    for organisation in Organisation.objects.filter(pk__in=scopes.organisation_ids):
        workspaces.append(Workspace(organisation.name, organisation.get_absolute_url()))
    return workspaces
