"""Settings shared by every environment; each value comes from the environment or a safe default."""

from pathlib import Path
from typing import Any

import environ
import xstatic.pkg.bootstrap
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .beat import BEAT_SCHEDULE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-only-key-do-not-use-in-production")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    # Model translations (exercise and education texts): before the admin, which it patches.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    # TOTP two-factor sign-in with single-use backup codes (SPEC 6).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_celery_beat",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    # The ground floor, then each floor above it (imports run down only: see tests/test_layers.py).
    "clinic",
    "patients",
    "programs",
    "programs.library",
    "programs.prescribing",
    "programs.education",
    "programs.followup",
    "programs.reminders",
    "programs.outcomes",
    "programs.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy, Permissions-Policy and no-store on every dynamic answer.
    "csp.middleware.CSPMiddleware",
    "config.headers.PrivacyHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database outage met in a view answers 503 with Retry-After, not a server error.
    "config.errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's language (Accept-Language, or the language cookie) for clinicians and
    # visitors; then a signed-in patient's own language, which the session remembers.
    "django.middleware.locale.LocaleMiddleware",
    "patients.middleware.PatientLanguageMiddleware",
    # Runs after the view (its response pass comes before SessionMiddleware saves).
    "config.sessions.IdleSessionRefreshMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks the user verified when the session passed the two-factor step (user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def with_prepared_statements(database: dict) -> dict:
    """On PostgreSQL, bind parameters on the server so that psycopg prepares the statements a
    connection repeats (from their fifth run) and PostgreSQL stops parsing and planning them
    again: half its work for the API's patients list (bench/api.py).

    DATABASE_PREPARED_STATEMENTS=false turns this off behind a pooler that cannot keep
    prepared statements (PgBouncer before 1.21 in transaction mode).
    """
    if database["ENGINE"] == "django.db.backends.postgresql" and env.bool(
        "DATABASE_PREPARED_STATEMENTS", default=True
    ):
        database.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
    return database


def database_settings(database: dict) -> dict:
    """A database URL's settings as the app runs them: on PostgreSQL with prepared statements,
    and on Django's backend reading timestamps with psycopg's compiled parser (config/database).
    """
    database = with_prepared_statements(database)
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["ENGINE"] = "config.database"
    return database


DATABASES = {
    "default": database_settings(
        env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'backstrong.sqlite3'}")
    ),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share one SQLite file in `make run`: WAL lets readers and the
    # writer work at once, IMMEDIATE takes the write lock up front instead of failing late.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "clinic.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out login is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Clinician sessions end after 30 minutes without a request (SPEC 6).
SESSION_COOKIE_AGE = 30 * 60
# Each request restarts the 30 minutes, but the row is saved at most once a minute
# (config.sessions), not on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling: five failures for one account from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The login form posts the email in a field named "username" (Django's AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
# Normalises what axes records (its column is 255 wide; any input must answer the form).
AXES_USERNAME_CALLABLE = "clinic.signin.lockout_username"
# Per client address, whatever the account: wrong passwords or codes in 15 minutes, and
# password reset requests an hour; and reset emails an hour to one account.
SIGNIN_ADDRESS_FAILURE_LIMIT = env.int("SIGNIN_ADDRESS_FAILURE_LIMIT", default=20)
PASSWORD_RESET_ADDRESS_LIMIT = env.int("PASSWORD_RESET_ADDRESS_LIMIT", default=5)
PASSWORD_RESET_ACCOUNT_LIMIT = env.int("PASSWORD_RESET_ACCOUNT_LIMIT", default=3)

# Two-factor codes: the authenticator app's name, and the growing wait after each wrong code
# (django-otp doubles it per failure); wrong codes also count toward the lockout above.
OTP_TOTP_ISSUER = "Backstrong"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# How long the password step of a two-factor sign-in stays good for the code step.
TWO_FACTOR_PENDING_SECONDS = 5 * 60

# Content-Security-Policy (django-csp): scripts only from the app's own files (a nonce for the
# rare inline one; none today), nothing from elsewhere, no framing. Styles allow inline: the
# SVG charts carry a scoped <style>, and the API docs page one of its own; script is what XSS
# needs, and it has no inline way in.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features the app never uses, refused to every page and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()"
)

