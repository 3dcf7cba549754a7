"""Journeys in a real browser (Debian's Chromium, driven by Playwright)."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.demo import create_demo_users
from accounts.models import User
from tests.signing_in import sign_in_through_form, sign_in_with_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_user_signs_in_and_switches_to_arabic(page, live_server, transactional_reference_data):
    people = {person.email: person for person in create_demo_users()}
    focal = people["focal.mexico@example.org"]

    sign_in_through_form(page, live_server, email=focal.email, password=focal.password)
    expect(page.get_by_role("link", name="Focal points of Mexico")).to_be_visible()

    page.get_by_role("button", name="العربيّة").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert page.url == f"{live_server.url}/ar/"
    # The header mirrors: the site's name sits at the right edge of the page in Arabic.
    with translation.override("ar"):
        site_name = translation.gettext("GCM regional reviews")
    brand = page.get_by_role("banner").get_by_role("link", name=site_name, exact=True)
    assert brand.bounding_box()["x"] > page.viewport_size["width"] / 2

    page.get_by_role("link", name="المكسيك").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("المكسيك")


def test_focal_point_cannot_open_another_country_in_the_browser(
    page, live_server, transactional_reference_data
):
    create_demo_users()
    sign_in_with_session(page, live_server, User.objects.get(email="focal.mexico@example.org"))
    response = page.goto(f"{live_server.url}/en/countries/PHL/team/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    page.goto(f"{live_server.url}/en/countries/MEX/team/")
    expect(page.get_by_role("heading", level=1, name="Focal points of Mexico")).to_be_visible()
