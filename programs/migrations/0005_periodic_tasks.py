"""Schedule the periodic tasks in django-celery-beat's DatabaseScheduler (SPEC 4).

Created here rather than by hand in the admin, so every installation has the same schedule.
Re-running updates the rows in place.
"""

from django.db import migrations

SCHEDULE = [
    # (name, task, every N seconds)
    ("Dispatch due reminders", "programs.tasks.dispatch_reminders_task", 60),
    ("Missed-session nudges and inactivity alerts", "programs.tasks.check_inactivity_task", 1800),
    ("Clinician daily digests", "programs.tasks.dispatch_digests_task", 300),
]


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, seconds in SCHEDULE:
        interval, _ = IntervalSchedule.objects.get_or_create(every=seconds, period="seconds")
        PeriodicTask.objects.update_or_create(
            name=name,
            defaults={"task": task, "interval": interval, "enabled": True, "expires": None},
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
