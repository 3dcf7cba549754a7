"""Every operation of the API's OpenAPI schema, called with values drawn from the schema itself,
answers as documented: its status codes, content types and response bodies.

The operations are walked by hand: schemathesis' lazy pytest loader (from_fixture) sets a node
attribute that pytest 9 no longer has.
"""

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck

from tests.knowledge.test_api import every_public_thing, public_review, published_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema(reference_data, settings):
    # Hundreds of requests in a few seconds: the rate limit is tested on its own.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/min"},
    }
    every_public_thing()
    published_input(public_review("ESCAP", slug="2024-2025"), "PHL", (2, 7))
    # The application is called as a server calls it; like Django's test client, it must not
    # close the test's database connection (and with it the test's transaction) after a request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi(
        f"{reverse('api:schema')}?format=json", get_wsgi_application()
    )
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_answers_as_documented(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]

    for operation in operations:

        @hypothesis.given(case=operation.as_strategy())
        @hypothesis.settings(
            max_examples=20,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def answers_as_documented(case):
            # A well-formed code that names no commission, cycle or country is refused (400, as
            # documented): the schema cannot list codes that live in the data.
            case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])

        answers_as_documented()

    assert len(operations) == 12
