"""Budget changes: edits in place, new versions, acknowledgements and commitments."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from budgets import services
from budgets.models import BudgetLine, Commitment
from budgets.selectors import budget_page
from budgets.services import CellEdit, CommitmentRefused
from core.concurrency import ConcurrentEditError
from reference.models import Commission
from tests.factories import commission_secretariat, make_budget, network_secretariat

pytestmark = pytest.mark.django_db


def line_of(budget, commission="ECA", category="ldc_lldc_travel", version=None):
    version = version or budget.versions.order_by("-number").first()
    return BudgetLine.objects.get(
        version=version, commission__code=commission, category__code=category
    )


def edit(line, **values) -> CellEdit:
    return CellEdit(
        commission_id=line.commission_id,
        category_id=line.category_id,
        participants=values.get("participants", line.participants),
        cost_per_participant=values.get("cost", line.cost_per_participant),
        lump_sum=values.get("lump_sum", line.lump_sum),
        expected_stamp=values.get("stamp", line.stamp),
    )


def test_commitment_within_the_line_is_recorded(reference_data):
    budget = make_budget(approved=True)
    line = line_of(budget)
    actor = network_secretariat()
    services.record_commitment(
        line=line, amount=Decimal("44454"), participants=20, source="Funding 1", actor=actor
    )
    [row] = [
        r
        for r in budget_page(budget).commitments
        if r.commission.code == "ECA" and r.category.code == "ldc_lldc_travel"
    ]
    assert (row.budgeted, row.committed, row.remaining, row.funded, row.participants) == (
        Decimal("80017.2"),
        Decimal("44454"),
        Decimal("35563.2"),
        20,
        36,
    )


def test_commitment_beyond_the_amount_is_refused_without_an_override(reference_data):
    budget = make_budget(approved=True)
    line, actor = line_of(budget), network_secretariat()
    services.record_commitment(
        line=line, amount=Decimal("80000"), participants=30, source="Most of it", actor=actor
    )
    with pytest.raises(CommitmentRefused) as refused:
        services.record_commitment(
            line=line, amount=Decimal("100"), participants=1, source="One more", actor=actor
        )
    assert "would exceed the 17.20 that remain of the line" in refused.value.message
    assert Commitment.objects.count() == 1


def test_commitment_beyond_the_places_is_refused_without_an_override(reference_data):
    budget = make_budget(approved=True)
    line = line_of(budget, "ECE")  # 3 places, 6,276.90
    with pytest.raises(CommitmentRefused) as refused:
        services.record_commitment(
            line=line,
            amount=Decimal("10"),
            participants=4,
            source="Four",
            actor=network_secretariat(),
        )
    assert "4 places would exceed the 3 that remain" in refused.value.message
    assert not Commitment.objects.exists()


def test_commitment_beyond_the_line_is_recorded_with_an_override_and_its_reason(reference_data):
    budget = make_budget(approved=True)
    line, actor = line_of(budget, "ECE"), network_secretariat()
    commitment = services.record_commitment(
        line=line,
        amount=Decimal("9000"),
        participants=4,
        source="Delegation of four",
        actor=actor,
        override=True,
        override_reason="Extra funds pledged by a donor.",
    )
    assert (commitment.override_reason, commitment.created_by) == (
        "Extra funds pledged by a donor.",
        actor,
    )
    [row] = [
        r
        for r in budget_page(budget).commitments
        if r.commission.code == "ECE" and r.category.code == "ldc_lldc_travel"
    ]
    assert (row.remaining, row.funded, row.over) == (Decimal("-2723.1"), 4, True)


def test_an_override_without_a_reason_is_refused(reference_data):
    line = line_of(make_budget(approved=True), "ECE")
    with pytest.raises(CommitmentRefused):
        services.record_commitment(
            line=line,
            amount=Decimal("9000"),
            participants=4,
            source="Four",
            actor=network_secretariat(),
            override=True,
            override_reason=" ",
        )
    assert not Commitment.objects.exists()


def test_commitments_count_against_the_approved_version_only(reference_data):
    budget = make_budget()
    with pytest.raises(CommitmentRefused):
        services.record_commitment(
            line=line_of(budget),
            amount=Decimal("1"),
            participants=1,
            source="x",
            actor=network_secretariat(),
        )


def test_a_reversed_commitment_frees_its_money_and_places(reference_data):
    budget = make_budget(approved=True)
    line, actor = line_of(budget, "ECE"), network_secretariat()
    first = services.record_commitment(
        line=line, amount=Decimal("6000"), participants=3, source="Three", actor=actor
    )
    services.reverse_commitment(commitment=first, reason="Travel cancelled.", actor=actor)
    second = services.record_commitment(
        line=line, amount=Decimal("6000"), participants=3, source="Three again", actor=actor
    )
    first.refresh_from_db()
    assert (first.is_active, first.reversal_reason, second.is_active) == (
        False,
        "Travel cancelled.",
        True,
    )
    with pytest.raises(CommitmentRefused):
        services.reverse_commitment(commitment=first, reason="Again", actor=actor)


def test_editing_a_line_moves_its_stamp_and_a_stale_edit_is_refused(reference_data):
    budget = make_budget()
    line, actor = line_of(budget), network_secretariat()
    started = edit(line, participants=40)
    services.update_lines(version=line.version, edits=[started], actor=actor)
    with pytest.raises(ConcurrentEditError) as conflict:
        services.update_lines(
            version=line.version, edits=[edit(line, participants=50)], actor=actor
        )
    assert (conflict.value.current.participants, conflict.value.current.stamp) == (40, 2)
    assert budget_page(budget).totals.by_commission[line.commission_id] == Decimal("174475.5")


def test_the_approved_version_is_not_changed_in_place(reference_data):
    budget = make_budget(approved=True)
    line = line_of(budget)
    with pytest.raises(services.BudgetChangeRefused):
        services.update_lines(
            version=line.version, edits=[edit(line, participants=1)], actor=network_secretariat()
        )
    line.refresh_from_db()
    assert line.participants == 36


def test_a_commission_secretariat_cannot_change_another_column_through_the_service(reference_data):
    budget = make_budget()
    line = line_of(budget, "ECA")
    with pytest.raises(PermissionDenied):
        services.update_lines(
            version=line.version,
            edits=[edit(line, participants=1)],
            actor=commission_secretariat(Commission.objects.get(code="ECE")),
        )


def test_a_new_version_copies_the_lines_with_the_edits_and_the_stated_totals(reference_data):
    budget = make_budget(approved=True)
    first = budget.approved_version
    line, actor = line_of(budget, "ESCAP"), network_secretariat()
    new = services.save_as_new_version(
        version=first, edits=[edit(line, participants=0)], note="ESCAP meets online.", actor=actor
    )
    page = budget_page(budget)
    assert (page.version, new.number, new.note) == (new, 2, "ESCAP meets online.")
    assert (new.lines.count(), new.stated_totals.count()) == (15, 24)
    assert page.totals.grand == Decimal("570103.8") - Decimal("30600")
    assert line_of(budget, "ESCAP", version=first).participants == 18
    # ESCAP's stated cell, column and the grand total no longer add up; the LDC row now does.
    assert sorted(d.stated.scope for d in page.open_discrepancies) == [
        "cell",
        "commission",
        "grand",
    ]


def test_acknowledging_a_stated_total_records_who_and_why(reference_data):
    budget = make_budget()
    [wrong] = budget_page(budget).open_discrepancies
    actor = network_secretariat()
    services.acknowledge_stated_total(
        stated=wrong.stated, reason="Printed so in the annex.", actor=actor
    )
    page = budget_page(budget)
    assert (page.open_discrepancies, [d.stated.acknowledged_by for d in page.acknowledged]) == (
        [],
        [actor],
    )


def test_an_added_category_follows_the_others(reference_data):
    category = services.add_category(name="Interpretation", basis="lump_sum")
    assert (category.code, category.name, category.position) == (
        "interpretation",
        "Interpretation",
        40,
    )
    assert services.add_category(name="Interpretation", basis="lump_sum").code == "interpretation_2"


def test_a_commitment_counts_against_the_approved_line_of_its_commission(reference_data):
    budget = make_budget(approved=True)
    actor = network_secretariat()
    draft = services.save_as_new_version(
        version=budget.approved_version, edits=[], note="Draft", actor=actor
    )
    draft_line = line_of(budget, "ECE", version=draft)
    BudgetLine.objects.filter(pk=draft_line.pk).update(participants=50)
    with pytest.raises(CommitmentRefused):
        services.record_commitment(
            line=draft_line, amount=Decimal("10"), participants=4, source="Four", actor=actor
        )
    services.record_commitment(
        line=draft_line, amount=Decimal("10"), participants=3, source="Three", actor=actor
    )
    assert Commitment.objects.get().participants == 3


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_commitments_cannot_both_take_the_last_places(
    transactional_reference_data,
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer; the race needs PostgreSQL's row locks")
    budget = make_budget(approved=True)
    line, actor = line_of(budget, "ECE"), network_secretariat()  # 3 places
    start = threading.Barrier(2)
    outcomes = []

    def commit(name):
        try:
            start.wait()
            services.record_commitment(
                line=line, amount=Decimal("2000"), participants=2, source=name, actor=actor
            )
            outcomes.append("recorded")
        except CommitmentRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=commit, args=(name,)) for name in ["A", "B"]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["recorded", "refused"]
    assert Commitment.objects.count() == 1
