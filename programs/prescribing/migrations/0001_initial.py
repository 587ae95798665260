"""Programs, their items and history, and clinic templates move here from the programs app.

Their tables keep their names (each model's db_table), so this migration changes the project's
state only: the database already holds these tables, made by the programs app's migrations.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('clinic', '0005_clinician_digest_opt_out'),
        ('library', '0001_initial'),
        ('patients', '0004_date_of_birth_validator'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('programs', '0008_outbox'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Program',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('active', 'Active'), ('paused', 'Paused'), ('completed', 'Completed')], default='draft', max_length=16)),
                        ('tier', models.CharField(choices=[('none', 'None (prevention)'), ('mild', 'Mild'), ('moderate', 'Moderate'), ('severe', 'Severe')], max_length=16)),
                        ('start_date', models.DateField(default=django.utils.timezone.localdate)),
                        ('end_date', models.DateField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('activated_at', models.DateTimeField(blank=True, null=True)),
                        ('completed_at', models.DateTimeField(blank=True, null=True)),
                        ('assessment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='programs', to='patients.assessment')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('patient', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='programs', to='patients.patient')),
                    ],
                    options={
                        'db_table': 'programs_program',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='ProgramItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('order', models.PositiveSmallIntegerField()),
                        ('notes', models.CharField(blank=True, max_length=300)),
                        ('sets', models.PositiveSmallIntegerField()),
                        ('reps', models.PositiveSmallIntegerField()),
                        ('hold_seconds', models.PositiveSmallIntegerField()),
                        ('sessions_per_day', models.PositiveSmallIntegerField()),
                        ('days_per_week', models.PositiveSmallIntegerField()),
                        ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='library.exercise')),
                        ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='prescribing.program')),
                    ],
                    options={
                        'db_table': 'programs_programitem',
                        'ordering': ['order', 'id'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='DosageChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('old', models.JSONField()),
                        ('new', models.JSONField()),
                        ('reason', models.CharField(max_length=500)),
                        ('changed_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='library.exercise')),
                        ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dosage_changes', to='prescribing.program')),
                        ('item', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='dosage_changes', to='prescribing.programitem')),
                    ],
                    options={
                        'db_table': 'programs_dosagechange',
                        'ordering': ['-changed_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='ProgramStatusChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_status', models.CharField(choices=[('draft', 'Draft'), ('active', 'Active'), ('paused', 'Paused'), ('completed', 'Completed')], max_length=16)),
                        ('to_status', models.CharField(choices=[('draft', 'Draft'), ('active', 'Active'), ('paused', 'Paused'), ('completed', 'Completed')], max_length=16)),
                        ('cause', models.CharField(choices=[('clinician', 'Clinician'), ('red_flag', 'Red flag recorded'), ('emergency_flag', 'Emergency red flag recorded'), ('emergency_symptom', 'Emergency symptom reported by the patient'), ('replaced', 'Another program was activated')], default='clinician', max_length=24)),
                        ('reason', models.CharField(blank=True, max_length=500)),
                        ('changed_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('program', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='status_changes', to='prescribing.program')),
                    ],
                    options={
                        'db_table': 'programs_programstatuschange',
                        'ordering': ['-changed_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='ProgramTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120)),
                        ('tier', models.CharField(choices=[('none', 'None (prevention)'), ('mild', 'Mild'), ('moderate', 'Moderate'), ('severe', 'Severe')], max_length=16)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('clinic', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='templates', to='clinic.clinic')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'programs_programtemplate',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='TemplateItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('order', models.PositiveSmallIntegerField()),
                        ('notes', models.CharField(blank=True, max_length=300)),
                        ('sets', models.PositiveSmallIntegerField()),
                        ('reps', models.PositiveSmallIntegerField()),
                        ('hold_seconds', models.PositiveSmallIntegerField()),
                        ('sessions_per_day', models.PositiveSmallIntegerField()),
                        ('days_per_week', models.PositiveSmallIntegerField()),
                        ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='library.exercise')),
                        ('template', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='prescribing.programtemplate')),
                    ],
                    options={
                        'db_table': 'programs_templateitem',
                        'ordering': ['order', 'id'],
                        'abstract': False,
                    },
                ),
                migrations.AddConstraint(
                    model_name='program',
                    constraint=models.UniqueConstraint(condition=models.Q(('status', 'active')), fields=('patient',), name='program_one_active_per_patient', violation_error_message='This patient already has an active program.'),
                ),
                migrations.AddConstraint(
                    model_name='program',
                    constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'active', 'paused', 'completed'])), name='program_status_valid'),
                ),
                migrations.AddConstraint(
                    model_name='program',
                    constraint=models.CheckConstraint(condition=models.Q(('tier__in', ['none', 'mild', 'moderate', 'severe'])), name='program_tier_valid'),
                ),
                migrations.AddConstraint(
                    model_name='program',
                    constraint=models.CheckConstraint(condition=models.Q(('end_date__isnull', True), ('end_date__gte', models.F('start_date')), _connector='OR'), name='program_end_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='programitem',
                    constraint=models.CheckConstraint(condition=models.Q(('sets__gte', 1), ('sets__lte', 10)), name='programitem_sets_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='programitem',
                    constraint=models.CheckConstraint(condition=models.Q(('reps__gte', 1), ('reps__lte', 50)), name='programitem_reps_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='programitem',
                    constraint=models.CheckConstraint(condition=models.Q(('hold_seconds__gte', 0), ('hold_seconds__lte', 600)), name='programitem_hold_seconds_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='programitem',
                    constraint=models.CheckConstraint(condition=models.Q(('sessions_per_day__gte', 1), ('sessions_per_day__lte', 6)), name='programitem_sessions_per_day_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='programitem',
                    constraint=models.CheckConstraint(condition=models.Q(('days_per_week__gte', 1), ('days_per_week__lte', 7)), name='programitem_days_per_week_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='dosagechange',
                    constraint=models.CheckConstraint(condition=models.Q(('reason', ''), _negated=True), name='dosagechange_reason_required'),
                ),
                migrations.AddIndex(
                    model_name='programstatuschange',
                    index=models.Index(fields=['program', '-changed_at'], name='programstatus_recent'),
                ),
                migrations.AddConstraint(
                    model_name='programtemplate',
                    constraint=models.UniqueConstraint(fields=('clinic', 'name'), name='template_name_unique_per_clinic', violation_error_message='Your clinic already has a template with this name.'),
                ),
                migrations.AddConstraint(
                    model_name='programtemplate',
                    constraint=models.CheckConstraint(condition=models.Q(('tier__in', ['none', 'mild', 'moderate', 'severe'])), name='template_tier_valid'),
                ),
                migrations.AddConstraint(
                    model_name='templateitem',
                    constraint=models.CheckConstraint(condition=models.Q(('sets__gte', 1), ('sets__lte', 10)), name='templateitem_sets_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='templateitem',
                    constraint=models.CheckConstraint(condition=models.Q(('reps__gte', 1), ('reps__lte', 50)), name='templateitem_reps_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='templateitem',
                    constraint=models.CheckConstraint(condition=models.Q(('hold_seconds__gte', 0), ('hold_seconds__lte', 600)), name='templateitem_hold_seconds_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='templateitem',
                    constraint=models.CheckConstraint(condition=models.Q(('sessions_per_day__gte', 1), ('sessions_per_day__lte', 6)), name='templateitem_sessions_per_day_in_bounds'),
                ),
                migrations.AddConstraint(
                    model_name='templateitem',
                    constraint=models.CheckConstraint(condition=models.Q(('days_per_week__gte', 1), ('days_per_week__lte', 7)), name='templateitem_days_per_week_in_bounds'),
                ),
            ],
            database_operations=[],
        ),
    ]
