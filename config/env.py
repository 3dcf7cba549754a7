"""Strict readers of the environment: a malformed value stops start-up with a clear message."""

import os
from typing import Any
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

_env = environ.Env()


def is_set(name: str) -> bool:
    return bool(os.environ.get(name, "").strip())


def string(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def boolean(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of true/false, yes/no, on/off, 1/0."
    )


def integer(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def listing(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def required(name: str, why: str) -> str:
    value = string(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set {why}.")
    return value


def web_address(name: str) -> str:
    """An http:// or https:// address with a host, without its trailing slash; "" when unset."""
    raw = string(name)
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a web address: expected https://host/path."
        )
    return raw.rstrip("/")


def database(name: str, default: str) -> dict[str, Any]:
    raw = string(name) or default
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a database URL: expected postgres://user@host:port/name "
            "or sqlite:////absolute/path."
        )
    try:
        return _env.db_url_config(raw)
    except Exception as error:  # django-environ raises several types for bad URLs
        raise ImproperlyConfigured(f"{name}={raw!r} is malformed: {error}") from None


def cache(name: str) -> dict[str, Any]:
    raw = string(name)
    if not raw.startswith(("redis://", "rediss://")):
        raise ImproperlyConfigured(f"{name}={raw!r} must be a redis:// or rediss:// URL.")
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}


def mailer(name: str) -> dict[str, Any]:
    """A Django MAILERS entry from smtp://user:password@host:port (smtp+tls:// or smtp+ssl://)."""
    raw = string(name)
    try:
        config = _env.email_url_config(raw)
    except Exception as error:  # django-environ raises several types for bad URLs
        raise ImproperlyConfigured(f"{name}={raw!r} is malformed: {error}") from None
    if not config.get("EMAIL_HOST"):
        raise ImproperlyConfigured(
            f"{name}={raw!r} names no host: expected smtp://user:pass@host:port."
        )
    return {
        "BACKEND": config["EMAIL_BACKEND"],
        "OPTIONS": {
            "host": config["EMAIL_HOST"],
            "port": config.get("EMAIL_PORT") or 25,
            "username": config.get("EMAIL_HOST_USER") or "",
            "password": config.get("EMAIL_HOST_PASSWORD") or "",
            "use_tls": bool(config.get("EMAIL_USE_TLS")),
            "use_ssl": bool(config.get("EMAIL_USE_SSL")),
            "timeout": 20,
        },
    }
