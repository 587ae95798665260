"""Settings for `make run` on a laptop: debug on, embedded SQLite and filesystem broker."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)

# Static files come from the finders here; no collectstatic output exists to serve.
STATIC_ROOT = None

# The console backend prints emails in the terminal; the file backend, if chosen, writes here.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
