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
    assert "Labour mobility &lt;schemes&gt;" in page
    assert "Seasonal visas" in page
    assert "Not accepted yet" not in page
    assert "Mexico, objective 5: advanced" in page
    assert "Mexico, objective 23: planned" in page
    assert "Chile, objective" not in page


def count_queries(client, review) -> int:
    editor(client, review)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("reports:edit", args=[review.pk, "en"]))
    return len(queries.captured_queries)


def test_the_editor_queries_do_not_grow_with_the_submissions(client, secretariat, review, settings):
    # No kept body: the page is rendered from the data each time.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client.force_login(secretariat)
    progress = {
        number: (ImplementationStatus.IN_PROGRESS, f"Narrative {number}", "Practice")
        for number in range(1, 24)
    }
    accepted_voluntary_review(review, COUNTRIES[0], progress)
    small = count_queries(client, review)
    for iso3 in COUNTRIES[1:]:
        accepted_voluntary_review(review, iso3, progress)
    assert count_queries(client, review) == small
    assert editor(client, review).count("Narrative 23") == len(COUNTRIES)
