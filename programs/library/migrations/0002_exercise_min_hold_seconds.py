"""Each exercise carries its minimum hold, which the engine, progression and services read."""

from django.db import migrations, models

from programs.library.standard import seed_standard_library


def seed(apps, schema_editor):
    # The standard exercises gain their minimum hold (prone on elbows: 10 s).
    seed_standard_library(apps.get_model("library", "Exercise"))


class Migration(migrations.Migration):

    dependencies = [
        ('clinic', '0005_clinician_digest_opt_out'),
        ('library', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='exercise',
            name='min_hold_seconds',
            field=models.PositiveSmallIntegerField(default=0, help_text='Every dosage of it is held at least this long; 0 for none.', verbose_name='minimum hold (seconds)'),
        ),
        migrations.AddConstraint(
            model_name='exercise',
            constraint=models.CheckConstraint(condition=models.Q(('min_hold_seconds__lte', 600)), name='exercise_min_hold_in_bounds'),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
