"""The Spanish, French and German texts of the standard exercises, for existing databases."""

from django.db import migrations

from programs.library.standard import seed_standard_library


def seed(apps, schema_editor):
    seed_standard_library(apps.get_model("library", "Exercise"))


class Migration(migrations.Migration):
    dependencies = [("library", "0006_exercise_translations")]

    # Going back, 0006 drops the columns that hold them.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
