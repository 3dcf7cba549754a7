"""Journeys in a real browser (Debian's Chromium, driven by Playwright)."""

import pytest
from playwright.sync_api import expect

from accounts.demo import create_demo_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_user_signs_in_and_switches_to_arabic(page, live_server, transactional_reference_data):
    people = {person.email: person for person in create_demo_users()}
    focal = people["focal.mexico@example.org"]

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(focal.email)
    page.get_by_label("Password").fill(focal.password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your workspaces")).to_be_visible()
    expect(page.get_by_role("link", name="Focal points of Mexico")).to_be_visible()

    page.get_by_role("button", name="العربيّة").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert page.url == f"{live_server.url}/ar/"
    # The header mirrors: the brand sits at the right edge of the page in Arabic.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > page.viewport_size["width"] / 2

    page.get_by_role("link", name="المكسيك").first.click()
    expect(page.locator("h1")).to_contain_text("المكسيك")


def test_focal_point_cannot_open_another_country_in_the_browser(
    page, live_server, transactional_reference_data
):
    people = {person.email: person for person in create_demo_users()}
    focal = people["focal.mexico@example.org"]
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(focal.email)
    page.get_by_label("Password").fill(focal.password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your workspaces")).to_be_visible()
    response = page.goto(f"{live_server.url}/en/countries/PHL/team/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
