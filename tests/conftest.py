import os
import shutil

import pytest
from django.core.cache import cache
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; ORM calls in the same test
# body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def service_missing(reason: str) -> None:
    """Skip on a laptop without the service; fail in CI, where every service is required."""
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES is set but {reason}")
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        service_missing(f"Chromium is not installed at {CHROMIUM}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def signed_in_page(new_context, live_server):
    """Opens a page in a browser window of its own, with `user` signed in by a session cookie."""
    from tests.signing_in import sign_in_with_session

    def open_page(user):
        page = new_context().new_page()
        sign_in_with_session(page, live_server, user)
        return page

    return open_page


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request leaves its language active in the thread; each test starts in English.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reference_data(db):
    from reference.loading import load_reference

    load_reference()


@pytest.fixture
def transactional_reference_data(transactional_db):
    from reference.loading import load_reference

    load_reference()


@pytest.fixture(scope="session", autouse=True)
def _no_connection_outlives_the_test_database(django_db_setup, django_db_blocker):
    # A live-server handler thread that ends abruptly (a browser closing mid-request) can leave an
    # idle PostgreSQL session behind, which would stop the test database from being dropped.
    yield
    from django.db import connection, connections

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        connections.close_all()
