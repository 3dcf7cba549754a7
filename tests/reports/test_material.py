"""Beside the editor: per objective, what the accepted submissions of the region say."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reference.models import Commission
from reports import services
from submissions.enums import ImplementationStatus, SubmissionStatus
from submissions.models import Submission
from tests.factories import commission_secretariat, make_review
from tests.reports.report_builders import accepted_voluntary_review

pytestmark = pytest.mark.django_db

COUNTRIES = ["MEX", "CHL", "COL", "PER", "ARG"]


@pytest.fixture
def secretariat(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


@pytest.fixture
def review(secretariat):
    review = make_review("ECLAC")
    services.start_report(review=review, language="en", actor=secretariat)
    return review


def editor(client, review):
    return client.get(reverse("reports:edit", args=[review.pk, "en"])).content.decode()


def material(client, review, number: int, **headers) -> str:
    url = reverse("reports:material", args=[review.pk, number])
    return client.get(url, headers=headers).content.decode()


def test_the_editor_shows_what_accepted_submissions_say(client, secretariat, review):
    accepted_voluntary_review(
        review,
        "MEX",
        {
            5: (ImplementationStatus.ADVANCED, "Labour mobility <schemes>", "Seasonal visas"),
            23: (ImplementationStatus.PLANNED, "Bilateral agreements", ""),
        },
    )
    draft = accepted_voluntary_review(
        review, "CHL", {5: (ImplementationStatus.NOT_STARTED, "Not accepted yet", "")}
    )
    Submission.objects.filter(pk=draft.pk).update(status=SubmissionStatus.SUBMITTED)
    client.force_login(secretariat)
    page = editor(client, review)
    # The list of objectives with how many submissions address each, and the heat map.
    assert "Mexico, objective 5: advanced" in page
    assert "Mexico, objective 23: planned" in page
    assert "Chile, objective" not in page
    assert f'hx-get="{reverse("reports:material", args=[review.pk, 5])}"' in page
    # What they say is loaded when an objective is opened: a fragment for htmx, a page without.
    fragment = material(client, review, 5, HX_Request="true")
    assert "<html" not in fragment
    assert "Labour mobility &lt;schemes&gt;" in fragment
    assert "Seasonal visas" in fragment
    assert "Not accepted yet" not in fragment
    assert "Labour mobility &lt;schemes&gt;" in material(client, review, 5)
    assert "No accepted submission addresses this objective." in material(client, review, 7)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_editor_queries_do_not_grow_with_the_submissions(client, secretariat, review, settings):
    # No kept body: the page is rendered from the data each time.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client.force_login(secretariat)
    progress = {
        number: (ImplementationStatus.IN_PROGRESS, f"Narrative {number}", "Practice")
        for number in range(1, 24)
    }
    urls = [
        reverse("reports:edit", args=[review.pk, "en"]),
        reverse("reports:material", args=[review.pk, 23]),
    ]
    accepted_voluntary_review(review, COUNTRIES[0], progress)
    small = [count_queries(client, url) for url in urls]
    for iso3 in COUNTRIES[1:]:
        accepted_voluntary_review(review, iso3, progress)
    assert [count_queries(client, url) for url in urls] == small
    assert material(client, review, 23).count("Narrative 23") == len(COUNTRIES)
    assert editor(client, review).count(f'<span class="note">({len(COUNTRIES)})</span>') == 23
