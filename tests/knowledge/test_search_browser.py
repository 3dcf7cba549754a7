"""A visitor searches the knowledge platform in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.knowledge.builders import published_input
from tests.knowledge.test_search import ENGLISH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_searches_narrows_by_commission_and_sees_the_words_marked(
    page, live_server, transactional_reference_data
):
    asia = published_input(country="PHL", commission="ESCAP", language="en", text=ENGLISH)
    published_input(country="MEX", commission="ECLAC", language="en", text=ENGLISH)

    page.goto(f"{live_server.url}/en/knowledge/search/")
    page.get_by_label("Search for").fill("remittances")
    page.get_by_label("Commission").select_option("ESCAP")
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=2)).to_have_text("1 result")
    result = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=asia.title))
    expect(result.locator("mark").first).to_have_text("Remittances")
    expect(page.get_by_label("Search for")).to_have_value("remittances")
