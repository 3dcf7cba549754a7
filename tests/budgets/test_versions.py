"""Versions of a budget: the approval, the history page and the comparison of two versions."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets.annex4 import COST, PARTICIPANTS, TOTAL
from budgets.comparison import compare_versions
from budgets.models import Budget, BudgetApproval
from budgets.versioning import approve_version
from reference.models import Commission
from tests.budgets.builders import (
    CONFERENCE,
    LDC,
    STAKEHOLDERS,
    add_categories,
    add_version,
    annex_4_lines,
    make_budget,
)
from tests.factories import commission_secretariat, network_secretariat

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(reference_data):
    return make_budget()


def test_approve_version_sets_the_approved_version_and_records_it(budget, network):
    first = add_version(budget, annex_4_lines())

    approval = approve_version(version=first, actor=network)

    budget.refresh_from_db()
    assert (budget.approved_version, budget.approved_by, budget.approved_at) == (
        first,
        network,
        approval.approved_at,
    )
    assert budget.status == "approved"
    assert list(BudgetApproval.objects.values_list("version", "replaced_version")) == [
        (first.pk, None)
    ]


def test_approving_a_later_version_replaces_the_approval_and_keeps_the_record(budget, network):
    first, second = add_version(budget, annex_4_lines()), add_version(budget, annex_4_lines())
    approve_version(version=first, actor=network)
    other = network_secretariat()

    approve_version(version=second, actor=other)

    budget.refresh_from_db()
    assert (budget.approved_version, budget.approved_by) == (second, other)
    records = BudgetApproval.objects.order_by("pk")
    assert [(a.version, a.replaced_version, a.approved_by) for a in records] == [
        (first, None, network),
        (second, first, other),
    ]


def test_approving_the_approved_version_again_is_refused(budget, network):
    first = add_version(budget, annex_4_lines())
    approve_version(version=first, actor=network)

    with pytest.raises(ValidationError, match="Version 1 is already the approved version"):
        approve_version(version=first, actor=network)
    assert BudgetApproval.objects.count() == 1


def test_approval_decided_on_a_stale_page_is_refused(budget, network):
    first, second = add_version(budget, annex_4_lines()), add_version(budget, annex_4_lines())
    approve_version(version=second, actor=network)

    # The page showed no approval; someone approved version 2 meanwhile.
    with pytest.raises(ValidationError, match="approved another version"):
        approve_version(version=first, actor=network, expected_approved_id=None)
    budget.refresh_from_db()
    assert budget.approved_version == second


def test_approving_a_version_changes_only_its_own_budget(budget, network):
    other_budget = make_budget("Another budget")
    other_version = add_version(other_budget, annex_4_lines())
    add_version(budget, annex_4_lines())

    approve_version(version=other_version, actor=network)

    assert Budget.objects.get(pk=budget.pk).approved_version is None
    assert Budget.objects.get(pk=other_budget.pk).approved_version == other_version


def test_history_lists_versions_with_totals_notes_and_the_approved_mark(client, budget, network):
    first = add_version(budget, annex_4_lines(), note="Outline of February", created_by=network)
    add_version(
        budget,
        annex_4_lines({("ECA", LDC): ("ECA", LDC, 40, "2222.7", None)}),
        note="Four more delegates for ECA",
    )
    approve_version(version=first, actor=network)
    client.force_login(network)

    response = client.get(reverse("budgets:versions", kwargs={"pk": budget.pk}))

    html = response.content.decode()
    assert response.status_code == 200
    # The grand totals of Annex 4 (570,104) and of the version with four more delegates.
    assert html.index("578,995") < html.index("570,104")
    assert "Four more delegates for ECA" in html
    assert 'id="version-1" class="approved"' in html
    approve_url = reverse("budgets:approve", kwargs={"pk": budget.pk, "number": 2})
    assert f'action="{approve_url}"' in html
    assert "Approve version 1" not in html
    assert "halves away from zero" in html


def test_a_commission_secretariat_reads_the_history_without_the_approve_button(client, budget):
    add_version(budget, annex_4_lines())
    client.force_login(commission_secretariat(Commission.objects.get(code="ESCAP")))

    response = client.get(reverse("budgets:versions", kwargs={"pk": budget.pk}))

    assert response.status_code == 200
    assert "Approve version 1" not in response.content.decode()


def test_the_network_approves_from_the_history_page(client, budget, network):
    add_version(budget, annex_4_lines())
    add_version(budget, annex_4_lines())
    client.force_login(network)

    response = client.post(
        reverse("budgets:approve", kwargs={"pk": budget.pk, "number": 2}),
        {"approved_version": ""},
        follow=True,
    )

    assert "Version 2 is now the approved version." in response.content.decode()
    assert Budget.objects.get(pk=budget.pk).approved_version.number == 2


def test_an_approval_from_a_stale_page_says_so_and_changes_nothing(client, budget, network):
    first, second = add_version(budget, annex_4_lines()), add_version(budget, annex_4_lines())
    approve_version(version=second, actor=network)
    client.force_login(network)

    response = client.post(
        reverse("budgets:approve", kwargs={"pk": budget.pk, "number": 1}),
        {"approved_version": ""},
        follow=True,
    )

    assert "Someone else approved another version" in response.content.decode()
    assert Budget.objects.get(pk=budget.pk).approved_version == second
    assert first.approvals.count() == 0


def test_a_version_of_another_budget_cannot_be_approved_through_this_one(client, budget, network):
    add_version(budget, annex_4_lines())
    other_budget = make_budget("Another budget")
    add_version(other_budget, annex_4_lines())
    add_version(other_budget, annex_4_lines())
    client.force_login(network)

    response = client.post(reverse("budgets:approve", kwargs={"pk": budget.pk, "number": 2}))

    assert response.status_code == 404
    assert BudgetApproval.objects.count() == 0


def test_comparison_marks_every_changed_cell_and_total_with_its_difference(budget):
    old = add_version(budget, annex_4_lines())
    new = add_version(
        budget,
        annex_4_lines(
            {
                ("ECA", LDC): ("ECA", LDC, 40, "2222.7", None),
                ("ESCAP", STAKEHOLDERS): ("ESCAP", STAKEHOLDERS, 11, "1750", None),
            }
        ),
    )

    comparison = compare_versions(old, new)

    eca, escap = 0, 3
    ldc_row, stakeholder_row, conference_row = comparison.new.rows
    assert ldc_row.cells[eca].changed == {PARTICIPANTS, TOTAL}
    assert ldc_row.cells[eca].difference == Decimal("8890.8")
    assert stakeholder_row.cells[escap].changed == {COST, TOTAL}
    assert stakeholder_row.cells[escap].difference == Decimal("550")
    assert comparison.old.rows[0].cells[eca].changed == {PARTICIPANTS, TOTAL}
    assert comparison.old.rows[0].cells[eca].difference is None
    assert [cell.changed for cell in conference_row.cells] == [frozenset()] * 5
    assert (ldc_row.total.difference, stakeholder_row.total.difference) == (
        Decimal("8890.8"),
        Decimal("550"),
    )
    assert conference_row.total.changed is False
    assert [total.difference for total in comparison.new.column_totals] == [
        Decimal("8890.8"),
        None,
        None,
        Decimal("550"),
        None,
    ]
    assert comparison.new.grand.difference == Decimal("9440.8")
    assert comparison.new.changes == 2


def test_comparison_shows_a_line_added_in_the_newer_version(budget):
    old = add_version(budget, [line for line in annex_4_lines() if line[0] != "ECE"])
    new = add_version(budget, annex_4_lines())

    comparison = compare_versions(old, new)

    ece = 1
    added = comparison.new.rows[2].cells[ece]
    assert comparison.old.rows[2].cells[ece].line is None
    assert added.changed == {PARTICIPANTS, COST, TOTAL}
    assert added.difference == Decimal("30000")


def test_compare_page_highlights_the_changes_of_the_chosen_versions(client, budget, network):
    add_version(budget, annex_4_lines(), note="First")
    add_version(
        budget, annex_4_lines({("ECA", CONFERENCE): ("ECA", CONFERENCE, 100, None, "31000")})
    )
    add_version(budget, annex_4_lines({("ECA", LDC): ("ECA", LDC, 40, "2222.7", None)}))
    client.force_login(network)
    url = reverse("budgets:compare", kwargs={"pk": budget.pk})

    latest_two = client.get(url).content.decode()
    chosen = client.get(url, {"old": 1, "new": 2}).content.decode()

    # By default the latest two: version 3 differs from 2 in two lines (ECA's LDC and conference).
    assert "2 lines differ between version 2 and version 3" in latest_two
    assert (
        latest_two.count('<span class="difference">') == 2 + 2 + 1 + 1
    )  # cells, rows, column, all
    assert "One line differs between version 1 and version 2" in chosen
    assert '<td class="number changed">31,000<span class="visually-hidden"> (changed)' in chosen
    assert '<span class="difference">+1,000</span>' in chosen


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"old": 2, "new": 2}, "Choose two different versions."),
        ({"old": 9, "new": 2}, "Select a valid choice."),
        ({"old": "x", "new": 2}, "Select a valid choice."),
    ],
)
def test_compare_page_refuses_an_impossible_choice(client, budget, network, query, error):
    add_version(budget, annex_4_lines())
    add_version(budget, annex_4_lines())
    client.force_login(network)

    response = client.get(reverse("budgets:compare", kwargs={"pk": budget.pk}), query)

    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert "annex4" not in html


def _budget_of_size(size: int, actor) -> Budget:
    """`size` versions, each with a line for every commission in 3 + `size` categories."""
    budget = make_budget(f"Budget of size {size}", slug=f"size-{size}")
    added = add_categories(size, prefix=f"size-{size}")
    codes = [c.code for c in Commission.objects.all()]
    extra = [(code, category.code, 0, None, "1000") for code in codes for category in added]
    for _ in range(size):
        version = add_version(budget, annex_4_lines() + extra, created_by=actor)
    approve_version(version=version, actor=actor)
    return budget


def _queries(client, url) -> int:
    client.get(url)  # the session and the user's scopes are cached after the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["budgets:versions", "budgets:compare"])
def test_version_pages_make_as_many_queries_for_3_versions_as_for_8(client, network, name):
    small, large = _budget_of_size(3, network), _budget_of_size(8, network)
    client.force_login(network)

    counts = [_queries(client, reverse(name, kwargs={"pk": b.pk})) for b in (small, large)]

    assert counts[0] == counts[1]
