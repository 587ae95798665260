"""WSGI entry point of bench/api.py's gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.api_settings"

application = get_wsgi_application()
