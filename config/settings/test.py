"""Settings for the test suite: real PostgreSQL and Redis whenever they are reachable.

Under CI=true both are required; a missing one stops the run instead of quietly testing
against SQLite or an in-memory broker.
"""

import socket
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR, database_settings, env

CI = env.bool("CI", default=False)
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/backstrong"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


_database_url = env("DATABASE_URL", default=DEFAULT_DATABASE_URL)
if _database_url.startswith("sqlite"):
    if CI:
        raise ImproperlyConfigured("CI=true needs PostgreSQL; DATABASE_URL points at SQLite.")
    TEST_DATABASE_BACKEND = "sqlite"
elif _reachable(_database_url, 5432):
    TEST_DATABASE_BACKEND = "postgresql"
elif CI:
    raise ImproperlyConfigured(f"CI=true and PostgreSQL is unreachable at {_database_url}.")
else:
    _database_url = f"sqlite:///{VAR_DIR / 'test.sqlite3'}"
    TEST_DATABASE_BACKEND = "sqlite (PostgreSQL unreachable)"
DATABASES = {"default": database_settings(env.db_url_config(_database_url))}

REDIS_URL = env("REDIS_URL", default=DEFAULT_REDIS_URL)
if _reachable(REDIS_URL, 6379):
    TEST_REDIS_BACKEND = "redis"
    CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        # The crash test needs a killed worker's unacknowledged batch back within seconds.
        "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
        "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
        # A worker killed during a restore sweep leaves kombu's sweep lock held this long.
        "unacked_mutex_expire": env.int("CELERY_UNACKED_MUTEX_EXPIRE", default=300),
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "backstrong-test",
        }
    }
elif CI:
    raise ImproperlyConfigured(f"CI=true and Redis is unreachable at {REDIS_URL}.")
else:
    TEST_REDIS_BACKEND = "memory (Redis unreachable)"
    CELERY_BROKER_URL = "memory://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {}

SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
DEBUG = False
# Argon2 is deliberately slow; tests create hundreds of users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Overridable so that a Celery worker started by a test can write mail where the test reads.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "test-mail"))
# Uploads go to a throwaway folder (tests point MEDIA_ROOT at their own tmp_path).
MEDIA_ROOT = VAR_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Static files come from the finders here; no collectstatic output exists to serve.
STATIC_ROOT = None

# Unit tests run tasks in-process when their transaction commits; the Celery integration
# tests start a real worker on the real Redis broker instead.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
PUBLIC_BASE_URL = "http://testserver"

# REST API: rates high enough that the schemathesis run is never throttled; the throttling
# tests set their own.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_THROTTLE_RATES": {
        "api": "100000/min",
        "api_anonymous": "100000/min",
        "api_token": "100000/min",
    },
}

# Tests revoke credentials directly in the database and expect the next request refused.
API_CREDENTIAL_CACHE_SECONDS = 0
