"""The standard education pages for every clinic's patients."""

from django.db import migrations

from programs.education.standard import seed_standard_pages


def seed(apps, schema_editor):
    seed_standard_pages(apps.get_model("education", "EducationPage"))


def unseed(apps, schema_editor):
    apps.get_model("education", "EducationPage").objects.filter(clinic=None).delete()


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
