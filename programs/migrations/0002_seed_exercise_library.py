"""Seed the standard exercise library (SPEC 2.3); re-running updates the rows in place."""

from django.db import migrations

from programs.library.standard import seed_standard_library


def seed(apps, schema_editor):
    seed_standard_library(apps.get_model("programs", "Exercise"))


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
