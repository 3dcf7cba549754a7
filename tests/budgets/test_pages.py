"""The budget pages as the secretariats use them: the Annex 4 table, its totals, edits in place
per column, the what-if, uploads, and the checklist item the budget decides."""

import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from budgets import services
from budgets.forms import cell_name
from budgets.importing import DEMO_LINES, DEMO_STATED_TOTALS
from budgets.models import Budget, BudgetCategory, BudgetLine, Commitment
from budgets.selectors import budget_page
from reference.models import Commission
from reviews import selectors as review_selectors
from tests.factories import (
    UserFactory,
    commission_secretariat,
    make_budget,
    make_review,
    network_secretariat,
)
from tests.permission_world import database_fingerprint

pytestmark = pytest.mark.django_db


def commission(code: str) -> Commission:
    return Commission.objects.get(code=code)


def category(code: str) -> BudgetCategory:
    return BudgetCategory.objects.get(code=code)


def page_html(client, budget, language="en") -> str:
    response = client.get(f"/{language}/budgets/{budget.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def line(budget, code="ECA", category_code="ldc_lldc_travel") -> BudgetLine:
    return BudgetLine.objects.get(
        version__budget=budget, commission__code=code, category__code=category_code
    )


def cell_post(budget, target: BudgetLine, **values) -> dict:
    """What the form posts when a person changes one cell."""
    name = lambda part: cell_name(target.commission_id, target.category_id, part)  # noqa: E731
    data = {"version": "1", name("stamp"): target.stamp}
    for part, value in values.items():
        data[name(part)] = value
        data[f"initial-{name(part)}"] = {
            "participants": target.participants,
            "cost": target.cost_per_participant,
            "lump_sum": target.lump_sum,
        }[part]
    return data


def test_page_shows_the_table_its_totals_and_what_does_not_add_up(client, reference_data):
    budget = make_budget()
    client.force_login(network_secretariat())
    html = page_html(client, budget)
    for shown in [
        '<span id="total-{}-{}">80,017</span>'.format(
            commission("ECA").pk, category("ldc_lldc_travel").pk
        ),
        f'<strong id="row-total-{category("ldc_lldc_travel").pk}">171,189</strong>',
        f'<strong id="column-total-{commission("ECE").pk}">78,123</strong>',
        '<strong id="grand-total">570,104</strong>',
        "1 stated total does not add up.",
        '<td class="number">140,589</td>',
        '<td class="number">171,188.50</td>',
        '<td class="number error">-30,599.50</td>',
        "shown rounded to the whole USD, halves",
        "provide in-kind contributions",
    ]:
        assert shown in html


def test_numbers_are_written_in_the_page_language(client, reference_data):
    budget = make_budget()
    client.force_login(network_secretariat())
    shown = {
        language: page_html(client, budget, language)
        for language in ["fr", "ru", "es", "ar", "zh-hans"]
    }
    for language, grand, difference in [
        ("fr", "570\xa0104", "-30\xa0599,50"),
        ("ru", "570\xa0104", "-30\xa0599,50"),
        ("es", "570\xa0104", "-30\xa0599,50"),
        ("ar", "570.104", "-30.599,50"),
        ("zh-hans", "570,104", "-30,599.50"),
    ]:
        assert f'<strong id="grand-total">{grand}</strong>' in shown[language]
        assert f'<td class="number error">{difference}</td>' in shown[language]


def test_network_secretariat_saves_a_cell_and_every_total_follows(client, reference_data):
    budget = make_budget()
    client.force_login(network_secretariat())
    target = line(budget)
    response = client.post(
        reverse("budgets:budget", args=[budget.pk]),
        {**cell_post(budget, target, participants="40"), "save": ""},
    )
    assert response.status_code == 302
    html = page_html(client, budget)
    assert f'<span id="total-{target.commission_id}-{target.category_id}">88,908</span>' in html
    assert f'<strong id="row-total-{target.category_id}">180,079</strong>' in html
    assert f'<strong id="column-total-{target.commission_id}">174,476</strong>' in html
    assert '<strong id="grand-total">578,995</strong>' in html


def test_what_if_returns_every_total_and_saves_nothing(client, reference_data):
    budget = make_budget()
    client.force_login(network_secretariat())
    target = line(budget)
    before = database_fingerprint()
    response = client.post(
        reverse("budgets:preview", args=[budget.pk]),
        cell_post(budget, target, participants="40"),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f'<span id="total-{target.commission_id}-{target.category_id}" hx-swap-oob="true">88,908</span>'
        in html
    )
    assert '<strong id="grand-total" hx-swap-oob="true">578,995</strong>' in html
    assert "Nothing is saved yet." in html
    assert database_fingerprint() == before


def test_commission_secretariat_gets_inputs_in_its_own_column_only(client, reference_data):
    budget = make_budget()
    ece = commission("ECE")
    client.force_login(commission_secretariat(ece))
    html = page_html(client, budget)
    named = {
        name.split("-")[1] for name in __import__("re").findall(r'name="(cell-[0-9-]+\w+)"', html)
    }
    assert named == {str(ece.pk)}
    assert '<strong id="grand-total">570,104</strong>' in html  # the whole table is seen


@pytest.mark.parametrize("url_name", ["budgets:budget", "budgets:preview"])
def test_commission_secretariat_cannot_touch_another_column(client, reference_data, url_name):
    budget = make_budget()
    ece = commission("ECE")
    client.force_login(commission_secretariat(ece))
    own, other = line(budget, "ECE"), line(budget, "ECA")
    before = database_fingerprint()
    data = {
        **cell_post(budget, own, participants="4"),
        **cell_post(budget, other, participants="99"),
        "save": "",
    }
    assert client.post(reverse(url_name, args=[budget.pk]), data).status_code == 404
    assert (
        client.post(
            reverse(url_name, args=[budget.pk]),
            {**cell_post(budget, other, participants="99"), "save_as_new_version": ""},
        ).status_code
        == 404
    )
    assert database_fingerprint() == before
    response = client.post(
        reverse("budgets:budget", args=[budget.pk]),
        {**cell_post(budget, own, participants="4"), "save": ""},
    )
    assert response.status_code == 302
    assert (line(budget, "ECE").participants, line(budget, "ECA").participants) == (4, 36)


def test_commission_secretariat_cannot_save_a_new_version(client, reference_data):
    budget = make_budget()
    client.force_login(commission_secretariat(commission("ECE")))
    response = client.post(
        reverse("budgets:budget", args=[budget.pk]),
        {**cell_post(budget, line(budget, "ECE"), participants="4"), "save_as_new_version": ""},
    )
    assert response.status_code == 404
    assert budget.versions.count() == 1


def test_two_people_saving_the_same_cell_are_told_not_overwritten(client, reference_data):
    budget = make_budget()
    target = line(budget)
    client.force_login(network_secretariat())
    url = reverse("budgets:budget", args=[budget.pk])
    first = {**cell_post(budget, target, participants="40"), "save": ""}
    second = {**cell_post(budget, target, participants="50"), "save": ""}
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this while you were editing it." in html
    assert "40 participants, total 88,908" in html
    assert line(budget).participants == 40


def test_save_as_new_version_keeps_the_old_one(client, reference_data):
    budget = make_budget(approved=True)
    client.force_login(network_secretariat())
    response = client.post(
        reverse("budgets:budget", args=[budget.pk]),
        {
            **cell_post(budget, line(budget, "ESCAP"), participants="0"),
            "note": "ESCAP online",
            "save_as_new_version": "",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?version=2")
    assert [v.note for v in budget.versions.order_by("number")] == ["", "ESCAP online"]
    html = page_html(client, budget)
    assert "Version 2 of 2" in html and '<strong id="grand-total">539,504</strong>' in html


def test_acknowledged_figure_leaves_the_list_of_problems(client, reference_data):
    budget = make_budget()
    client.force_login(network_secretariat())
    [wrong] = budget_page(budget).open_discrepancies
    client.post(
        reverse("budgets:acknowledge", args=[budget.pk, wrong.stated.pk]), {"reason": "As printed."}
    )
    html = page_html(client, budget)
    assert "do not add up" not in html and "does not add up" not in html
    assert "“As printed.”" in html


def test_upload_creates_the_budget_and_its_page_shows_the_checks(client, reference_data):
    review = make_review()
    client.force_login(network_secretariat())
    response = client.post(
        reverse("budgets:import"),
        {
            "cycle": review.cycle.pk,
            "title": "Budget 2020",
            "lines_file": open(DEMO_LINES, "rb"),  # noqa: SIM115
            "stated_totals_file": open(DEMO_STATED_TOTALS, "rb"),  # noqa: SIM115
        },
    )
    budget = Budget.objects.get()
    assert response.status_code == 302
    html = page_html(client, budget)
    assert "1 stated total does not add up." in html and '<td class="number">140,589</td>' in html


def test_upload_of_a_new_version_refuses_a_file_that_is_too_large(client, reference_data):
    budget = make_budget()
    client.force_login(network_secretariat())
    big = io.BytesIO(b"commission,line\n" + b"x" * (2 * 1024 * 1024 + 1))
    big.name = "big.csv"
    response = client.post(reverse("budgets:import_version", args=[budget.pk]), {"lines_file": big})
    assert response.status_code == 200
    assert "the limit is 2.0\xa0MB" in response.content.decode()
    assert budget.versions.count() == 1


def test_other_people_see_no_budget(client, reference_data):
    budget = make_budget()
    client.force_login(UserFactory())
    assert client.get(reverse("budgets:budget", args=[budget.pk])).status_code == 404
    assert client.get(reverse("budgets:list")).status_code == 404


def test_budget_list_shows_status_and_grand_total(client, reference_data):
    make_budget(approved=True)
    client.force_login(commission_secretariat(commission("ECA")))
    html = client.get(reverse("budgets:list")).content.decode()
    assert "Indicative budget 2020" in html and "USD 570,104" in html and "approved" in html


def grow(budget, size: int):
    """More of everything the budget page lists: versions, categories with lines, commitments."""
    actor = network_secretariat()
    version = budget.versions.get()
    for index in range(size):
        extra = services.add_category(name=f"Interpretation {index}", basis="lump_sum")
        for code in ["ECA", "ECE", "ESCAP"]:
            BudgetLine.objects.create(
                version=version,
                commission=commission(code),
                category=extra,
                participants=10,
                lump_sum=Decimal(1000 + index),
            )
    budget.approved_version, budget.approved_at = version, timezone.now()
    budget.save()
    for index in range(size):
        services.record_commitment(
            line=line(budget),
            amount=Decimal(10),
            participants=1,
            source=f"Funding {index}",
            actor=actor,
        )
    for _ in range(size):
        services.save_as_new_version(version=version, edits=[], note="Copy", actor=actor)


@pytest.mark.parametrize("person", ["network", "commission"])
def test_budget_page_keeps_a_constant_number_of_queries(client, reference_data, person):
    user = (
        network_secretariat() if person == "network" else commission_secretariat(commission("ECE"))
    )
    client.force_login(user)

    def count(budget, version):
        url = reverse("budgets:budget", args=[budget.pk]) + f"?version={version}"
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        return len(context), response.content.decode()

    small = make_budget()
    grow(small, 1)
    large = make_budget(make_review("ECA", slug="2024-2025").cycle)
    grow(large, 4)
    (small_count, small_html), (large_count, large_html) = count(small, 1), count(large, 1)
    assert ("Interpretation 3" in small_html, "Interpretation 3" in large_html) == (True, True)
    assert ("Version 1 of 5" in small_html, "Version 1 of 5" in large_html) == (False, True)
    assert Commitment.objects.filter(budget=large).count() == 4
    assert small_count == large_count


def test_budget_list_keeps_a_constant_number_of_queries(client, reference_data):
    client.force_login(network_secretariat())

    def count():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("budgets:list"))
        return len(context), response.content.decode().count('<th scope="row">')

    make_budget()
    one = count()
    for slug in ["2024-2025", "2026-2027"]:
        make_budget(make_review("ECA", slug=slug).cycle)
    three = count()
    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]


def ldc_row(review):
    facts = review_selectors.facts_for(review)
    return next(row for row in facts.checklist if row.item.key == "ldc-travel")


def test_ldc_travel_is_met_by_an_approved_line_with_places(reference_data):
    review = make_review("ECA")
    assert ldc_row(review).verdict.reasons == ("No budget of this review cycle is approved yet.",)
    budget = make_budget(review.cycle)
    assert not ldc_row(review).verdict.is_met
    budget.approved_version, budget.approved_at = budget.versions.get(), timezone.now()
    budget.save()
    services.record_commitment(
        line=line(budget),
        amount=Decimal(2000),
        participants=2,
        source="Two delegates",
        actor=network_secretariat(),
    )
    verdict = ldc_row(review).verdict
    assert verdict.is_met
    assert verdict.reasons == (
        "The approved budget “Indicative budget 2020” funds 36 places for delegates from LDCs "
        "and LLDCs (USD 80,017); 2 committed so far.",
    )


def test_ldc_travel_is_unmet_when_the_commission_has_no_places(reference_data):
    review = make_review("ECE")
    budget = make_budget(review.cycle, approved=True)
    BudgetLine.objects.filter(
        version__budget=budget, commission__code="ECE", category__code="ldc_lldc_travel"
    ).update(participants=0)
    assert ldc_row(review).verdict.reasons == (
        "The approved budget “Indicative budget 2020” funds no travel of delegates from LDCs and "
        "LLDCs for this commission.",
    )


def test_cycle_dashboard_links_to_the_cycle_budgets(client, reference_data):
    review = make_review("ECE")
    client.force_login(commission_secretariat(commission("ECE")))
    html = client.get(reverse("reviews:cycle", args=[review.cycle.slug])).content.decode()
    assert f'<a href="/en/budgets/?cycle={review.cycle.slug}">Budgets</a>' in html
