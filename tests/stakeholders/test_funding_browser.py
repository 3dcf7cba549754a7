"""A registrant asks for travel support, the commission secretariat offers it, and the budget
shows the commitment: in a real browser."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reference.models import Commission
from stakeholders.enums import FundingStatus
from stakeholders.models import FundingRequest
from tests.factories import UserFactory, commission_secretariat, make_budget, make_review
from tests.stakeholders.builders_funding import make_event, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_registrant_asks_secretariat_offers_budget_shows_the_commitment(
    signed_in_page, live_server, transactional_reference_data
):
    start = timezone.localdate() + datetime.timedelta(days=60)
    review = make_review("ECA", status="announced", meeting_start=start, meeting_end=start)
    budget = make_budget(review.cycle, approved=True)
    registration = register(UserFactory(name="Awa Diallo"), make_event(review), delegation="MLI")

    applicant = signed_in_page(registration.user)
    applicant.goto(f"{live_server.url}/en/funding/")
    applicant.get_by_role("link", name="Ask for support to attend “Meeting of ECA”").click()
    expect(applicant.get_by_text("delegate of a least developed country")).to_be_visible()
    expect(applicant.get_by_label("Days of per diem")).to_have_value("3")
    applicant.get_by_label("Flight estimate (USD)").fill("1450")
    applicant.get_by_label("Per diem rate (USD a day)").fill("310")
    applicant.get_by_role("button", name="Send the request").click()
    expect(applicant.get_by_text("Your request for travel support has been sent.")).to_be_visible()

    secretariat = signed_in_page(commission_secretariat(Commission.objects.get(code="ECA")))
    secretariat.goto(f"{live_server.url}/en/reviews/{review.pk}/funding/")
    secretariat.get_by_role("link", name="Travel funding request").click()
    expect(secretariat.get_by_label("Eligibility")).to_have_value("ldc")
    secretariat.get_by_label("Offer funding").check()
    secretariat.get_by_label("Flight granted (USD)").fill("1200")
    secretariat.get_by_role("button", name="Record the decision").click()
    expect(secretariat.get_by_text("The request is now “offered”.")).to_be_visible()
    lines = secretariat.get_by_role("region", name="Travel lines of the approved budget")
    expect(lines.get_by_role("row").filter(has_text="LDCs")).to_contain_text("2,130")

    secretariat.goto(f"{live_server.url}/en/budgets/{budget.pk}/")
    commitments = secretariat.get_by_role("region", name="Commitments against the approved version")
    row = commitments.get_by_role("row").filter(has_text="LDCs").filter(has_text="ECA")
    expect(row).to_contain_text("2,130")
    expect(row).to_contain_text("1 / 36")
    request = FundingRequest.objects.get()
    assert (request.status, request.granted_total) == (FundingStatus.OFFERED, 2130)