LANGUAGE_CODE = "en-gb"
# The patient's language (SPEC 3): English is the source; the others live in locale/*.po.
LANGUAGES = [
    ("en-gb", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Exercise texts in every language (django-modeltranslation, programs/library/translation.py).
# The clinic writes in the source language; a missing translation falls back to it, and the
# pages say so (programs.library.translations.exercise_text).
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
# Dates, times and numbers follow the active language; config/formats holds the few formats
# where Django's own are not what clinics use (a 24-hour clock in British English).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT: Path | None = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Clinics' photos and videos of exercises. Never served from MEDIA_URL: only the app's views
# stream them, to those allowed to see them (programs.library.views.media_file_response).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media-is-not-served/"


def media_storage(environ: environ.Env) -> dict[str, Any] | None:
    """S3 (or any S3-compatible store) for the uploads when MEDIA_S3_BUCKET is set."""
    bucket = environ("MEDIA_S3_BUCKET", default="")
    if not bucket:
        return None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": environ("MEDIA_S3_ENDPOINT_URL", default=None),
            "region_name": environ("MEDIA_S3_REGION", default=None),
            "location": environ("MEDIA_S3_PREFIX", default="media"),
            "default_acl": "private",  # never public; the app streams what it may show
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


STORAGES["default"] = media_storage(env) or STORAGES["default"]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"


def default_public_base_url(port: str | None) -> str:
    """Where `make run` serves the app. The port travels as BACKSTRONG_PORT to the web server
    and the worker alike (Procfile.dev), so the worker's emails link where the app is."""
    return f"http://127.0.0.1:{port or 8000}"


# Where links in emails point: the address patients and clinicians use to reach the app.
PUBLIC_BASE_URL = env(
    "PUBLIC_BASE_URL", default=default_public_base_url(env("BACKSTRONG_PORT", default=None))
)

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Backstrong <no-reply@backstrong.local>")

# Celery: Redis in production; kombu's filesystem transport when nothing else is configured,
# so `make run` needs no broker server.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_FOLDER = Path(env("CELERY_BROKER_FOLDER", default=str(VAR_DIR / "broker")))
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER / "queue"),
        "data_folder_out": str(CELERY_BROKER_FOLDER / "queue"),
        "processed_folder": str(CELERY_BROKER_FOLDER / "processed"),
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # Longer than the longest task's time limit, so an unacknowledged task is redelivered
        # only when its worker is really gone.
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        # Redis ignores CELERY_BROKER_CONNECTION_TIMEOUT; this is its connect timeout.
        "socket_connect_timeout": env.float("CELERY_BROKER_CONNECT_TIMEOUT", default=0.3),
    }
# A request publishes its tasks after commit: with the broker down, publishing gives up within
# about a second (three tries of a short connect) and the outbox sweep sends the email later
# (clinic/outbox.py), instead of the request hanging on kombu's defaults (4 s a try).
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECT_TIMEOUT", default=0.3)
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The periodic tasks (SPEC 4), declared in config/settings/beat.py.
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE
CELERY_TIMEZONE = "UTC"
# Reminders: how many go in one task (one SMTP connection each), how many times a failed send
# is retried, and how late a reminder may still go out after its slot (beat hiccups).
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=500)
REMINDER_MAX_ATTEMPTS = env.int("REMINDER_MAX_ATTEMPTS", default=5)
REMINDER_GRACE_MINUTES = env.int("REMINDER_GRACE_MINUTES", default=15)

# REST API (SPEC 5). Authentication classes, throttles and the schema are configured here;
# the endpoints live in each app's api/ package and are mounted in config/api_urls.py.
REST_FRAMEWORK = {
    # Bearer first: its WWW-Authenticate header makes a request without credentials a 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "clinic.api.authentication.BearerAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # the browser; enforces CSRF
    ],
    # Deny by default: every endpoint needs a clinician or a clinic API key unless it says not.
    "DEFAULT_PERMISSION_CLASSES": ["clinic.api.permissions.ClinicAccess"],
    "DEFAULT_SCHEMA_CLASS": "clinic.api.schema.BackstrongAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["clinic.api.parsers.StrictJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "clinic.api.pagination.ApiPagination",
    "EXCEPTION_HANDLER": "clinic.api.errors.api_exception_handler",
    "DEFAULT_METADATA_CLASS": "clinic.api.metadata.ApiMetadata",
    "DEFAULT_THROTTLE_CLASSES": [
        "clinic.api.throttling.CredentialRateThrottle",
        "clinic.api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "api": env("API_THROTTLE_RATE", default="600/min"),
        "api_anonymous": env("API_ANONYMOUS_THROTTLE_RATE", default="60/min"),
        "api_token": env("API_TOKEN_THROTTLE_RATE", default="10/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Backstrong API",
    "DESCRIPTION": "Patients, assessments, exercise programs and session logs of one clinic.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# How long a process remembers a verified API token or key; a revocation reaches other
# processes within this many seconds (the process that revokes forgets at once).
API_CREDENTIAL_CACHE_SECONDS = env.int("API_CREDENTIAL_CACHE_SECONDS", default=10)
# Largest JSON body the API accepts (Django answers larger ones with 400).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=256 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
