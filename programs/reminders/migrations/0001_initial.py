"""Reminder preferences, reminders and digests move here from the programs app.

Their tables keep their names (each model's db_table), so this migration changes the project's
state only: the database already holds these tables, made by the programs app's migrations.
"""

import django.db.models.deletion
import django.utils.timezone
import programs.reminders.models
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('clinic', '0005_clinician_digest_opt_out'),
        ('patients', '0004_date_of_birth_validator'),
        ('programs', '0008_outbox'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReminderPreference',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('enabled', models.BooleanField(default=True)),
                        ('times', models.JSONField(default=programs.reminders.models._default_times)),
                        ('weekdays', models.JSONField(default=programs.reminders.models._all_days)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('patient', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_preference', to='patients.patient')),
                    ],
                    options={
                        'db_table': 'programs_reminderpreference',
                    },
                ),
                migrations.CreateModel(
                    name='ClinicianDigest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('local_date', models.DateField()),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('alert_count', models.PositiveIntegerField(default=0)),
                        ('claimed_at', models.DateTimeField(blank=True, null=True)),
                        ('claimed_by', models.CharField(blank=True, max_length=64)),
                        ('clinician', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='digests', to='clinic.clinician')),
                    ],
                    options={
                        'db_table': 'programs_cliniciandigest',
                        'ordering': ['-local_date'],
                        'indexes': [models.Index(condition=models.Q(('sent_at__isnull', True)), fields=['created_at'], name='digest_unsent')],
                        'constraints': [models.UniqueConstraint(fields=('clinician', 'local_date'), name='digest_once_per_clinician_day')],
                    },
                ),
                migrations.CreateModel(
                    name='Reminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('session', 'Session reminder'), ('nudge', 'Missed-session nudge')], default='session', max_length=16)),
                        ('slot', models.DateTimeField(help_text='The scheduled instant (UTC).')),
                        ('status', models.CharField(choices=[('pending', 'Pending'), ('queued', 'Queued'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed')], default='pending', max_length=16)),
                        ('claimed_by', models.CharField(blank=True, max_length=64)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('last_error', models.CharField(blank=True, max_length=300)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('queued_at', models.DateTimeField(blank=True, null=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('patient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='patients.patient')),
                    ],
                    options={
                        'db_table': 'programs_reminder',
                        'ordering': ['-slot', '-id'],
                        'indexes': [models.Index(fields=['status', 'queued_at'], name='programs_re_status_ee505b_idx'), models.Index(fields=['-created_at'], name='programs_re_created_c5de7c_idx')],
                        'constraints': [models.UniqueConstraint(fields=('patient', 'kind', 'slot'), name='reminder_once_per_patient_slot'), models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'queued', 'sending', 'sent', 'failed'])), name='reminder_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('sent_at__isnull', False), ('status', 'sent')), models.Q(('status', 'sent'), _negated=True), _connector='OR'), name='reminder_sent_has_time')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
