"""Configuration fails loudly, and production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "GCM_ENV": "production",
    "SECRET_KEY": "k" * 20 + "a-long-random-secret-used-only-in-this-test-0123456789",
    "ALLOWED_HOSTS": "reviews.example.org",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
}
# Set by the test suite for Playwright; a deployment never has it.
HIDDEN = {
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "GCM_ENV",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in HIDDEN}
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_without_secret_key_stops():
    result = run_manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_debug():
    result = run_manage("check", **{**PRODUCTION, "DEBUG": "true"})
    assert result.returncode != 0
    assert "DEBUG must be false in production" in result.stderr


def test_production_without_shared_cache_stops():
    result = run_manage("check", **{**PRODUCTION, "CACHE_URL": ""})
    assert result.returncode != 0
    assert "CACHE_URL must be set in production" in result.stderr


def test_malformed_boolean_stops_with_the_variable_named():
    result = run_manage("check", REQUIRE_STAFF_MFA="sometimes")
    assert result.returncode != 0
    assert "REQUIRE_STAFF_MFA='sometimes' is not a boolean" in result.stderr


def test_malformed_database_url_stops_with_the_variable_named():
    result = run_manage("check", DATABASE_URL="mysql-ish:/nowhere")
    assert result.returncode != 0
    assert "DATABASE_URL='mysql-ish:/nowhere' is not a database URL" in result.stderr


def test_unknown_mode_stops():
    result = run_manage("check", GCM_ENV="staging")
    assert result.returncode != 0
    assert "GCM_ENV='staging'" in result.stderr


def test_development_needs_no_configuration():
    result = run_manage("check")
    assert result.returncode == 0, result.stderr


def test_production_without_mail_server_stops():
    result = run_manage("check", **{**PRODUCTION, "EMAIL_URL": ""})
    assert result.returncode != 0
    assert "EMAIL_URL must be set in production" in result.stderr


PUSH = {
    "KNOWLEDGE_PUSH_URL": "https://platform.example.org/hooks/gcm",
    "KNOWLEDGE_PUSH_SECRET": "s" * 32,
    "SITE_URL": "https://reviews.example.org",
}


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        (
            {**PUSH, "KNOWLEDGE_PUSH_SECRET": ""},
            "KNOWLEDGE_PUSH_URL and KNOWLEDGE_PUSH_SECRET are set together",
        ),
        (
            {**PUSH, "KNOWLEDGE_PUSH_SECRET": "short"},
            "KNOWLEDGE_PUSH_SECRET must be at least 32 characters",
        ),
        ({**PUSH, "SITE_URL": ""}, "SITE_URL must be set when KNOWLEDGE_PUSH_URL is"),
        (
            {**PUSH, "KNOWLEDGE_PUSH_URL": "file:///etc/passwd"},
            "KNOWLEDGE_PUSH_URL='file:///etc/passwd' is not a web address",
        ),
    ],
)
def test_half_configured_knowledge_push_stops(environment, message):
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert message in result.stderr


def test_configured_knowledge_push_passes_the_checks():
    result = run_manage("check", **PUSH)
    assert result.returncode == 0, result.stderr
