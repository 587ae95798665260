"""Settings of bench/api.py's gunicorn: production settings plus one bare JSON view."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
