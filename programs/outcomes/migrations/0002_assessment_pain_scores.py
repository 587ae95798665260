"""Each existing assessment's pain becomes an NPRS outcome score, as new assessments' do."""

from django.db import migrations


def forwards(apps, schema_editor):
    Assessment = apps.get_model("patients", "Assessment")
    OutcomeScore = apps.get_model("outcomes", "OutcomeScore")
    Program = apps.get_model("prescribing", "Program")
    batch = []
    for assessment in Assessment.objects.filter(outcome_score__isnull=True).iterator():
        program = (
            Program.objects.filter(patient_id=assessment.patient_id, status="active").first()
            or Program.objects.filter(patient_id=assessment.patient_id)
            .exclude(status="draft")
            .order_by("-created_at", "-id")
            .first()
        )
        batch.append(
            OutcomeScore(
                patient_id=assessment.patient_id,
                program=program,
                instrument="nprs",
                score=assessment.pain_level,
                taken_at=assessment.assessed_at,
                source="assessment",
                assessment=assessment,
                entered_by_id=assessment.assessed_by_id,
            )
        )
        if len(batch) >= 1000:
            OutcomeScore.objects.bulk_create(batch)
            batch = []
    OutcomeScore.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
