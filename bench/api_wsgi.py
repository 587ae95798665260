"""WSGI entry point of bench/api.py's gunicorn: config/wsgi.py's, with the bench's settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.api_settings"

application = get_wsgi_application()

from config.startup import freeze_startup_objects  # noqa: E402 - needs the apps loaded

freeze_startup_objects()  # as config/wsgi.py does
