"""Urgent alert emails and clinicians' digests become outbox rows (clinic/outbox.py); beat runs
the sweep that sends what a broker outage left unsent (CELERY_BEAT_SCHEDULE).

Existing emergency alerts that are open and were never emailed are sent by the first sweep:
their email was lost (the publish failed after commit), which is what the sweep is for.
"""

from django.db import migrations, models

# The schedule itself now lives in settings (CELERY_BEAT_SCHEDULE), which beat installs when it
# starts; this migration, already applied where the schedule was once installed here, adds none.


class Migration(migrations.Migration):

    dependencies = [
        ("clinic", "0005_clinician_digest_opt_out"),
        ("patients", "0003_invitation_outbox"),
        ("programs", "0007_program_status_changes"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.AddField(
            model_name="alert",
            name="email_claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="alert",
            name="email_claimed_by",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="cliniciandigest",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="cliniciandigest",
            name="claimed_by",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(
                condition=models.Q(
                    ("emailed_at__isnull", True),
                    ("kind", "emergency_symptom"),
                    ("resolved_at__isnull", True),
                ),
                fields=["created_at"],
                name="alert_email_unsent",
            ),
        ),
        migrations.AddIndex(
            model_name="cliniciandigest",
            index=models.Index(
                condition=models.Q(("sent_at__isnull", True)),
                fields=["created_at"],
                name="digest_unsent",
            ),
        ),
    ]
