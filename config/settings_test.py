"""Settings for the test suite: the same as development, with fast hashing and captured mail."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
REQUIRE_STAFF_MFA = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Tasks run in-process in tests; the worker test switches this off for itself.
CELERY_TASK_ALWAYS_EAGER = True
# Live-server threads must not keep connections open past a test, or the test database
# cannot be dropped at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
