"""A stakeholder's journey in a real browser: signing up, the profile, registering; then the
commission secretariat approving the registration."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from outbox.models import OutboxMessage
from reference.models import Commission
from stakeholders.models import Registration
from tests.factories import commission_secretariat
from tests.stakeholders.builders import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_stakeholder_signs_up_registers_and_the_secretariat_approves(
    page, live_server, signed_in_page, transactional_reference_data
):
    event = make_event(title="Multi-stakeholder consultation for Latin America")
    event_url = f"{live_server.url}{event.get_absolute_url()}"

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
    message = OutboxMessage.objects.get(about_id=registration.pk)
    assert message.recipients == ["amina@example.org"]
    page.goto(event_url)
    expect(page.get_by_text("You are registered for this event: approved.")).to_be_visible()
