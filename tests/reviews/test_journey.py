"""A commission secretariat builds its review in the browser; another commission cannot see it."""

import re

import pytest
from playwright.sync_api import expect

from accounts.demo import create_demo_users
from accounts.models import User
from reviews.models import RegionalReview, ReviewCycle
from tests.signing_in import sign_in_through_form, sign_in_with_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def readiness(page):
    return int(page.get_by_role("meter", name="Readiness").get_attribute("value"))


def test_secretariat_builds_a_review_in_the_browser(
    page, live_server, transactional_reference_data
):
    people = {person.email: person for person in create_demo_users()}
    ReviewCycle.objects.create(title="2024–2025 regional reviews", slug="2024-2025", imrf_year=2026)
    ece = people["ece@example.org"]
    sign_in_through_form(page, live_server, email=ece.email, password=ece.password)

    # Create the review for its own commission.
    page.goto(f"{live_server.url}/en/cycles/2024-2025/")
    page.get_by_role("link", name="New regional review").click()
    page.get_by_label("Commission").select_option(label="ECE")
    page.get_by_label("Title").fill("UNECE regional review 2025")
    page.get_by_label("Meeting starts").fill("2025-11-10")
    page.get_by_label("Meeting ends").fill("2025-11-11")
    page.get_by_label("Venue").fill("Geneva")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", name="UNECE regional review 2025")).to_be_visible()
    expect(page.get_by_text("Report finalized: Jan. 11, 2026")).to_be_visible()
    expect(page.get_by_text("No problem found in the data.")).not_to_be_visible()
    readiness_before = readiness(page)

    # Take objective 7 out of its round table: the dashboard and checklist show the gap.
    page.get_by_role("link", name="Round tables").click()
    page.get_by_role("group", name="Round table 4").get_by_label(re.compile(r"^7\. ")).uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Objectives covered by no round table:")).to_be_visible()
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_text("Objective 7 is covered by no round table.")).to_be_visible()
    page.get_by_role("link", name="Checklist").click()
    expect(page.get_by_text("Objective 7 is covered by no round table.")).to_be_visible()

    # Build the programme: a panel of men only is flagged.
    page.get_by_role("link", name="Programme").click()
    page.get_by_role("link", name="Add a session").click()
    page.get_by_label("Kind").select_option("roundtable")
    page.get_by_label("Title").fill("Round table on labour mobility")
    page.get_by_label("Date").fill("2025-11-10")
    page.get_by_label("Starts at").fill("10:00")
    page.get_by_label("Ends at").fill("12:00")
    page.get_by_role("button", name="Save").click()
    for name, country in [("Jonas Berg", "Sweden"), ("Karl Huber", "Austria")]:
        page.get_by_role("link", name="Add a speaker").click()
        page.get_by_label("Role").select_option("panellist")
        page.get_by_label("Name").fill(name)
        page.get_by_label("Gender").select_option("man")
        page.get_by_label("Country").select_option(label=country)
        page.get_by_label("Affiliation").select_option("national_government")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("cell", name=name)).to_be_visible()
    expect(page.get_by_text("Only men speak in this session.")).to_be_visible()
    page.get_by_role("link", name="Dashboard").click()
    expect(
        page.get_by_text("Only men speak in the session “Round table on labour mobility”.")
    ).to_be_visible()

    # A woman moderator fixes the panel; the checklist moves on.
    page.get_by_role("link", name="Programme").click()
    page.get_by_role("link", name="Add a speaker").click()
    page.get_by_label("Role").select_option("moderator")
    page.get_by_label("Name").fill("Amina Yusuf")
    page.get_by_label("Gender").select_option("woman")
    page.get_by_label("Country").select_option(label="Kazakhstan")
    page.get_by_label("Affiliation").select_option("stakeholder")
    page.get_by_label("Stakeholder category").select_option(label="Civil society")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Only men speak in this session.")).not_to_be_visible()

    page.get_by_role("link", name="Checklist").click()
    item = page.get_by_role("listitem").filter(has_text="Debates are interactive")
    item.get_by_role("link", name="Update").click()
    page.get_by_label("Status").select_option("done")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Dashboard").click()
    assert readiness(page) > readiness_before

    review = RegionalReview.objects.get(title="UNECE regional review 2025")
    assert review.commission.code == "ECE"
    assert review.sessions.get().speakers.count() == 3

    # Another commission's secretariat cannot open it.
    page.get_by_role("button", name="Sign out").click()
    sign_in_with_session(page, live_server, User.objects.get(email="eclac@example.org"))
    response = page.goto(f"{live_server.url}/en/reviews/{review.pk}/dashboard/")
    assert response.status == 404
    page.goto(f"{live_server.url}/en/cycles/2024-2025/")
    expect(page.get_by_text("UNECE regional review 2025")).to_have_count(0)
    assert re.search(r"No review of yours in this cycle yet", page.content())
