"""Twelve more standard exercises (mobility, stretches, strengthening) join the library.

Apart from 0003's schema changes: PostgreSQL refuses to alter a table with pending trigger
events, which deleting rows on the way back would leave in the same transaction.
"""

from django.db import migrations

from programs.library.standard import seed_standard_library


def seed(apps, schema_editor):
    seed_standard_library(apps.get_model("library", "Exercise"))


def unseed(apps, schema_editor):
    # Going back: the older constraints refuse the new exercises' dosage profiles.
    apps.get_model("library", "Exercise").objects.filter(
        clinic=None, in_generated_program=False
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("library", "0003_exercise_source_and_profiles")]

    operations = [migrations.RunPython(seed, unseed)]
