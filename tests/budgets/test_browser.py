"""The Annex 4 table in a real browser: totals follow the figures as they are typed."""

import pytest
from playwright.sync_api import expect

from budgets.models import BudgetCategory, BudgetLine
from reference.models import Commission
from tests.factories import commission_secretariat, make_budget, network_secretariat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LDC = "Travel of participants from LDCs and LLDCs (per diem and flights)"


def test_network_secretariat_types_a_figure_and_sees_every_total_change(
    signed_in_page, live_server, transactional_reference_data
):
    budget = make_budget()
    eca = Commission.objects.get(code="ECA")
    ldc = BudgetCategory.objects.get(code="ldc_lldc_travel")
    page = signed_in_page(network_secretariat())
    page.goto(f"{live_server.url}/en/budgets/{budget.pk}/")
    page.evaluate("window.notReloaded = true")
    expect(page.locator("#grand-total")).to_have_text("570,104")

    page.get_by_label(f"ECA, {LDC}: participants").fill("40")

    expect(page.locator(f"#total-{eca.pk}-{ldc.pk}")).to_have_text("88,908")
    expect(page.locator(f"#row-total-{ldc.pk}")).to_have_text("180,079")
    expect(page.locator(f"#column-total-{eca.pk}")).to_have_text("174,476")
    expect(page.locator("#grand-total")).to_have_text("578,995")
    expect(page.get_by_role("status").filter(has_text="Nothing is saved yet")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    assert (
        BudgetLine.objects.get(version__budget=budget, commission=eca, category=ldc).participants
        == 36
    )

    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("1 cell has been saved.")).to_be_visible()
    expect(page.locator("#grand-total")).to_have_text("578,995")
    assert (
        BudgetLine.objects.get(version__budget=budget, commission=eca, category=ldc).participants
        == 40
    )


def test_commission_secretariat_has_inputs_in_its_own_column_only(
    signed_in_page, live_server, transactional_reference_data
):
    budget = make_budget()
    page = signed_in_page(commission_secretariat(Commission.objects.get(code="ECE")))
    page.goto(f"{live_server.url}/en/budgets/{budget.pk}/")

    table = page.get_by_role("table", name="Indicative budget per commission (USD)")
    expect(table.get_by_role("spinbutton")).to_have_count(6)
    expect(table.get_by_label(f"ECE, {LDC}: participants")).to_have_value("3")
    for other in ["ECA", "ECLAC", "ESCAP", "ESCWA"]:
        expect(table.get_by_label(f"{other}, {LDC}: participants")).to_have_count(0)
    expect(page.get_by_role("button", name="Save as a new version")).to_have_count(0)

    table.get_by_label(f"ECE, {LDC}: participants").fill("5")

    expect(page.locator("#grand-total")).to_have_text("574,288")
