"""Schedule the periodic tasks in django-celery-beat's DatabaseScheduler (SPEC 4).

Created here rather than by hand in the admin, so every installation has the same schedule.
Re-running updates the rows in place.
"""

from django.db import migrations

from programs.beat import SCHEDULE, install_schedule


def schedule(apps, schema_editor):
    install_schedule(
        apps.get_model("django_celery_beat", "IntervalSchedule"),
        apps.get_model("django_celery_beat", "PeriodicTask"),
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, _, _ in SCHEDULE]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0004_reminders_and_digests"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
