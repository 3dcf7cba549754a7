"""The secretariat writes the report in the browser with the submissions' editor: formatting,
live counts, autosave, and conflicts between two writers that lose no text."""

import re

import pytest
from playwright.sync_api import expect

from reference.models import Commission
from reports import services
from reports.models import ReportSectionText
from tests.factories import commission_secretariat, make_review, network_secretariat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setup(transactional_reference_data):
    writer = commission_secretariat(Commission.objects.get(code="ECE"))
    report = services.start_report(review=make_review("ECE"), language="en", actor=writer)
    return report, writer, network_secretariat()


def section(page, numeral):
    return page.get_by_role("region", name=re.compile(rf"^{numeral}\. "))


def editor(page, numeral):
    return section(page, numeral).get_by_role("textbox")


def shows_saved(page, numeral):
    return section(page, numeral).get_by_role("status").filter(has_text=re.compile(r"^Saved$"))


def stored(report, section_key):
    return ReportSectionText.objects.get(
        language_version__report=report, language_version__language="en", section=section_key
    )


def test_a_key_finding_autosaves_in_bold_with_a_live_count(signed_in_page, live_server, setup):
    report, writer, _network = setup
    page = signed_in_page(writer)
    page.goto(f"{live_server.url}/en/reviews/{report.review_id}/report/en/")
    editor(page, "iii").click()
    section(page, "iii").get_by_role("button", name="Bold").click()
    page.keyboard.type("Regular pathways widened.")
    expect(editor(page, "iii")).to_have_accessible_description(re.compile(r"^3 words"))
    expect(shows_saved(page, "iii")).to_be_visible()
    saved = stored(report, "key_findings")
    assert saved.text == "<p><b>Regular pathways widened.</b></p>"
    assert saved.word_count == 3
    page.reload()
    expect(editor(page, "iii").locator("b")).to_have_text("Regular pathways widened.")


def test_two_secretariats_writing_one_section_get_a_conflict(signed_in_page, live_server, setup):
    report, writer, network = setup
    commission_page, network_page = signed_in_page(writer), signed_in_page(network)
    for page in (commission_page, network_page):
        page.goto(f"{live_server.url}/en/reviews/{report.review_id}/report/en/")
    editor(commission_page, "ii").click()
    commission_page.keyboard.type("The commission's summary.")
    expect(shows_saved(commission_page, "ii")).to_be_visible()
    editor(network_page, "ii").click()
    network_page.keyboard.type("The Network's summary.")
    panel = (
        section(network_page, "ii")
        .get_by_role("alert")
        .filter(has_text="Someone else saved this section while you were writing")
    )
    expect(panel).to_be_visible()
    expect(panel.get_by_role("group", name="Their text")).to_have_text("The commission's summary.")
    editor(network_page, "ii").click()
    network_page.keyboard.press("End")
    network_page.keyboard.type(" The commission's summary.")
    panel.get_by_role("button", name="Keep my (merged) text").click()
    expect(shows_saved(network_page, "ii")).to_be_visible()
    saved = stored(report, "executive_summary")
    assert "The Network's summary." in saved.text and "The commission's summary." in saved.text
    assert saved.version == 2


def test_opening_an_objective_beside_the_editor_shows_what_the_region_says(
    signed_in_page, live_server, setup
):
    from tests.reports.report_builders import accepted_voluntary_review

    report, writer, _network = setup
    accepted_voluntary_review(
        report.review, "ALB", {5: ("advanced", "Seasonal work visas with Italy.", "")}
    )
    page = signed_in_page(writer)
    page.goto(f"{live_server.url}/en/reviews/{report.review_id}/report/en/")
    material = page.get_by_role("complementary")
    material.get_by_text(re.compile(r"^5 .*\(1\)$")).click()
    expect(material.get_by_text("Seasonal work visas with Italy.")).to_be_visible()
    expect(
        material.get_by_role("link", name="Every submission on this objective, in full")
    ).to_be_visible()
