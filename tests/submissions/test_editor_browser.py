"""Focal points write in the browser: live counts, autosave, conflicts that lose no text."""

import pytest
from playwright.sync_api import expect

from reference.models import Country
from submissions.models import SectionText
from tests.factories import PASSWORD, focal_point, make_voluntary_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(browser, live_server, user):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your workspaces")).to_be_visible()
    return page


@pytest.fixture
def setup(transactional_reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    mexico = Country.objects.get(iso3="MEX")
    return submission, focal_point(mexico, designated=True), focal_point(mexico)


def editor(page, number):
    return page.locator(".outline-section").nth(number).locator(".editor")


def test_draft_autosaves_with_a_live_word_count(browser, live_server, setup):
    submission, designated, _official = setup
    page = signed_in_page(browser, live_server, designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    section = page.locator(".outline-section").first
    editor(page, 0).click()
    page.keyboard.type("México adoptó un plan nacional en 2021.")
    expect(section.locator(".count-value")).to_have_text("7")
    expect(section.locator(".save-state")).to_have_text("Saved")
    saved = SectionText.objects.get(submission=submission, section__key="methodology")
    assert "México adoptó un plan nacional en 2021." in saved.text
    assert saved.word_count == 7
    page.reload()
    expect(editor(page, 0)).to_contain_text("México adoptó un plan nacional en 2021.")


def test_two_focal_points_editing_one_section_get_a_conflict(browser, live_server, setup):
    submission, designated, official = setup
    ana = signed_in_page(browser, live_server, designated)
    luis = signed_in_page(browser, live_server, official)
    for page in (ana, luis):
        page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    editor(ana, 0).click()
    ana.keyboard.type("Texto de Ana.")
    expect(ana.locator(".outline-section").first.locator(".save-state")).to_have_text("Saved")
    editor(luis, 0).click()
    luis.keyboard.type("Texto de Luis.")
    panel = luis.locator(".outline-section").first.locator(".conflict-panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".mine")).to_have_text("Texto de Luis.")
    expect(panel.locator(".theirs")).to_have_text("Texto de Ana.")
    # Luis merges both texts and keeps the merge: nothing typed by either is lost.
    editor(luis, 0).click()
    luis.keyboard.press("End")
    luis.keyboard.type(" Texto de Ana.")
    panel.get_by_role("button", name="Keep my (merged) text").click()
    expect(luis.locator(".outline-section").first.locator(".save-state")).to_have_text("Saved")
    saved = SectionText.objects.get(submission=submission, section__key="methodology")
    assert "Texto de Luis." in saved.text and "Texto de Ana." in saved.text
    assert saved.version == 2


def test_expired_session_keeps_the_text_and_asks_to_sign_in(browser, live_server, setup):
    submission, designated, _official = setup
    page = signed_in_page(browser, live_server, designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    page.context.clear_cookies()
    editor(page, 1).click()
    page.keyboard.type("Written after the session ended.")
    expect(page.locator(".session-lost")).to_be_visible()
    stored = page.evaluate("Object.values(localStorage).join(' ')")
    assert "Written after the session ended." in stored
    # Signing in again in another tab lets the page save by itself.
    other = page.context.new_page()
    other.goto(f"{live_server.url}/en/accounts/login/")
    other.get_by_label("Email").fill(designated.email)
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("button", name="Sign In").click()
    expect(other.get_by_role("heading", name="Your workspaces")).to_be_visible()
    expect(page.locator(".outline-section").nth(1).locator(".save-state")).to_have_text(
        "Saved", timeout=20000
    )
    saved = SectionText.objects.get(submission=submission, section__key="policy")
    assert "Written after the session ended." in saved.text
