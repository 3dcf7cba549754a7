"""The secretariat filters the review queue in the browser: only the table is replaced."""

import pytest
from playwright.sync_api import expect

from reference.models import Commission, Country
from submissions import services
from tests.factories import commission_secretariat, make_voluntary_review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_queue_filter_swaps_the_table_in_place(
    signed_in_page, live_server, transactional_reference_data
):
    submitted = make_voluntary_review("MEX", "ECLAC")
    for section in submitted.sections.all():
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    services.submit_submission(submission=submitted, actor=None)
    services.start_submission(
        kind="voluntary_review",
        review=submitted.review,
        language="es",
        country=Country.objects.get(iso3="ARG"),
        actor=None,
    )
    staff = commission_secretariat(Commission.objects.get(code="ECLAC"))
    page = signed_in_page(staff)
    page.goto(f"{live_server.url}/en/reviews/{submitted.review.pk}/submissions/")
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name="Voluntary GCM review: Argentina")).to_be_visible()
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Status").select_option("submitted")

    expect(table.get_by_role("link", name="Voluntary GCM review: Argentina")).to_have_count(0)
    expect(table.get_by_role("link", name="Voluntary GCM review: Mexico")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    assert page.url.endswith("?kind=&status=submitted")
    page.reload()
    expect(page.get_by_label("Status")).to_have_value("submitted")
    expect(table.get_by_role("link", name="Voluntary GCM review: Argentina")).to_have_count(0)
