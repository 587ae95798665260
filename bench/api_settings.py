"""Settings of bench/api.py's gunicorn: production settings plus one bare JSON view."""

from config.settings.production import *  # noqa: F403
from config.settings.production import DATABASES, env

ROOT_URLCONF = "bench.api_urls"

# `bench/api.py --server-side-binding`: what psycopg's prepared statements would change.
if env.bool("BENCH_SERVER_SIDE_BINDING", default=False):
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
