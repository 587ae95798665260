"""Settings of bench/scale.py: production settings (DEBUG off, PostgreSQL with prepared
statements, Redis cache, the cached template loader Django uses whenever `loaders` is not set),
runnable on a laptop without a proxy or collected static files."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

# The test client's host; requests are sent as HTTPS (secure=True), so the redirect stays on.
ALLOWED_HOSTS = ["testserver"]
# Without `collectstatic` the manifest storage has no manifest; plain URLs cost the same.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # nothing collected: WhiteNoise serves no files (and warns of none)
# The seeded users' passwords: hashed once each, and nobody signs in with them.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
