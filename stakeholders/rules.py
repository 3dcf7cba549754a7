"""Who may do what with events, registrations and participant lists.

- Anyone reads the events of an announced review; a signed-in person with a profile registers.
- A participant sees and cancels their own registrations, nobody else's.
- A representative of a verified organisation endorses (or refuses) the registrations made on its
  behalf, and sees those only.
- The secretariat of the review's commission and the Network secretariat decide, and they alone
  see personal data: e-mail, nationality, gender, accessibility needs, notes verbales.
"""

import rules

from accounts.enums import VerificationState
from accounts.rules import is_signed_in
from reviews.enums import ReviewStatus
from reviews.participation import is_participant
from reviews.rules import is_secretariat_of_review


@rules.predicate
def is_secretariat_of_event(user, event) -> bool:
    return event is not None and is_secretariat_of_review(user, event.review)


@rules.predicate
def is_public_event(user, event) -> bool:
    return event is not None and event.review.status in ReviewStatus.public_states()


@rules.predicate
def is_participant_of_event_review(user, event) -> bool:
    return event is not None and is_participant(user, event.review)


@rules.predicate
def is_own_registration(user, registration) -> bool:
    return user.is_authenticated and registration is not None and registration.user_id == user.pk


@rules.predicate
def is_secretariat_of_registration(user, registration) -> bool:
    return registration is not None and is_secretariat_of_review(user, registration.event.review)


@rules.predicate
def is_representative_for_registration(user, registration) -> bool:
    """A representative of the verified organisation the person registered on behalf of."""
    return (
        user.is_authenticated
        and registration is not None
        and registration.organisation_id in user.scopes.organisation_ids
        and registration.organisation.verification == VerificationState.VERIFIED
    )


@rules.predicate
def is_organisation_representative(user) -> bool:
    return user.is_authenticated and bool(user.scopes.organisation_ids)


rules.add_perm("stakeholders.edit_own_profile", is_signed_in)
rules.add_perm("stakeholders.propose_organisation", is_signed_in)
rules.add_perm("stakeholders.see_open_events", rules.always_allow)
rules.add_perm("stakeholders.see_event", is_public_event | is_secretariat_of_event)
rules.add_perm("stakeholders.register_for_event", is_signed_in & is_public_event)
rules.add_perm("stakeholders.manage_event", is_secretariat_of_event)
rules.add_perm("stakeholders.see_participant_list", is_public_event | is_secretariat_of_event)
# Participants see the names shared with participants; only the secretariat the personal data.
rules.add_perm(
    "stakeholders.see_participant_names",
    is_secretariat_of_event | is_participant_of_event_review,
)
rules.add_perm("stakeholders.see_personal_data", is_secretariat_of_event)
rules.add_perm(
    "stakeholders.see_registration",
    is_own_registration | is_representative_for_registration | is_secretariat_of_registration,
)
rules.add_perm("stakeholders.cancel_registration", is_own_registration)
rules.add_perm("stakeholders.endorse_registration", is_representative_for_registration)
rules.add_perm("stakeholders.decide_registration", is_secretariat_of_registration)
rules.add_perm("stakeholders.see_registration_personal_data", is_secretariat_of_registration)
rules.add_perm("stakeholders.see_endorsements", is_organisation_representative)
