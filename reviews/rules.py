"""Who may do what with regional reviews.

The Network secretariat manages every review; a commission secretariat manages its own
commission's reviews; everyone may read a review once it is announced. The review's participants
(reviews.participation) read the documents shared with participants, and they and the
secretariat comment on the background documents while the consultation is open.
"""

import rules
from django.utils import timezone

from accounts.rules import is_network_secretariat, is_secretariat
from reviews.enums import DocumentKind, ReviewStatus, Visibility
from reviews.participation import is_participant


@rules.predicate
def is_secretariat_of_review(user, review) -> bool:
    return (
        user.is_authenticated
        and review is not None
        and (user.scopes.network or review.commission_id in user.scopes.commission_ids)
    )


@rules.predicate
def is_secretariat_for_new_review(user, commission) -> bool:
    if not user.is_authenticated:
        return False
    if commission is None:
        return user.scopes.is_secretariat
    return user.scopes.network or commission.pk in user.scopes.commission_ids


@rules.predicate
def is_public_review(user, review) -> bool:
    return review is not None and review.status in ReviewStatus.public_states()


@rules.predicate
def is_secretariat_of_document(user, document) -> bool:
    return document is not None and is_secretariat_of_review(user, document.review)


@rules.predicate
def is_participant_of_document_review(user, document) -> bool:
    return document is not None and is_participant(user, document.review)


@rules.predicate
def is_shared_document(user, document) -> bool:
    """Public documents of announced reviews, and participants' documents for its participants."""
    if document is None or document.review.status not in ReviewStatus.public_states():
        return False
    if document.visibility == Visibility.PUBLIC:
        return True
    return document.visibility == Visibility.PARTICIPANTS and is_participant(user, document.review)


@rules.predicate
def is_open_for_comments(user, document) -> bool:
    return (
        user.is_authenticated
        and document is not None
        and document.kind in DocumentKind.open_to_comment()
        and document.review.consultation_is_open(timezone.localdate())
    )


@rules.predicate
def is_participant_of_review(user, review) -> bool:
    return is_participant(user, review)


rules.add_perm("reviews.add_cycle", is_network_secretariat)
rules.add_perm("reviews.see_cycles", is_secretariat)
rules.add_perm("reviews.add_review", is_secretariat_for_new_review)
rules.add_perm("reviews.see_review", is_secretariat_of_review | is_public_review)
rules.add_perm("reviews.manage_review", is_secretariat_of_review)
rules.add_perm("reviews.see_document", is_secretariat_of_document | is_shared_document)
# The checks that need no query come first: the secretariat is answered without asking who
# takes part.
rules.add_perm(
    "reviews.comment_document",
    is_open_for_comments
    & (is_secretariat_of_document | (is_participant_of_document_review & is_shared_document)),
)
rules.add_perm("reviews.take_part_in_review", is_secretariat_of_review | is_participant_of_review)
rules.add_perm("reviews.manage_document", is_secretariat_of_document)
