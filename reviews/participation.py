"""Who takes part in a review, as decided by the app that registers people for it.

Documents shared with participants, and the consultation comments, admit the participants of a
review and its secretariat. Reviews does not know how people register: the app that does tells
it once, in its AppConfig.ready()::

    from reviews.participation import register_participation

    register_participation(approved_review_ids)

where ``approved_review_ids(user) -> set[int]`` answers the reviews the user takes part in with
one query. The answer is kept on the user object for the rest of the request. Until an app
registers, nobody outside the secretariat is a participant.
"""

from collections.abc import Callable

ParticipationRule = Callable[[object], set[int]]

_rule: list[ParticipationRule] = []


def register_participation(rule: ParticipationRule) -> None:
    if _rule and _rule[0] is not rule:
        raise ValueError("Another app already decides who takes part in reviews")
    _rule[:] = [rule]


def participant_review_ids(user) -> set[int]:
    if not user.is_authenticated or not _rule:
        return set()
    if "_participant_review_ids" not in user.__dict__:
        user.__dict__["_participant_review_ids"] = _rule[0](user)
    return user.__dict__["_participant_review_ids"]


def is_participant(user, review) -> bool:
    return review is not None and review.pk in participant_review_ids(user)
