"""Settings for `make bench`: the production settings (the runner sets GCM_ENV=production and the
variables it requires), plus a bare view in the URLconf. One change to the application: the open
data API's anonymous rate limit, which would otherwise answer the benchmark's one client with 429
after 120 requests a minute."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
# Per second, not per minute: DRF's throttle keeps the time of every request in its window, read
# and written back on each request, so a minute's window at the benchmark's rate would grow to
# tens of thousands of entries and measure that list instead of the API. The throttle still runs.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/s"},
}
