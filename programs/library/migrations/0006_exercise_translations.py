"""A column per language for the exercise texts (django-modeltranslation).

Existing rows migrate in place: the source-language columns are filled from the original ones,
as modeltranslation's `update_translation_fields` command would, so nothing is lost or blank.
"""

from django.db import migrations, models

from programs.library.translations import fill_source_language_columns


def fill(apps, schema_editor):
    fill_source_language_columns(apps.get_model("library", "Exercise"))


class Migration(migrations.Migration):

    dependencies = [
        ('library', '0005_exercise_media'),
    ]

    operations = [
        migrations.AddField(
            model_name='exercise',
            name='cautions_de',
            field=models.TextField(blank=True, help_text='One safety point per line.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='cautions_en_gb',
            field=models.TextField(blank=True, help_text='One safety point per line.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='cautions_es',
            field=models.TextField(blank=True, help_text='One safety point per line.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='cautions_fr',
            field=models.TextField(blank=True, help_text='One safety point per line.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='instructions_de',
            field=models.TextField(help_text='One step per line, in plain patient language.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='instructions_en_gb',
            field=models.TextField(help_text='One step per line, in plain patient language.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='instructions_es',
            field=models.TextField(help_text='One step per line, in plain patient language.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='instructions_fr',
            field=models.TextField(help_text='One step per line, in plain patient language.', null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='name_de',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='name_en_gb',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='name_es',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='name_fr',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='summary_de',
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='summary_en_gb',
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='summary_es',
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.AddField(
            model_name='exercise',
            name='summary_fr',
            field=models.CharField(blank=True, max_length=300, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
