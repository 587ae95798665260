"""Programs was one app; its models now live in the apps nested under it (library,
prescribing, followup, reminders), which take them over with their tables, rows and names
(their own 0001 migrations). This migration lets go of them in the programs app's state only:
the database keeps every table and row.

Content types follow the models to their new apps, so admin history and permissions that name
them stay attached.
"""

from django.db import migrations

# Where each model went (lower-case model names, as content types store them).
MOVED = {
    "library": ["exercise"],
    "prescribing": [
        "program",
        "programitem",
        "dosagechange",
        "programstatuschange",
        "programtemplate",
        "templateitem",
    ],
    "followup": ["sessionlog", "sessionitemlog", "suggestion", "alert"],
    "reminders": ["reminderpreference", "reminder", "cliniciandigest"],
}


def move_content_types(apps, schema_editor, *, forwards=True):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, models in MOVED.items():
        old, new = ("programs", app_label) if forwards else (app_label, "programs")
        for model in models:
            # A row under the new label already exists only if post_migrate made one first.
            if not ContentType.objects.filter(app_label=new, model=model).exists():
                ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):

    dependencies = [
        ("programs", "0008_outbox"),
        ("library", "0001_initial"),
        ("prescribing", "0001_initial"),
        ("followup", "0001_initial"),
        ("reminders", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='cliniciandigest',
                    name='clinician',
                ),
                migrations.RemoveField(
                    model_name='dosagechange',
                    name='changed_by',
                ),
                migrations.RemoveField(
                    model_name='dosagechange',
                    name='exercise',
                ),
                migrations.RemoveField(
                    model_name='dosagechange',
                    name='item',
                ),
                migrations.RemoveField(
                    model_name='dosagechange',
                    name='program',
                ),
                migrations.RemoveField(
                    model_name='exercise',
                    name='clinic',
                ),
                migrations.RemoveField(
                    model_name='sessionitemlog',
                    name='exercise',
                ),
                migrations.RemoveField(
                    model_name='programitem',
                    name='exercise',
                ),
                migrations.RemoveField(
                    model_name='templateitem',
                    name='exercise',
                ),
                migrations.RemoveField(
                    model_name='program',
                    name='assessment',
                ),
                migrations.RemoveField(
                    model_name='program',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='program',
                    name='patient',
                ),
                migrations.RemoveField(
                    model_name='programstatuschange',
                    name='program',
                ),
                migrations.RemoveField(
                    model_name='programitem',
                    name='program',
                ),
                migrations.RemoveField(
                    model_name='suggestion',
                    name='program',
                ),
                migrations.RemoveField(
                    model_name='sessionlog',
                    name='program',
                ),
                migrations.RemoveField(
                    model_name='sessionitemlog',
                    name='item',
                ),
                migrations.RemoveField(
                    model_name='programstatuschange',
                    name='changed_by',
                ),
                migrations.RemoveField(
                    model_name='programtemplate',
                    name='clinic',
                ),
                migrations.RemoveField(
                    model_name='programtemplate',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='templateitem',
                    name='template',
                ),
                migrations.RemoveField(
                    model_name='reminder',
                    name='patient',
                ),
                migrations.RemoveField(
                    model_name='reminderpreference',
                    name='patient',
                ),
                migrations.RemoveField(
                    model_name='sessionitemlog',
                    name='session',
                ),
                migrations.RemoveField(
                    model_name='sessionlog',
                    name='patient',
                ),
                migrations.RemoveField(
                    model_name='sessionlog',
                    name='recorded_by',
                ),
                migrations.RemoveField(
                    model_name='suggestion',
                    name='session',
                ),
                migrations.RemoveField(
                    model_name='suggestion',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='suggestion',
                    name='patient',
                ),
                migrations.DeleteModel(
                    name='Alert',
                ),
                migrations.DeleteModel(
                    name='ClinicianDigest',
                ),
                migrations.DeleteModel(
                    name='DosageChange',
                ),
                migrations.DeleteModel(
                    name='Exercise',
                ),
                migrations.DeleteModel(
                    name='Program',
                ),
                migrations.DeleteModel(
                    name='ProgramItem',
                ),
                migrations.DeleteModel(
                    name='ProgramStatusChange',
                ),
                migrations.DeleteModel(
                    name='ProgramTemplate',
                ),
                migrations.DeleteModel(
                    name='TemplateItem',
                ),
                migrations.DeleteModel(
                    name='Reminder',
                ),
                migrations.DeleteModel(
                    name='ReminderPreference',
                ),
                migrations.DeleteModel(
                    name='SessionItemLog',
                ),
                migrations.DeleteModel(
                    name='SessionLog',
                ),
                migrations.DeleteModel(
                    name='Suggestion',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
