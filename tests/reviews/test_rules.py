"""Deadlines, round tables, balance and the checklist, decided from a review's data."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse

from core.concurrency import ConcurrentEditError
from reference.models import Country, Objective, StakeholderCategory
from reviews import services
from reviews.balance import Balance
from reviews.checklist import TEMPLATE, Verdict, VerdictStatus, register_evaluator, registry
from reviews.enums import Affiliation, DocumentKind, Gender, SessionKind, SpeakerRole, Visibility
from reviews.models import ReviewDocument, Session, Speaker
from reviews.readiness import Part, PartNotLoaded
from reviews.selectors import facts_for
from tests.factories import make_review, network_secretariat

pytestmark = pytest.mark.django_db


def add_session(review, kind=SessionKind.ROUNDTABLE, title="Round table 1", people=()):
    session = Session.objects.create(
        review=review,
        kind=kind,
        title=title,
        date=review.meeting_start,
        start_time=datetime.time(10),
        end_time=datetime.time(12),
    )
    for gender, iso3, affiliation in people:
        Speaker.objects.create(
            session=session,
            role=SpeakerRole.PANELLIST,
            name=f"{gender} {iso3}",
            gender=gender,
            country=Country.objects.get(iso3=iso3),
            affiliation=affiliation,
            stakeholder_category=(
                StakeholderCategory.objects.get(slug="civil-society")
                if affiliation == Affiliation.STAKEHOLDER
                else None
            ),
        )
    return session


def problem(facts, key):
    return next((row for row in facts.problems if row.item.key == key), None)


def test_new_review_has_roadmap_roundtables_and_checklist(reference_data):
    review = make_review()
    assert review.phases.count() == 5
    groups = {
        rt.number: sorted(rt.objectives.values_list("number", flat=True))
        for rt in review.roundtables.all()
    }
    assert groups[1] == [2, 5, 6, 12, 18]
    assert groups[4] == [1, 3, 7, 17, 23]
    assert sorted(review.checklist_items.values_list("key", flat=True)) == sorted(
        item.key for item in TEMPLATE
    )
    assert facts_for(review).uncovered_objectives == []


@pytest.mark.parametrize(
    ("meeting_end", "report_due"),
    [
        (datetime.date(2020, 11, 13), datetime.date(2021, 1, 13)),
        (datetime.date(2021, 12, 31), datetime.date(2022, 2, 28)),
        (datetime.date(2023, 12, 30), datetime.date(2024, 2, 29)),
    ],
)
def test_report_is_due_two_months_after_the_meeting(reference_data, meeting_end, report_due):
    review = make_review(
        meeting_start=meeting_end - datetime.timedelta(days=1), meeting_end=meeting_end
    )
    assert review.report_due == report_due == meeting_end + relativedelta(months=2)
    report_phase = review.phases.get(kind="report")
    assert report_phase.ends_on == report_due


def test_documents_are_due_weeks_before_the_meeting(reference_data):
    review = make_review(documents_due_weeks=6)
    assert review.documents_due == datetime.date(2020, 10, 1)


def test_uncovered_objective_is_a_problem(reference_data):
    review = make_review()
    roundtable = review.roundtables.get(number=2)
    services.set_roundtable(
        roundtable=roundtable,
        title="",
        objectives=roundtable.objectives.exclude(number=11),
    )
    facts = facts_for(review)
    assert [o.number for o in facts.uncovered_objectives] == [11]
    row = problem(facts, "objectives-covered")
    assert row.verdict.reasons == ("Objective 11 is covered by no round table.",)
    assert row.status == "in_progress"


def test_objective_in_two_roundtables_is_still_covered(reference_data):
    review = make_review()
    first, second = review.roundtables.get(number=1), review.roundtables.get(number=2)
    second.objectives.add(Objective.objects.get(number=2))
    assert facts_for(review).uncovered_objectives == []
    first.objectives.clear()
    assert [o.number for o in facts_for(review).uncovered_objectives] == [5, 6, 12, 18]


def test_panel_of_men_only_is_a_problem(reference_data):
    review = make_review(target_women_share=0)
    add_session(
        review,
        title="All-male panel",
        people=[
            (Gender.MAN, "FRA", Affiliation.NATIONAL_GOVERNMENT),
            (Gender.MAN, "DEU", Affiliation.STAKEHOLDER),
        ],
    )
    facts = facts_for(review)
    row = problem(facts, "gender-balance")
    assert row.verdict.reasons == ("Only men speak in the session “All-male panel”.",)


def test_balance_against_targets(reference_data):
    review = make_review(
        target_women_share=50, target_countries=3, target_subregions=2, target_society_share=30
    )
    add_session(
        review,
        people=[
            (Gender.WOMAN, "FRA", Affiliation.NATIONAL_GOVERNMENT),
            (Gender.MAN, "FRA", Affiliation.NATIONAL_GOVERNMENT),
            (Gender.MAN, "BEL", Affiliation.NATIONAL_GOVERNMENT),
            (Gender.WOMAN, "KAZ", Affiliation.INTERGOVERNMENTAL),
        ],
    )
    facts = facts_for(review)
    assert (facts.balance.women_share, len(facts.balance.countries)) == (50, 3)
    assert facts.balance.subregions == {"Western Europe", "Central Asia"}
    assert problem(facts, "gender-balance") is None
    assert problem(facts, "geographic-balance") is None
    assert problem(facts, "whole-of-government-society").verdict.reasons == (
        "Whole-of-society speakers are 0%; the target is 30%.",
    )


def test_document_shared_after_its_due_date_is_flagged(reference_data):
    review = make_review(documents_due_weeks=4)  # due 2020-10-15
    on_time = ReviewDocument.objects.create(
        review=review,
        kind=DocumentKind.CONCEPT_NOTE,
        title="Concept note",
        visibility=Visibility.PUBLIC,
        shared_on=datetime.date(2020, 10, 15),
    )
    late = ReviewDocument.objects.create(
        review=review,
        kind=DocumentKind.BACKGROUND,
        title="Background paper",
        visibility=Visibility.PARTICIPANTS,
        shared_on=datetime.date(2020, 10, 20),
    )
    facts = facts_for(review, today=datetime.date(2020, 11, 1))
    states = {timing.document: timing.state for timing in facts.document_timings}
    assert states == {on_time: "on_time", late: "late"}
    assert problem(facts, "documents-on-time").verdict.reasons == (
        "“Background paper” was shared on Oct. 20, 2020, after the due date Oct. 15, 2020.",
    )


def test_unshared_document_past_its_due_date_is_overdue(reference_data):
    review = make_review(documents_due_weeks=4)
    draft = ReviewDocument.objects.create(
        review=review, kind=DocumentKind.AGENDA, title="Agenda", visibility=Visibility.SECRETARIAT
    )
    before = facts_for(review, today=datetime.date(2020, 10, 1))
    after = facts_for(review, today=datetime.date(2020, 10, 16))
    assert [t.state for t in before.document_timings if t.document == draft] == ["on_time"]
    assert [t.state for t in after.document_timings if t.document == draft] == ["overdue"]


def test_readiness_counts_done_items_and_ignores_not_applicable(reference_data):
    review = make_review()
    items = list(review.checklist_items.all())
    manual = [item for item in items if item.key in {"guiding-principles", "interactive-debates"}]
    for item in manual:
        item.status = "done"
        item.save()
    facts = facts_for(review)
    counted = len(facts.checklist)
    done = sum(row.status == "done" for row in facts.checklist)
    assert done == 3  # the two items above, and all objectives covered from the data
    assert facts.readiness == round(100 * done / counted)
    skipped = review.checklist_items.get(key="ldc-travel")
    skipped.status = "not_applicable"
    skipped.save()
    assert facts_for(review).readiness == round(100 * done / (counted - 1))


def test_later_apps_can_decide_a_manual_item(reference_data):
    review = make_review()
    assert facts_for(review).checklist[20].verdict is None  # imrf-follow-up: manual
    register_evaluator("imrf-follow-up")(lambda facts: Verdict.unmet("Not presented yet."))
    try:
        row = next(r for r in facts_for(review).checklist if r.item.key == "imrf-follow-up")
        assert row.verdict == Verdict(VerdictStatus.UNMET, ("Not presented yet.",))
        assert row.has_problem
    finally:
        registry.unregister("imrf-follow-up")


def test_unknown_checklist_key_cannot_be_registered():
    with pytest.raises(ValueError, match="No checklist item has the key 'no-such-item'"):
        register_evaluator("no-such-item")(lambda facts: Verdict.met())


def test_an_item_cannot_have_two_evaluators():
    with pytest.raises(ValueError, match="'gender-balance' already has an evaluator"):
        register_evaluator("gender-balance")(lambda facts: Verdict.met())


def test_stale_save_is_refused_and_the_first_save_kept(reference_data):
    review = make_review()
    first, second = type(review).objects.get(pk=review.pk), type(review).objects.get(pk=review.pk)
    first.venue = "Geneva"
    services.update_review(review=first, expected_version=1, fields=["venue"])
    second.venue = "Bangkok"
    with pytest.raises(ConcurrentEditError, match="changed since it was read") as conflict:
        services.update_review(review=second, expected_version=1, fields=["venue"])
    assert conflict.value.current.venue == "Geneva"
    review.refresh_from_db()
    assert (review.venue, review.version) == ("Geneva", 2)


@pytest.mark.parametrize(
    ("genders", "men_only"),
    [
        ([Gender.MAN], True),
        ([Gender.MAN, Gender.MAN], True),
        ([Gender.MAN, Gender.OTHER], True),
        ([Gender.OTHER, Gender.OTHER], False),
        ([Gender.WOMAN, Gender.MAN], False),
        ([], False),
    ],
)
def test_only_men_speak_when_every_stated_gender_is_a_man(genders, men_only):
    speakers = [Speaker(gender=gender, affiliation=Affiliation.STAKEHOLDER) for gender in genders]
    assert Balance.of(speakers).men_only is men_only


def test_speakers_of_other_gender_are_not_counted_as_men_on_any_page(client, reference_data):
    review = make_review(target_women_share=0)
    add_session(
        review,
        title="Open panel",
        people=[(Gender.OTHER, "FRA", Affiliation.NATIONAL_GOVERNMENT)] * 2,
    )
    facts = facts_for(review)
    assert facts.men_only_sessions == []
    assert problem(facts, "gender-balance") is None
    client.force_login(network_secretariat())
    programme = client.get(reverse("reviews:programme", args=[review.pk])).content.decode()
    assert "Only men speak" not in programme


def test_facts_refuse_a_part_that_was_not_loaded(reference_data):
    facts = facts_for(make_review(), {Part.SESSIONS})
    assert facts.sessions == []
    with pytest.raises(PartNotLoaded, match=r"Part\.CHECKLIST of the review was not loaded"):
        _ = facts.readiness
