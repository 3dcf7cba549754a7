"""A Network secretariat officer in the browser: reads the versions, compares two, approves one."""

import pytest
from playwright.sync_api import expect

from budgets.models import Budget
from tests.budgets.builders import LDC, add_version, annex_4_lines, commit, make_budget
from tests.factories import network_secretariat
from tests.signing_in import sign_in_with_session

pytestmark = pytest.mark.browser


def test_network_compares_two_versions_and_approves_the_newer(
    page, live_server, transactional_reference_data
):
    officer = network_secretariat()
    budget = make_budget()
    add_version(budget, annex_4_lines(), note="Outline of February", created_by=officer)
    add_version(
        budget,
        annex_4_lines({("ECA", LDC): ("ECA", LDC, 40, "2222.7", None)}),
        note="Four more delegates for ECA",
        created_by=officer,
    )
    commit(budget, "ECA", LDC, "12000", actor=officer)
    sign_in_with_session(page, live_server, officer)
    page.set_viewport_size({"width": 1400, "height": 1000})

    page.goto(f"{live_server.url}/en/budgets/{budget.pk}/versions/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Versions of {budget.title}")
    charts = page.get_by_role("img", name="Budgeted and committed per commission (USD)")
    charts.scroll_into_view_if_needed()
    # The SVG is drawn: an image the browser could not load has no natural width.
    assert charts.evaluate("image => image.decode().then(() => image.naturalWidth)") > 300

    page.get_by_role("link", name="Compare two versions").click()
    expect(page.get_by_role("table", name="Version 1")).to_be_visible()
    newer = page.get_by_role("table", name="Version 2")
    # Highlighted: ECA's participants and line total, the row total, ECA's total, the grand total.
    expect(newer.locator("td.changed")).to_have_count(5)
    expect(newer.locator(".difference").first).to_have_text("+8,891")

    page.get_by_role("link", name=f"Versions of {budget.title}").click()
    page.get_by_role("button", name="Approve version 2").click()
    expect(page.get_by_role("status")).to_have_text("Version 2 is now the approved version.")
    budget = Budget.objects.get(pk=budget.pk)
    assert budget.approved_version.number == 2
    assert budget.approved_by == officer
