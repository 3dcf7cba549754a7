"""A report published by the secretariat in the browser appears everywhere the public looks, and at
the external platform, signed; withdrawn, it vanishes from all of them."""

import json

import pytest
from playwright.sync_api import expect

from reference.models import Commission
from tests.factories import commission_secretariat
from tests.knowledge.builders import final_report
from tests.knowledge.platform import signed
from tests.stakeholders.builders import open_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "<p>Remittance corridors widened across the region.</p>"


def what_the_public_sees(visitor, base: str) -> dict[str, bool]:
    """Whether the report shows on the portal, in search, in the API and in the feed."""
    visitor.goto(f"{base}/en/knowledge/")
    on_portal = visitor.get_by_role("link", name="Outcome report: Regional review ECLAC").count()
    visitor.goto(f"{base}/en/knowledge/search/")
    visitor.get_by_label("Search for").fill("corridors")
    visitor.get_by_role("button", name="Search").click()
    in_search = visitor.locator("mark", has_text="corridors").count()
    api = json.loads(visitor.request.get(f"{base}/api/v1/reports/").text())
    feed = visitor.request.get(f"{base}/en/knowledge/feed/").text()
    return {
        "portal": on_portal > 0,
        "search": in_search > 0,
        "api": api["count"] > 0,
        "feed": "Outcome report: Regional review ECLAC" in feed,
    }


def test_secretariat_publishes_then_withdraws_a_report(
    signed_in_page, new_context, live_server, transactional_reference_data, push_on
):
    review = open_review("ECLAC")
    secretariat = commission_secretariat(Commission.objects.get(code="ECLAC"))
    final_report(review, secretariat, {"en": TEXT})
    visitor = new_context().new_page()
    nothing = {"portal": False, "search": False, "api": False, "feed": False}
    assert what_the_public_sees(visitor, live_server.url) == nothing

    page = signed_in_page(secretariat)
    page.goto(f"{live_server.url}/en/reviews/{review.pk}/publishing/")
    english = page.get_by_role("row").filter(has_text="English")
    english.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert").or_(page.locator(".messages"))).to_contain_text(
        "is published on the knowledge platform"
    )

    everything = {"portal": True, "search": True, "api": True, "feed": True}
    assert what_the_public_sees(visitor, live_server.url) == everything
    visitor.goto(f"{live_server.url}/en/knowledge/")
    visitor.get_by_role("link", name="Outcome report: Regional review ECLAC").click()
    expect(
        visitor.get_by_text("Remittance corridors widened across the region.").first
    ).to_be_visible()
    address = visitor.url
    [published] = push_on.received
    assert signed(published)
    assert json.loads(published.body)["event"] == "publication.published"

    english = page.get_by_role("row").filter(has_text="English")
    english.get_by_label("Reason for withdrawal").fill("The annex named a participant by mistake.")
    english.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("row").filter(has_text="English")).to_contain_text(
        "The annex named a participant by mistake."
    )

    assert what_the_public_sees(visitor, live_server.url) == nothing
    assert visitor.goto(address).status == 404
    withdrawn = push_on.received[-1]
    assert signed(withdrawn)
    payload = json.loads(withdrawn.body)
    assert payload["event"] == "publication.withdrawn"
    assert "The annex named a participant by mistake." in json.dumps(payload)
