"""Who may do what with travel funding, nominations and one's own personal data.

An applicant sees their own funding requests and the messages marked for them; the secretariat of
the review's commission (and the Network secretariat) sees and decides every request of the
review. Anyone signed in proposes panellists, moderators and side events for an announced review
while its nomination window is open; the review's secretariat decides them.
"""

import rules
from django.utils import timezone

from accounts.rules import is_signed_in
from reviews.enums import ReviewStatus
from reviews.rules import is_secretariat_of_review
from stakeholders.enums import RegistrationStatus


@rules.predicate
def is_applicant(user, request) -> bool:
    return (
        user.is_authenticated
        and request is not None
        and request.registration_id is not None
        and request.registration.user_id == user.pk
    )


@rules.predicate
def is_secretariat_of_request(user, request) -> bool:
    return request is not None and is_secretariat_of_review(user, request.event.review)


@rules.predicate
def may_ask_for_funding(user, registration) -> bool:
    """The registrant, while the registration stands and the event has not started."""
    return (
        user.is_authenticated
        and registration is not None
        and registration.user_id == user.pk
        and registration.status in RegistrationStatus.active()
        and registration.event.starts_on > timezone.localdate()
    )


@rules.predicate
def is_open_for_nominations(user, review) -> bool:
    if review is None or review.status not in ReviewStatus.public_states():
        return False
    window = getattr(review, "nomination_window", None)
    return window is not None and window.is_open(timezone.localdate())


@rules.predicate
def is_secretariat_of_nomination(user, nomination) -> bool:
    return nomination is not None and is_secretariat_of_review(user, nomination.review)


rules.add_perm("stakeholders.see_own_funding", is_signed_in)
rules.add_perm("stakeholders.add_funding_request", may_ask_for_funding)
rules.add_perm("stakeholders.see_funding_request", is_applicant | is_secretariat_of_request)
rules.add_perm("stakeholders.add_funding_message", is_applicant | is_secretariat_of_request)
rules.add_perm("stakeholders.decide_funding_request", is_secretariat_of_request)
# The applicant's side of a request: answer, accept or decline an offer, withdraw.
rules.add_perm("stakeholders.withdraw_funding_request", is_applicant)
rules.add_perm("stakeholders.see_review_funding", is_secretariat_of_review)

rules.add_perm("stakeholders.see_own_nominations", is_signed_in)
rules.add_perm("stakeholders.add_nomination", is_signed_in & is_open_for_nominations)
rules.add_perm("stakeholders.manage_nominations", is_secretariat_of_review)
rules.add_perm("stakeholders.decide_nomination", is_secretariat_of_nomination)

rules.add_perm("stakeholders.see_own_personal_data", is_signed_in)
rules.add_perm("stakeholders.manage_own_personal_data", is_signed_in)
