"""Settings for gcm-reviews, fed by the environment.

GCM_ENV selects the mode: "development" (the default, safe on a laptop) or "production"
(secrets required, HTTPS-only cookies, HSTS). Every variable is listed in README.md.
"""

import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.string("GCM_VAR_DIR") or BASE_DIR / "var")

GCM_ENV = env.string("GCM_ENV", "development")
if GCM_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(f"GCM_ENV={GCM_ENV!r}: use 'development' or 'production'.")
PRODUCTION = GCM_ENV == "production"


def _development_secret_key() -> str:
    # A random key kept per checkout, so no shared insecure key ever exists.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


if PRODUCTION:
    SECRET_KEY = env.required("SECRET_KEY", "in production (50 or more random characters)")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long in production.")
else:
    SECRET_KEY = env.string("SECRET_KEY") or _development_secret_key()

DEBUG = env.boolean("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be false in production.")

if PRODUCTION:
    ALLOWED_HOSTS = env.listing("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (comma-separated).")
else:
    ALLOWED_HOSTS = env.listing("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.listing("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Full-text search's index expressions (knowledge); inert on SQLite.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "reference",
    "accounts",
    "reviews",
    "outbox",
    "submissions",
    "budgets",
    "stakeholders",
    "reports",
    "knowledge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.layout",
                "accounts.context_processors.roles",
            ],
            # Tags shared by every app live in core, which is not an installed app.
            "libraries": {"richtext": "core.templatetags.richtext"},
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names a PostgreSQL server.
DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.integer("DATABASE_CONN_MAX_AGE", 60, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: backs allauth's rate limits, so production needs one shared by every process.
if env.is_set("CACHE_URL"):
    CACHES = {"default": {**env.cache("CACHE_URL"), "BACKEND": "config.cache.RedisCache"}}
elif PRODUCTION:
    raise ImproperlyConfigured(
        "CACHE_URL must be set in production (redis://host:6379/1): "
        "rate limits need a cache shared by every process."
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail is the login and must be verified; answers never reveal
# whether an address is known.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "GCM regional reviews"
# Secretariat roles must set up two-factor authentication before anything else.
REQUIRE_STAFF_MFA = env.boolean("REQUIRE_STAFF_MFA", default=PRODUCTION)

# Languages: the six official languages of the United Nations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
# Figures are grouped by thousands in every language (config/formats: Django groups none in Arabic
# and by ten thousands in Chinese).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
# Where Django's own formats of a language do not separate thousands (ar, zh_Hans).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.string("STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# E-mail: printed to the console unless an SMTP server is configured.
if PRODUCTION and not env.is_set("EMAIL_URL"):
    raise ImproperlyConfigured(
        "EMAIL_URL must be set in production (smtp+tls://user:pass@host:587)."
    )
MAILERS = {
    "default": (
        env.mailer("EMAIL_URL")
        if env.is_set("EMAIL_URL")
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "GCM regional reviews <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: on Redis when a broker is configured, otherwise tasks run in-process.
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND") or CELERY_BROKER_URL or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
if PRODUCTION and not CELERY_BROKER_URL:
    raise ImproperlyConfigured("CELERY_BROKER_URL must be set in production (redis://host:6379/0).")

# Printed documents (reports.printing): a render past the soft limit fails its job with a message;
# the hard limit ends the worker process. The broker hands an unacknowledged task to another
# worker only after its visibility timeout, which must outlast any task (system check).
PRINT_SOFT_TIME_LIMIT = env.integer("PRINT_SOFT_TIME_LIMIT", 240, minimum=1)
PRINT_TIME_LIMIT = env.integer("PRINT_TIME_LIMIT", PRINT_SOFT_TIME_LIMIT + 60, minimum=1)
PRINT_FILES_KEPT_DAYS = env.integer("PRINT_FILES_KEPT_DAYS", 30, minimum=1)
# A lost worker's tasks are looked for every interval × throttle seconds (kombu's defaults).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.integer("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1),
    "unacked_restore_interval": env.integer("CELERY_UNACKED_RESTORE_INTERVAL", 10, minimum=1),
    "unacked_restore_throttle": env.integer("CELERY_UNACKED_RESTORE_THROTTLE", 10, minimum=1),
}

# The address of this application as the public reaches it (https://reviews.example.org), for
# links sent to other systems.
SITE_URL = env.web_address("SITE_URL")

# Push to an external knowledge platform (knowledge/push/): every publication and withdrawal is
# POSTed there, signed with the shared secret, when both are set. A failed delivery is tried again
# after the back-off (seconds), doubled each time, up to the number of attempts.
KNOWLEDGE_PUSH_URL = env.web_address("KNOWLEDGE_PUSH_URL")
KNOWLEDGE_PUSH_SECRET = env.string("KNOWLEDGE_PUSH_SECRET")
KNOWLEDGE_PUSH_MAX_ATTEMPTS = env.integer("KNOWLEDGE_PUSH_MAX_ATTEMPTS", 8, minimum=1)
KNOWLEDGE_PUSH_BACKOFF = env.integer("KNOWLEDGE_PUSH_BACKOFF", 30, minimum=1)
if bool(KNOWLEDGE_PUSH_URL) != bool(KNOWLEDGE_PUSH_SECRET):
    raise ImproperlyConfigured(
        "KNOWLEDGE_PUSH_URL and KNOWLEDGE_PUSH_SECRET are set together, or neither is."
    )
if KNOWLEDGE_PUSH_SECRET and len(KNOWLEDGE_PUSH_SECRET) < 32:
    raise ImproperlyConfigured("KNOWLEDGE_PUSH_SECRET must be at least 32 characters long.")
if KNOWLEDGE_PUSH_URL and not SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL must be set when KNOWLEDGE_PUSH_URL is: the push sends public addresses."
    )

# Participants' personal data is removed this many days after the end of the event they
# registered for (stakeholders.tasks, run daily by Celery beat); anonymous counts stay.
PERSONAL_DATA_RETENTION_DAYS = env.integer("PERSONAL_DATA_RETENTION_DAYS", 365, minimum=0)

# The open data API (knowledge/api): read-only and anonymous, so it authenticates nobody and
# never reads a session or a CSRF token. A view must say who may read it: the default refuses.
API_ANON_REQUESTS_PER_MINUTE = env.integer("API_ANON_REQUESTS_PER_MINUTE", 120, minimum=1)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The browsable API needs inline scripts, which the Content Security Policy forbids.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["knowledge.api.throttling.AnonymousReaderThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": f"{API_ANON_REQUESTS_PER_MINUTE}/min"},
    # Clients are told apart by REMOTE_ADDR, or, behind this many proxies of ours, by the address
    # they put in X-Forwarded-For (never the whole header, which a client could vary at will).
    "NUM_PROXIES": env.integer("API_TRUSTED_PROXIES", 0, minimum=0),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": _("GCM regional reviews: open data"),
    "DESCRIPTION": _(
        "What the knowledge platform publishes from the regional reviews of the Global Compact "
        "for Migration: public reviews, outcome reports, inputs, documents and the 23 objectives. "
        "Read-only, anonymous, in the six official languages of the United Nations."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No call to an outside validator: the Content Security Policy allows this site only.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
}

# Content Security Policy: nothing inline, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sessions are read from the cache on every request and written through to the database,
# so they survive a restart or an emptied cache.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Secure-sessionid"
    CSRF_COOKIE_NAME = "__Secure-csrftoken"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "print_progress": {"class": "reports.printing.progress.PageProgressHandler"},
    },
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every page it lays out: the job's progress, not the console's business.
    "loggers": {
        "weasyprint.progress": {
            "level": "INFO",
            "handlers": ["print_progress"],
            "propagate": False,
        }
    },
}
