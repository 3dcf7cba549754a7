"""Checklist items that the review's own data decides, under the contract of reviews.checklist."""

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reviews.checklist import Verdict, register_evaluator
from reviews.enums import DocumentKind, SessionKind, TimingState, Visibility
from reviews.readiness import ReviewFacts


@register_evaluator("objectives-covered")
def objectives_covered(facts: ReviewFacts) -> Verdict:
    uncovered = facts.uncovered_objectives
    if not uncovered:
        return Verdict.met(_("All 23 objectives are covered by the round tables."))
    numbers = ", ".join(str(objective.number) for objective in uncovered)
    return Verdict.unmet(
        ngettext(
            "Objective %(numbers)s is covered by no round table.",
            "Objectives %(numbers)s are covered by no round table.",
            len(uncovered),
        )
        % {"numbers": numbers}
    )


@register_evaluator("gender-balance")
def gender_balance(facts: ReviewFacts) -> Verdict:
    problems = facts.balance.gender_problems(facts.targets)
    problems += facts.men_only_problems
    if problems:
        return Verdict.unmet(*problems)
    return Verdict.met(
        _("Women are %(share)s%% of speakers.") % {"share": facts.balance.women_share}
    )


@register_evaluator("geographic-balance")
def geographic_balance(facts: ReviewFacts) -> Verdict:
    problems = facts.balance.geography_problems(facts.targets)
    if problems:
        return Verdict.unmet(*problems)
    return Verdict.met(
        _("Speakers come from %(countries)s countries in %(subregions)s sub-regions.")
        % {
            "countries": len(facts.balance.countries),
            "subregions": len(facts.balance.subregions),
        }
    )


@register_evaluator("whole-of-government-society")
def whole_of_government_and_society(facts: ReviewFacts) -> Verdict:
    problems = facts.balance.society_problems(facts.targets)
    if problems:
        return Verdict.unmet(*problems)
    return Verdict.met(
        _("Government %(government)s%%, whole-of-society %(society)s%% of speakers.")
        % {"government": facts.balance.government_share, "society": facts.balance.society_share}
    )


def consultation_problems(facts: ReviewFacts) -> list[str]:
    """What the review's own data lacks for stakeholders to be consulted: the window and the
    documents open to their inputs. The app that registers people decides the item with it."""
    review, problems = facts.review, []
    if not (review.consultation_opens and review.consultation_closes):
        problems.append(_("No consultation window is set."))
    elif review.consultation_opens > facts.today:
        problems.append(
            _("The consultation opens on %(date)s.")
            % {"date": date_format(review.consultation_opens)}
        )
    shared_kinds = {
        document.kind
        for document in facts.documents
        if document.visibility != Visibility.SECRETARIAT
    }
    missing = [
        str(label)
        for kind, label in DocumentKind.choices
        if kind in DocumentKind.open_to_comment() and kind not in shared_kinds
    ]
    if missing:
        problems.append(
            _("Not yet shared for inputs: %(documents)s.") % {"documents": ", ".join(missing)}
        )
    return problems


@register_evaluator("policy-debate")
def policy_debate(facts: ReviewFacts) -> Verdict:
    if any(session.kind == SessionKind.POLICY_DEBATE for session in facts.sessions):
        return Verdict.met(_("The programme includes a policy debate."))
    return Verdict.unmet(_("The programme has no policy debate."))


@register_evaluator("documents-on-time")
def documents_on_time(facts: ReviewFacts) -> Verdict:
    due = facts.review.documents_due
    if due is None:
        return Verdict.unmet(_("Set the meeting dates to know when documents are due."))
    due_text = date_format(due)
    late = _("“%(title)s” was shared on %(shared)s, after the due date %(due)s.")
    overdue = _("“%(title)s” is not shared yet; it was due on %(due)s.")
    problems = []
    for timing in facts.document_timings:
        if timing.state == TimingState.LATE:
            problems.append(
                late
                % {
                    "title": timing.document.title,
                    "shared": date_format(timing.document.shared_on),
                    "due": due_text,
                }
            )
        elif timing.state == TimingState.OVERDUE:
            problems.append(overdue % {"title": timing.document.title, "due": due_text})
    if not facts.documents:
        problems.append(_("No document yet; documents are due on %(due)s.") % {"due": due_text})
    if problems:
        return Verdict.unmet(*problems)
    if not any(document.shared_on for document in facts.documents):
        return Verdict.unmet(_("Documents are due on %(due)s.") % {"due": due_text})
    return Verdict.met(_("Every document was shared by %(due)s.") % {"due": due_text})


@register_evaluator("documents-translated")
def documents_translated(facts: ReviewFacts) -> Verdict:
    languages = facts.review.working_languages
    if not languages:
        return Verdict.unmet(_("Choose the working languages of the meeting."))
    problems = []
    all_names = dict(settings.LANGUAGES)
    names = {code: str(all_names.get(code, code)) for code in languages}
    message = _("“%(title)s” is missing in: %(languages)s.")
    for document in facts.documents:
        if document.visibility == Visibility.SECRETARIAT:
            continue
        missing = [names[code] for code in languages if code not in document.languages]
        if missing:
            problems.append(message % {"title": document.title, "languages": ", ".join(missing)})
    if problems:
        return Verdict.unmet(*problems)
    return Verdict.met(_("Shared documents exist in every working language."))
