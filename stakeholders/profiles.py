"""A participant's profile: what they say of themselves once, for every event they register for."""

from django.db import transaction

from accounts.enums import Role
from accounts.models import Organisation, RoleAssignment
from core.versions import PUBLIC, person_scope, review_scope
from stakeholders.enums import ParticipantKind
from stakeholders.models import Profile, Registration

PROFILE_FIELDS = (
    "kind",
    "category",
    "organisation",
    "country_of_residence",
    "nationality",
    "gender",
    "languages",
    "accessibility_needs",
    "name_visibility",
)


@transaction.atomic
def save_profile(*, user, name: str, **fields) -> Profile:
    """Create or change the user's profile (and their name, which every list shows).

    A government delegate takes part for a country, not for a stakeholder category.
    """
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not profile fields: {sorted(unknown)}")
    if fields.get("kind") == ParticipantKind.GOVERNMENT:
        fields["category"] = None
        fields["organisation"] = None
    if user.name != name:
        user.name = name
        user.save(update_fields=["name"])
    profile, _created = Profile.objects.update_or_create(user=user, defaults=fields)
    return profile


@transaction.atomic
def propose_organisation(*, actor, name: str, category, country, website: str) -> Organisation:
    """A signed-in person proposes an organisation; it waits for the secretariat's verification.

    The proposer becomes its designated representative, so that once it is verified they
    endorse its delegates and submit its regional inputs.
    """
    organisation = Organisation.objects.create(
        name=name, category=category, country=country, website=website
    )
    RoleAssignment.objects.create(
        user=actor,
        role=Role.ORGANISATION_REPRESENTATIVE,
        organisation=organisation,
        designated=True,
    )
    return organisation


def scopes_showing(profile: Profile) -> tuple[str, ...]:
    """The data versions a profile's changes move: the person's own pages, and the participant
    lists (public ones too) of the reviews they registered for — not every page of the site."""
    review_ids = (
        Registration.objects.filter(user_id=profile.user_id)
        .values_list("event__review_id", flat=True)
        .distinct()
    )
    scopes = tuple(review_scope(review_id) for review_id in review_ids)
    return (person_scope(profile.user_id), *((PUBLIC, *scopes) if scopes else ()))
