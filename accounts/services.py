"""Changes to users and organisations."""

from django.db import transaction
from django.utils import timezone

from accounts.enums import VerificationState
from accounts.models import Organisation


def set_preferred_language(*, user, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def set_organisation_verification(
    *, organisation: Organisation, state: VerificationState, actor
) -> Organisation:
    """Record the secretariat's decision on an organisation; `verified_by/at` name who decided.

    Setting an organisation back to pending withdraws the decision, with its author and date.
    """
    decided = state != VerificationState.PENDING
    organisation.verification = state
    organisation.verified_by = actor if decided else None
    organisation.verified_at = timezone.now() if decided else None
    organisation.save(update_fields=["verification", "verified_by", "verified_at"])
    return organisation


@transaction.atomic
def update_profile(*, user, name: str, preferred_language: str) -> None:
    user.name, user.preferred_language = name, preferred_language
    user.save(update_fields=["name", "preferred_language"])


@transaction.atomic
def update_organisation(
    *, organisation: Organisation, name: str, category, country, website: str
) -> Organisation:
    organisation.name, organisation.category = name, category
    organisation.country, organisation.website = country, website
    organisation.save(update_fields=["name", "category", "country", "website"])
    return organisation
