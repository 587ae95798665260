"""Beat's rows that an earlier release installed name the tasks by their old module
(programs.tasks); point them at the reminders app, so that workers of this release know them
even before beat restarts and rewrites the schedule from settings."""

from django.db import migrations

OLD_MODULE = "programs.tasks."
NEW_MODULE = "programs.reminders.tasks."
TASKS = (
    "dispatch_reminders_task",
    "check_inactivity_task",
    "dispatch_digests_task",
    "sweep_outbox_task",
)


def rename(apps, schema_editor, *, old=OLD_MODULE, new=NEW_MODULE):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name in TASKS:
        PeriodicTask.objects.filter(task=old + name).update(task=new + name)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW_MODULE, new=OLD_MODULE)


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
