"""Who may read, write, submit and decide on submissions.

Institutions submit, not individuals: every focal point of a country (every representative of an
organisation) drafts; the designated one submits. The secretariat of the review's commission reads,
comments and decides, but never edits the text.
"""

import rules

from reviews.rules import is_secretariat_of_review
from submissions.enums import SubmissionStatus


@rules.predicate
def is_author_of(user, submission) -> bool:
    if not user.is_authenticated or submission is None:
        return False
    if submission.country_id:
        return submission.country_id in user.scopes.country_ids
    if submission.organisation_id:
        return submission.organisation_id in user.scopes.organisation_ids
    return submission.author_id == user.pk


@rules.predicate
def is_designated_author_of(user, submission) -> bool:
    if not user.is_authenticated or submission is None:
        return False
    if submission.country_id:
        return submission.country_id in user.scopes.designated_country_ids
    if submission.organisation_id:
        return submission.organisation_id in user.scopes.designated_organisation_ids
    return submission.author_id == user.pk


@rules.predicate
def is_in_editable_state(user, submission) -> bool:
    return submission is not None and submission.status in SubmissionStatus.editable_states()


@rules.predicate
def is_secretariat_of_submission(user, submission) -> bool:
    return submission is not None and is_secretariat_of_review(user, submission.review)


@rules.predicate
def is_focal_point(user) -> bool:
    return user.is_authenticated and bool(user.scopes.country_ids)


rules.add_perm("submissions.see_own_submissions", rules.is_authenticated)
rules.add_perm("submissions.start_voluntary_review", is_focal_point)
rules.add_perm("submissions.start_regional_input", rules.is_authenticated)
rules.add_perm("submissions.see_submission", is_author_of | is_secretariat_of_submission)
rules.add_perm("submissions.edit_submission", is_author_of & is_in_editable_state)
rules.add_perm("submissions.submit_submission", is_designated_author_of & is_in_editable_state)
rules.add_perm("submissions.decide_submission", is_secretariat_of_submission)


@rules.predicate
def is_not_concluded(user, submission) -> bool:
    return submission is not None and submission.status not in SubmissionStatus.concluded_states()


rules.add_perm("submissions.withdraw_submission", is_designated_author_of & is_not_concluded)
