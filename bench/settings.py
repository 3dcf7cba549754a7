"""Settings for `make bench`: the production settings (the runner sets GCM_ENV=production and the
variables it requires), plus a bare view in the URLconf. Nothing here changes the application."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
