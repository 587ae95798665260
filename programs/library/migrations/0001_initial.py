"""The exercise library's models move here from the programs app (one app then).

Their tables keep their names (each model's db_table), so this migration changes the project's
state only: the database already holds these tables, made by the programs app's migrations.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('clinic', '0005_clinician_digest_opt_out'),
        ('programs', '0008_outbox'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Exercise',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(max_length=80)),
                        ('name', models.CharField(max_length=120)),
                        ('summary', models.CharField(blank=True, max_length=300)),
                        ('instructions', models.TextField(help_text='One step per line, in plain patient language.')),
                        ('cautions', models.TextField(blank=True, help_text='One safety point per line.')),
                        ('category', models.CharField(choices=[('extension', 'Extension'), ('core', 'Core'), ('mobility', 'Mobility')], max_length=16)),
                        ('position', models.CharField(choices=[('prone', 'Lying face down'), ('standing', 'Standing'), ('supine', 'Lying on the back'), ('side', 'Lying on the side'), ('quadruped', 'Hands and knees')], max_length=16)),
                        ('progression_order', models.PositiveSmallIntegerField(help_text='Place in the progression within its category: 1 comes first.')),
                        ('dosage_profile', models.CharField(choices=[('rest_position', 'Rest position (prone lying)'), ('extension_hold', 'Extension hold'), ('press_up', 'Press-up'), ('standing_extension', 'Standing extension'), ('bracing', 'Abdominal bracing'), ('core_endurance', 'Core endurance')], max_length=32)),
                        ('max_tier', models.CharField(choices=[('none', 'None (prevention)'), ('mild', 'Mild'), ('moderate', 'Moderate'), ('severe', 'Severe')], help_text='The worst tier at which this exercise may be prescribed.', max_length=16, verbose_name='safe up to tier')),
                        ('loads_flexion', models.BooleanField(default=False, help_text='Flexion is ruled out for disc conditions at tier moderate or severe.', verbose_name='bends the spine forward')),
                        ('prone_alternative', models.BooleanField(default=False, help_text='Generated programs include it only for patients who cannot lie prone.')),
                        ('illustration', models.CharField(blank=True, help_text='Path of the picture under static/.', max_length=200)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('clinic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='exercises', to='clinic.clinic')),
                    ],
                    options={
                        'db_table': 'programs_exercise',
                        'ordering': ['category', 'progression_order', 'name'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('clinic__isnull', True)), fields=('slug',), name='exercise_library_slug_unique'), models.UniqueConstraint(condition=models.Q(('clinic__isnull', False)), fields=('clinic', 'slug'), name='exercise_clinic_slug_unique'), models.CheckConstraint(condition=models.Q(('category__in', ['extension', 'core', 'mobility'])), name='exercise_category_valid'), models.CheckConstraint(condition=models.Q(('position__in', ['prone', 'standing', 'supine', 'side', 'quadruped'])), name='exercise_position_valid'), models.CheckConstraint(condition=models.Q(('dosage_profile__in', ['rest_position', 'extension_hold', 'press_up', 'standing_extension', 'bracing', 'core_endurance'])), name='exercise_profile_valid'), models.CheckConstraint(condition=models.Q(('max_tier__in', ['none', 'mild', 'moderate', 'severe'])), name='exercise_max_tier_valid')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
