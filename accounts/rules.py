"""Who may do what: named predicates, combined into the permissions every view asks for.

Scopes: the Network secretariat reaches everything; a commission secretariat its commission and
the countries that belong to it; a focal point one country; a representative one organisation.
"""

import rules

from reference.models import Commission, Country


@rules.predicate
def is_network_secretariat(user) -> bool:
    return user.is_authenticated and user.scopes.network


@rules.predicate
def is_commission_secretariat(user) -> bool:
    return user.is_authenticated and bool(user.scopes.commission_ids)


@rules.predicate
def is_secretariat_of_commission(user, commission: Commission | None) -> bool:
    return (
        user.is_authenticated
        and commission is not None
        and commission.pk in user.scopes.commission_ids
    )


@rules.predicate
def is_secretariat_for_country(user, country: Country | None) -> bool:
    """A commission secretariat reaches the countries that are members of its commission."""
    if not user.is_authenticated or country is None or not user.scopes.commission_ids:
        return False
    return country.memberships.filter(commission_id__in=user.scopes.commission_ids).exists()


@rules.predicate
def is_focal_point_of(user, country: Country | None) -> bool:
    return user.is_authenticated and country is not None and country.pk in user.scopes.country_ids


@rules.predicate
def is_representative_of(user, organisation) -> bool:
    return (
        user.is_authenticated
        and organisation is not None
        and organisation.pk in user.scopes.organisation_ids
    )


@rules.predicate
def is_secretariat_for_organisation(user, organisation) -> bool:
    if organisation is None or organisation.country is None:
        return False
    return is_secretariat_for_country(user, organisation.country)


is_secretariat = is_network_secretariat | is_commission_secretariat
is_signed_in = rules.is_authenticated

# Verbs: see_ (read), add_ (create), edit_ (change), manage_ (everything about an object), and the
# domain's own actions (submit_, decide_, withdraw_, comment_, verify_, start_).
rules.add_perm("accounts.see_own_account", is_signed_in)
rules.add_perm("accounts.edit_own_account", is_signed_in)
rules.add_perm("accounts.see_secretariat_workspace", is_secretariat)
rules.add_perm(
    "accounts.see_commission_team", is_network_secretariat | is_secretariat_of_commission
)
rules.add_perm(
    "accounts.see_country_team",
    is_network_secretariat | is_secretariat_for_country | is_focal_point_of,
)
rules.add_perm("accounts.see_organisations", is_secretariat)
rules.add_perm(
    "accounts.see_organisation",
    is_network_secretariat | is_commission_secretariat | is_representative_of,
)
rules.add_perm("accounts.edit_organisation", is_network_secretariat | is_representative_of)
rules.add_perm(
    "accounts.verify_organisation", is_network_secretariat | is_secretariat_for_organisation
)
