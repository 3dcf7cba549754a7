"""One checklist item's status, set from its row: in place with htmx, by a plain post without."""

import pytest
from django.urls import reverse

from reference.models import Commission
from tests.factories import commission_secretariat, make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(reference_data):
    return make_review("ECE")


@pytest.fixture
def staff(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECE"))


def status_url(review, item):
    return reverse("reviews:checklist_status", args=[review.pk, item.pk])


def test_plain_post_sets_the_status_and_returns_to_the_row(client, review, staff):
    item = review.checklist_items.get(key="interactive-debates")
    client.force_login(staff)
    response = client.post(status_url(review, item), {"version": 1, "status": "done"})
    assert response["Location"] == (
        reverse("reviews:checklist", args=[review.pk]) + f"#item-{item.pk}"
    )
    item.refresh_from_db()
    assert (item.status, item.version) == ("done", 2)


def test_htmx_post_answers_the_row_alone(client, review, staff):
    item = review.checklist_items.get(key="interactive-debates")
    client.force_login(staff)
    response = client.post(
        status_url(review, item), {"version": 1, "status": "done"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode().strip()
    assert response.status_code == 200
    assert html.startswith(f'<li id="item-{item.pk}" class="checklist-item status-done">')
    assert html.endswith("</li>")
    assert f'<input type="hidden" name="version" value="2" id="item-{item.pk}-version">' in html
    assert "<html" not in html


def test_htmx_post_over_a_newer_version_shows_the_conflict_in_the_row(client, review, staff):
    item = review.checklist_items.get(key="interactive-debates")
    client.force_login(staff)
    client.post(status_url(review, item), {"version": 1, "status": "done"})
    response = client.post(
        status_url(review, item),
        {"version": 1, "status": "not_applicable"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Someone else saved this while you were editing it." in html
    assert f'<li id="item-{item.pk}" class="checklist-item status-done">' in html
    item.refresh_from_db()
    assert item.status == "done"


def test_another_commission_cannot_set_a_status(client, review):
    item = review.checklist_items.get(key="interactive-debates")
    client.force_login(commission_secretariat(Commission.objects.get(code="ECA")))
    response = client.post(status_url(review, item), {"version": 1, "status": "done"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == "not_started"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_status_changes_in_place_in_the_browser(page, live_server, review, staff):
    from playwright.sync_api import expect

    from tests.signing_in import sign_in_with_session

    sign_in_with_session(page, live_server, staff)
    page.goto(f"{live_server.url}{reverse('reviews:checklist', args=[review.pk])}")
    page.evaluate("window.checklistNotReloaded = true")
    row = page.get_by_role("listitem").filter(has_text="Debates are interactive")

    def shown(status):  # the row's status as it reads, not the choices of its drop-down list
        return row.get_by_text(status, exact=True).filter(visible=True)

    expect(shown("not started")).to_be_visible()

    row.get_by_label("Status").select_option("done")
    row.get_by_role("button", name="Save").click()

    expect(shown("done")).to_be_visible()
    expect(shown("not started")).to_have_count(0)
    expect(row.get_by_label("Status")).to_have_value("done")
    assert page.evaluate("window.checklistNotReloaded") is True
    item = review.checklist_items.get(key="interactive-debates")
    assert (item.status, item.version) == ("done", 2)
