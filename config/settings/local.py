"""Settings for `make run` on a laptop: debug on, embedded SQLite and filesystem broker."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)

# Static files come from the finders here; no collectstatic output exists to serve.
STATIC_ROOT = None
