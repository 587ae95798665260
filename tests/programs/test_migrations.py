"""Existing installations migrate in place: a database populated at the last release before
programs was split into nested apps keeps every row, and the rows read back through the new
apps' models with their relations whole."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

# The newest migration of each app at that release; the nested apps did not exist yet.
BEFORE_SPLIT = [
    ("clinic", "0005_clinician_digest_opt_out"),
    ("patients", "0004_date_of_birth_validator"),
    ("programs", "0008_outbox"),
    ("library", None),
    ("prescribing", None),
    ("followup", None),
    ("reminders", None),
]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _populate(apps) -> dict[str, int]:
    """One row of every moved model, made with the models as they were at that release."""
    model = apps.get_model
    now = timezone.now()
    clinic = model("clinic", "Clinic").objects.create(name="Old Clinic", timezone="Europe/London")
    user = model("clinic", "User").objects.create(email="old@example.com", full_name="Dr Old")
    clinician = model("clinic", "Clinician").objects.create(user=user, clinic=clinic)
    patient = model("patients", "Patient").objects.create(
        clinic=clinic,
        first_name="Olga",
        last_name="Older",
        date_of_birth=datetime.date(1970, 1, 1),
        timezone="Europe/London",
        condition="muscle_strain",
        region="lower_back",
    )
    assessment = model("patients", "Assessment").objects.create(
        patient=patient, injury_severity="mild", pain_level=3, tier="mild"
    )
    exercise = model("programs", "Exercise").objects.get(clinic=None, slug="prone-on-elbows")
    dosage = {"sets": 1, "reps": 10, "hold_seconds": 10, "sessions_per_day": 3, "days_per_week": 7}
    program = model("programs", "Program").objects.create(
        patient=patient, status="active", tier="mild", assessment=assessment, created_by=user
    )
    item = model("programs", "ProgramItem").objects.create(
        program=program, exercise=exercise, order=1, **dosage
    )
    change = model("programs", "DosageChange").objects.create(
        program=program, item=item, exercise=exercise, old=dosage, new=dosage, reason="why"
    )
    status = model("programs", "ProgramStatusChange").objects.create(
        program=program, from_status="draft", to_status="active", changed_by=user
    )
    template = model("programs", "ProgramTemplate").objects.create(
        clinic=clinic, name="Base", tier="mild", created_by=user
    )
    template_item = model("programs", "TemplateItem").objects.create(
        template=template, exercise=exercise, order=1, **dosage
    )
    session = model("programs", "SessionLog").objects.create(
        patient=patient, program=program, local_date=now.date(), pain_before=2, pain_after=6
    )
    session_item = model("programs", "SessionItemLog").objects.create(
        session=session, item=item, exercise=exercise, completed=True, sets_done=1, reps_done=10
    )
    suggestion = model("programs", "Suggestion").objects.create(
        program=program, patient=patient, kind="regress", reason="Step back", session=session
    )
    alert = model("programs", "Alert").objects.create(
        clinic=clinic, patient=patient, kind="red_session", message="Pain 6", session=session
    )
    preference = model("programs", "ReminderPreference").objects.create(patient=patient)
    reminder = model("programs", "Reminder").objects.create(patient=patient, slot=now)
    digest = model("programs", "ClinicianDigest").objects.create(
        clinician=clinician, local_date=now.date()
    )
    return {
        "program": program.pk,
        "item": item.pk,
        "change": change.pk,
        "status": status.pk,
        "template": template.pk,
        "template_item": template_item.pk,
        "session": session.pk,
        "session_item": session_item.pk,
        "suggestion": suggestion.pk,
        "alert": alert.pk,
        "preference": preference.pk,
        "reminder": reminder.pk,
        "digest": digest.pk,
        "patient": patient.pk,
        "assessment": assessment.pk,
    }


def test_a_populated_database_migrates_in_place():
    try:
        executor = _migrate(BEFORE_SPLIT)
        nodes = [target for target in BEFORE_SPLIT if target[1] is not None]
        ids = _populate(executor.loader.project_state(nodes).apps)
        # As installations of that release have it: beat's rows name the old task module.
        from django_celery_beat.models import IntervalSchedule, PeriodicTask

        PeriodicTask.objects.create(
            name="Dispatch due reminders",
            task="programs.tasks.dispatch_reminders_task",
            interval=IntervalSchedule.objects.create(every=60, period="seconds"),
        )
        ContentType.objects.get_or_create(app_label="programs", model="program")
    finally:
        _migrate(_leaves())

    from programs.followup.models import Alert, SessionItemLog, SessionLog, Suggestion
    from programs.prescribing.models import (
        DosageChange,
        Program,
        ProgramItem,
        ProgramStatusChange,
        ProgramTemplate,
        TemplateItem,
    )
    from programs.reminders.models import ClinicianDigest, Reminder, ReminderPreference

    program = Program.objects.get(pk=ids["program"])
    assert program.patient_id == ids["patient"] and program.status == "active"
    assert ProgramItem.objects.get(pk=ids["item"]).exercise.slug == "prone-on-elbows"
    assert DosageChange.objects.get(pk=ids["change"]).item_id == ids["item"]
    assert ProgramStatusChange.objects.get(pk=ids["status"]).program_id == ids["program"]
    assert TemplateItem.objects.get(pk=ids["template_item"]).template_id == ids["template"]
    assert ProgramTemplate.objects.get(pk=ids["template"]).name == "Base"
    session = SessionLog.objects.get(pk=ids["session"])
    assert session.traffic_light == "red" and session.program_id == ids["program"]
    assert SessionItemLog.objects.get(pk=ids["session_item"]).item_id == ids["item"]
    assert Suggestion.objects.get(pk=ids["suggestion"]).session_id == ids["session"]
    assert Alert.objects.get(pk=ids["alert"]).session_id == ids["session"]
    assert ReminderPreference.objects.get(pk=ids["preference"]).patient_id == ids["patient"]
    assert Reminder.objects.get(pk=ids["reminder"]).patient_id == ids["patient"]
    assert ClinicianDigest.objects.get(pk=ids["digest"]).local_date == session.local_date
    # Each assessment's pain became an NPRS outcome score of the program it ran under.
    from programs.outcomes.models import OutcomeScore

    pain = OutcomeScore.objects.get(assessment_id=ids["assessment"])
    assert (pain.instrument, pain.score, pain.source) == ("nprs", 3, "assessment")
    assert pain.program_id == ids["program"]
    # New rows go on in the same tables: the sequences were kept with them.
    assert (
        ProgramItem.objects.create(
            program=program,
            exercise=ProgramItem.objects.get(pk=ids["item"]).exercise,
            order=2,
            sets=1,
            reps=5,
            hold_seconds=10,
            sessions_per_day=1,
            days_per_week=7,
        ).pk
        > ids["item"]
    )
    # Content types and beat's rows moved with the models and tasks.
    assert ContentType.objects.get_for_model(Program).app_label == "prescribing"
    assert not ContentType.objects.filter(app_label="programs", model="program").exists()
    from django_celery_beat.models import PeriodicTask

    assert PeriodicTask.objects.get(name="Dispatch due reminders").task == (
        "programs.reminders.tasks.dispatch_reminders_task"
    )

    # Once every migration has run, the dashboard's kept reasons are filled from the old data
    # (the old patient's red session alert), as `migrate` does after its last migration.
    from django.core.management.sql import emit_post_migrate_signal

    from programs.followup.models import PatientAttention

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert PatientAttention.objects.filter(patient_id=ids["patient"]).exists()
