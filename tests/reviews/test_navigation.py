"""The workspace tabs come from the registry that each app fills; reviews names no later app."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from reference.models import Commission, Country
from reviews.navigation import registered_tabs, tabs_for
from tests.factories import commission_secretariat, focal_point, make_review

TAB = re.compile(r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>')


@pytest.mark.django_db
def test_secretariat_sees_the_tabs_of_every_app_in_order(client, reference_data):
    review = make_review("ECE")
    client.force_login(commission_secretariat(Commission.objects.get(code="ECE")))
    html = client.get(reverse("submissions:queue", args=[review.pk])).content.decode()
    start = html.index('<nav class="tabs"')
    nav = html[start : html.index("</nav>", start)]
    base = f"/en/reviews/{review.pk}"
    assert TAB.findall(nav) == [
        (f"{base}/dashboard/", "", "Dashboard"),
        (f"{base}/edit/", "", "Meeting"),
        (f"{base}/roadmap/", "", "Roadmap"),
        (f"{base}/roundtables/", "", "Round tables"),
        (f"{base}/programme/", "", "Programme"),
        (f"{base}/nominations/", "", "Nominations"),
        (f"{base}/checklist/", "", "Checklist"),
        (f"{base}/documents/", "", "Documents"),
        (f"{base}/funding/", "", "Travel funding"),
        (f"{base}/submissions/", ' aria-current="page"', "Submissions"),
        (f"{base}/events/", "", "Registrations"),
        (f"{base}/outbox/", "", "Outbox"),
        (f"{base}/report/", "", "Report"),
        (f"{base}/publishing/", "", "Publishing"),
        (f"{base}/", "", "Public page"),
    ]


@pytest.mark.django_db
def test_tabs_are_shown_only_with_their_permission(reference_data):
    review = make_review("ECE")
    outsider = focal_point(Country.objects.get(iso3="FRA"))
    assert tabs_for(outsider, review, "/") == []


def test_submissions_registers_its_tabs_in_its_app_config():
    tabs = {tab.name: tab.url_name for tab in registered_tabs()}
    assert tabs["submissions"] == "submissions:queue"
    assert tabs["outbox"] == "outbox:messages"
    assert tabs["report"] == "reports:report"


def test_reviews_never_refers_to_the_apps_built_on_it():
    root = Path(settings.BASE_DIR)
    files = [
        *(root / "reviews").rglob("*.py"),
        *(root / "outbox").rglob("*.py"),
        *(root / "templates" / "reviews").rglob("*.html"),
    ]
    later = r"(submissions|stakeholders)"
    offending = [
        str(path.relative_to(root))
        for path in files
        if re.search(rf"'{later}:|\"{later}:|^\s*(from|import) {later}", path.read_text(), re.M)
    ]
    assert len(files) > 20
    assert offending == []
