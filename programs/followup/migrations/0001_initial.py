"""Session logs, suggestions and alerts move here from the programs app.

Their tables keep their names (each model's db_table), so this migration changes the project's
state only: the database already holds these tables, made by the programs app's migrations.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('clinic', '0005_clinician_digest_opt_out'),
        ('patients', '0004_date_of_birth_validator'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('library', '0001_initial'),
        ('prescribing', '0001_initial'),
        ('programs', '0008_outbox'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SessionItemLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('completed', models.BooleanField()),
                        ('sets_done', models.PositiveSmallIntegerField(default=0)),
                        ('reps_done', models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'programs_sessionitemlog',
                        'ordering': ['id'],
                    },
                ),
                migrations.CreateModel(
                    name='SessionLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('performed_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('local_date', models.DateField()),
                        ('pain_before', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10)])),
                        ('pain_after', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10)])),
                        ('pain_next_morning', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10)])),
                        ('symptoms', models.JSONField(blank=True, default=list)),
                        ('notes', models.TextField(blank=True, max_length=2000)),
                        ('client_token', models.UUIDField(default=uuid.uuid4)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'programs_sessionlog',
                        'ordering': ['-performed_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='Suggestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('progress', 'Progress'), ('regress', 'Regress')], max_length=16)),
                        ('status', models.CharField(choices=[('pending', 'Pending'), ('accepted', 'Accepted'), ('declined', 'Declined')], default='pending', max_length=16)),
                        ('reason', models.CharField(max_length=500)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('decision_reason', models.CharField(blank=True, max_length=500)),
                    ],
                    options={
                        'db_table': 'programs_suggestion',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='Alert',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('emergency_symptom', 'Emergency symptom'), ('red_session', 'Red session'), ('pain_spike', 'Pain spike'), ('inactivity', 'Inactivity')], max_length=32)),
                        ('message', models.CharField(max_length=500)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('resolved_at', models.DateTimeField(blank=True, null=True)),
                        ('emailed_at', models.DateTimeField(blank=True, null=True)),
                        ('email_claimed_at', models.DateTimeField(blank=True, null=True)),
                        ('email_claimed_by', models.CharField(blank=True, max_length=64)),
                        ('clinic', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='alerts', to='clinic.clinic')),
                        ('patient', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='alerts', to='patients.patient')),
                        ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'programs_alert',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.AddField(
                    model_name='sessionitemlog',
                    name='exercise',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='library.exercise'),
                ),
                migrations.AddField(
                    model_name='sessionitemlog',
                    name='item',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='logs', to='prescribing.programitem'),
                ),
                migrations.AddField(
                    model_name='sessionlog',
                    name='patient',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='patients.patient'),
                ),
                migrations.AddField(
                    model_name='sessionlog',
                    name='program',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='prescribing.program'),
                ),
                migrations.AddField(
                    model_name='sessionlog',
                    name='recorded_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AddField(
                    model_name='sessionitemlog',
                    name='session',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='followup.sessionlog'),
                ),
                migrations.AddField(
                    model_name='alert',
                    name='session',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='alerts', to='followup.sessionlog'),
                ),
                migrations.AddField(
                    model_name='suggestion',
                    name='decided_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AddField(
                    model_name='suggestion',
                    name='patient',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='suggestions', to='patients.patient'),
                ),
                migrations.AddField(
                    model_name='suggestion',
                    name='program',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='suggestions', to='prescribing.program'),
                ),
                migrations.AddField(
                    model_name='suggestion',
                    name='session',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='suggestions', to='followup.sessionlog'),
                ),
                migrations.AddIndex(
                    model_name='sessionlog',
                    index=models.Index(fields=['patient', '-performed_at'], name='programs_se_patient_6d8efe_idx'),
                ),
                migrations.AddIndex(
                    model_name='sessionlog',
                    index=models.Index(fields=['program', 'local_date'], name='programs_se_program_76f092_idx'),
                ),
                migrations.AddConstraint(
                    model_name='sessionlog',
                    constraint=models.UniqueConstraint(fields=('patient', 'client_token'), name='sessionlog_one_per_client_token'),
                ),
                migrations.AddConstraint(
                    model_name='sessionlog',
                    constraint=models.CheckConstraint(condition=models.Q(('pain_before__gte', 0), ('pain_before__lte', 10)), name='sessionlog_pain_before_0_10'),
                ),
                migrations.AddConstraint(
                    model_name='sessionlog',
                    constraint=models.CheckConstraint(condition=models.Q(('pain_after__gte', 0), ('pain_after__lte', 10)), name='sessionlog_pain_after_0_10'),
                ),
                migrations.AddConstraint(
                    model_name='sessionlog',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('pain_next_morning__gte', 0), ('pain_next_morning__lte', 10)), ('pain_next_morning__isnull', True), _connector='OR'), name='sessionlog_pain_next_morning_0_10'),
                ),
                migrations.AddConstraint(
                    model_name='sessionitemlog',
                    constraint=models.CheckConstraint(condition=models.Q(('reps_done__lte', 200), ('sets_done__lte', 20)), name='sessionitemlog_sane'),
                ),
                migrations.AddIndex(
                    model_name='alert',
                    index=models.Index(fields=['clinic', 'resolved_at'], name='programs_al_clinic__a3824c_idx'),
                ),
                migrations.AddIndex(
                    model_name='alert',
                    index=models.Index(condition=models.Q(('emailed_at__isnull', True), ('kind', 'emergency_symptom'), ('resolved_at__isnull', True)), fields=['created_at'], name='alert_email_unsent'),
                ),
                migrations.AddConstraint(
                    model_name='alert',
                    constraint=models.UniqueConstraint(condition=models.Q(('session__isnull', False)), fields=('session', 'kind'), name='alert_one_per_session_and_kind'),
                ),
                migrations.AddConstraint(
                    model_name='alert',
                    constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['emergency_symptom', 'red_session', 'pain_spike', 'inactivity'])), name='alert_kind_valid'),
                ),
                migrations.AddConstraint(
                    model_name='suggestion',
                    constraint=models.UniqueConstraint(condition=models.Q(('status', 'pending')), fields=('program',), name='suggestion_one_pending_per_program'),
                ),
                migrations.AddConstraint(
                    model_name='suggestion',
                    constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['progress', 'regress'])), name='suggestion_kind_valid'),
                ),
                migrations.AddConstraint(
                    model_name='suggestion',
                    constraint=models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'accepted', 'declined'])), name='suggestion_status_valid'),
                ),
            ],
            database_operations=[],
        ),
    ]
