"""Once installed the periodic tasks of beat; the schedule now lives in settings
(CELERY_BEAT_SCHEDULE), which django-celery-beat's DatabaseScheduler writes into its tables when
beat starts. Kept, empty, so that the migration history stays whole."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0004_reminders_and_digests"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = []
