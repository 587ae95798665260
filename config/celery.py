"""The Celery application; configuration comes from Django settings prefixed CELERY_."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("backstrong")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
def load_urlconf(**_kwargs) -> None:
    """Import the URLconf in the worker's main process, before it starts its pool: emails
    carry links, and otherwise the first task of every pool process imports every view
    module first (about a second without bytecode caches, bench/reminders.py)."""
    from config.startup import load_views

    load_views()
