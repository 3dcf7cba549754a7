"""A stakeholder's whole journey in a real browser: signing up, verifying the e-mail address,
the profile, registering for a consultation, the commission secretariat approving it, asking for
travel support, the secretariat offering it, the stakeholder seeing the decision, and the budget
showing the commitment."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from outbox.models import OutboxMessage
from reference.models import Commission
from stakeholders.enums import FundingStatus
from stakeholders.models import FundingRequest, Registration
from tests.factories import commission_secretariat, make_budget
from tests.stakeholders.builders import make_event, open_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_stakeholder_signs_up_registers_gets_travel_support_and_the_budget_shows_it(
    page, live_server, signed_in_page, transactional_reference_data
):
    review = open_review("ECLAC")
    budget = make_budget(review.cycle, approved=True)
    event = make_event(review, title="Multi-stakeholder consultation for Latin America")
    event_url = f"{live_server.url}{event.get_absolute_url()}"

    # Sign up and verify the e-mail address.
    page.goto(event_url)
    page.get_by_role("main").get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("amina@example.org")
    page.get_by_label("Name").fill("Amina Diallo")
    page.get_by_label("Password:", exact=True).fill("a-long-and-private-passphrase")
    page.get_by_label("Password (again)").fill("a-long-and-private-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()

    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("/", 3)[3])
    page.get_by_role("button", name="Confirm").click()

    # The profile, then the registration.
    page.goto(event_url)
    page.get_by_role("link", name="Your participant profile").click()
    page.get_by_label("Stakeholder category").select_option(label="Civil society")
    page.get_by_label("Country of residence (delegates: your delegation)").select_option(
        label="Chile"
    )
    page.get_by_label("Nationality").select_option(label="Senegal")
    page.get_by_label("Gender").select_option(label="woman")
    page.get_by_label("Spanish").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your participant profile has been saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)

    page.get_by_role("button", name="Register").click()
    expect(
        page.get_by_text("You are registered; the secretariat will tell you its decision")
    ).to_be_visible()
    expect(page.get_by_text("pending")).to_be_visible()

    # The commission secretariat approves the registration; the e-mail waits in the outbox.
    staff = signed_in_page(commission_secretariat(Commission.objects.get(code="ECLAC")))
    staff.goto(f"{live_server.url}/en/events/{event.pk}/registrations/")
    expect(
        staff.get_by_text("1 registration pending, approved or on the waiting list.")
    ).to_be_visible()
    staff.get_by_role("link", name="Amina Diallo").click()
    expect(staff.get_by_text("amina@example.org")).to_be_visible()  # personal data
    staff.get_by_label("Decision").select_option(label="Approve")
    staff.get_by_role("button", name="Record the decision").click()
    expect(staff.get_by_text("Decided: approved. The e-mail waits in the outbox.")).to_be_visible()

    registration = Registration.objects.get(user__email="amina@example.org")
    assert registration.status == "approved"
    assert OutboxMessage.objects.get(about_id=registration.pk).recipients == ["amina@example.org"]
    page.goto(event_url)
    expect(page.get_by_text("You are registered for this event: approved.")).to_be_visible()

    # The stakeholder asks for travel support: a stakeholder participant, four days of per diem.
    page.goto(f"{live_server.url}/en/funding/")
    page.get_by_role("link", name=f"Ask for support to attend “{event.title}”").click()
    expect(page.get_by_label("Days of per diem")).to_have_value("4")
    page.get_by_label("Flight estimate (USD)").fill("950")
    page.get_by_label("Per diem rate (USD a day)").fill("250")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request for travel support has been sent.")).to_be_visible()

    # The secretariat offers less for the flight than was asked.
    staff.goto(f"{live_server.url}/en/reviews/{review.pk}/funding/")
    staff.get_by_role("link", name="Travel funding request").click()
    expect(staff.get_by_label("Eligibility")).to_have_value("stakeholder")
    staff.get_by_label("Offer funding").check()
    staff.get_by_label("Flight granted (USD)").fill("800")
    staff.get_by_role("button", name="Record the decision").click()
    expect(staff.get_by_text("The request is now “offered”.")).to_be_visible()

    # The stakeholder sees the decision and what is granted.
    page.goto(f"{live_server.url}/en/funding/")
    row = page.get_by_role("row").filter(has_text=event.title)
    expect(row).to_contain_text("offered")
    expect(row).to_contain_text("1,800")  # 800 + 4 days × 250

    # The budget shows the commitment on ECLAC's stakeholder travel line.
    staff.goto(f"{live_server.url}/en/budgets/{budget.pk}/")
    commitments = staff.get_by_role("region", name="Commitments against the approved version")
    line = commitments.get_by_role("row").filter(has_text="ECLAC").filter(has_text="takeholder")
    expect(line).to_contain_text("1,800")
    expect(line).to_contain_text("1 / 32")
    request = FundingRequest.objects.get()
    assert (request.status, request.granted_total) == (FundingStatus.OFFERED, 1800)
