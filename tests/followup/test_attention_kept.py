"""The dashboard's kept rows hold only what it shows, so it reads them without joins: archiving
a patient, a program's new status and a new clinician reach them in the same transaction,
the per-reason rows agree with the reasons, and an upgrade fills them under these rules."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from patients.services import patient_archive, patient_update
from programs.followup.models import AttentionReason, PatientAttention, PatientAttentionCode
from programs.followup.selectors import dashboard_page_for
from programs.followup.services import ItemReport, attention_rebuild, session_log_record
from programs.followup.upgrade import attention_fill_after_upgrade
from programs.prescribing.services import program_activate, program_complete, program_pause
from tests.factories import ClinicianFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db


def _idle_program(patient, days=10):
    program = program_factory(patient=patient, status="active")
    program.start_date = timezone.localdate() - datetime.timedelta(days=days)
    program.save()
    return program


def _red_session(actor, patient, program):
    return session_log_record(
        actor=actor,
        patient=patient,
        pain_before=2,
        pain_after=8,
        items=[ItemReport(program.items.first().pk, True, 1, 1)],
    )


def _kept(**patients):
    """Every kept row of the patients, comparable across a rebuild."""
    return (
        sorted(AttentionReason.objects.filter(**patients).values_list("patient", "code", "rank")),
        sorted(
            PatientAttention.objects.filter(**patients).values_list(
                "patient", "clinician", "rank", "latest_at"
            )
        ),
        sorted(
            PatientAttentionCode.objects.filter(**patients).values_list(
                "patient", "code", "clinician", "rank", "latest_at"
            )
        ),
    )


def _listed(clinic, **filters):
    return [entry.patient_id for entry in dashboard_page_for(clinic=clinic, **filters).page]


def test_archiving_deletes_the_patients_rows_and_leaves_the_counts(actor, clinic):
    archived = PatientFactory(clinic=clinic, red_flags=["night_pain"])
    _idle_program(archived)
    staying = PatientFactory(clinic=clinic)
    _idle_program(staying)
    attention_rebuild(clinic=clinic)
    assert dashboard_page_for(clinic=clinic).counts["low_adherence"] == 2
    patient_archive(actor=actor, patient=archived)
    assert _kept(patient=archived) == ([], [], [])
    dashboard = dashboard_page_for(clinic=clinic)
    assert dashboard.counts["low_adherence"] == 1 and dashboard.counts["urgent_referral"] == 0
    assert _listed(clinic) == [staying.pk]
    assert _listed(clinic, code="low_adherence") == [staying.pk]
    attention_rebuild(clinic=clinic)  # the rebuild agrees: archived patients never come back
    assert _kept(patient=archived) == ([], [], [])


def test_a_programs_status_moves_its_low_adherence_at_once(actor, clinic):
    patient = PatientFactory(clinic=clinic)
    program = _idle_program(patient)
    attention_rebuild(clinic=clinic)
    program_pause(actor=actor, program=program)
    assert _kept(patient=patient) == ([], [], [])  # nothing else to look at: off the list
    assert dashboard_page_for(clinic=clinic).counts["low_adherence"] == 0
    program_activate(actor=actor, program=program)  # resumed, still behind
    assert _listed(clinic, code="low_adherence") == [patient.pk]
    kept = _kept(patient=patient)
    attention_rebuild(clinic=clinic)
    assert _kept(patient=patient) == kept
    program_complete(actor=actor, program=program)
    assert _kept(patient=patient) == ([], [], [])


def test_another_reason_keeps_the_patient_when_the_program_pauses(actor, clinic):
    patient = PatientFactory(clinic=clinic, red_flags=["night_pain"])
    program = _idle_program(patient)
    attention_rebuild(clinic=clinic)
    assert dashboard_page_for(clinic=clinic).counts["low_adherence"] == 1
    program_pause(actor=actor, program=program)
    dashboard = dashboard_page_for(clinic=clinic)
    assert dashboard.counts["low_adherence"] == 0 and dashboard.counts["urgent_referral"] == 1
    assert [r.code for r in dashboard.page.object_list[0].patient.reasons] == ["urgent_referral"]


def test_a_new_clinician_takes_the_patient_to_their_list(actor, clinic, clinician):
    colleague = ClinicianFactory(clinic=clinic).user
    patient = PatientFactory(clinic=clinic, clinician=clinician.user)
    _idle_program(patient)
    attention_rebuild(clinic=clinic)
    assert _listed(clinic, clinician_id=clinician.user.pk) == [patient.pk]
    patient_update(actor=actor, patient=patient, clinician=colleague)
    assert _listed(clinic, clinician_id=clinician.user.pk) == []
    assert _listed(clinic, clinician_id=colleague.pk, code="low_adherence") == [patient.pk]
    mine = dashboard_page_for(clinic=clinic, clinician_id=colleague.pk)
    assert mine.counts["low_adherence"] == 1
    kept = _kept(patient=patient)
    attention_rebuild(clinic=clinic)
    assert _kept(patient=patient) == kept


def test_each_reason_is_counted_once_per_patient(actor, clinic):
    patient = PatientFactory(clinic=clinic)
    program = _idle_program(patient)
    # Two red sessions: two alerts of one kind, two reasons, but one patient to look at.
    for _ in range(2):
        _red_session(actor, patient, program)
    assert AttentionReason.objects.filter(patient=patient, code="red_session").count() == 2
    dashboard = dashboard_page_for(clinic=clinic, code="red_session")
    assert dashboard.counts["red_session"] == 1
    assert [entry.patient_id for entry in dashboard.page] == [patient.pk]
    assert dashboard.page.paginator.count == 1


def test_the_rows_per_reason_follow_bulk_alerts(clinic):
    from programs.reminders.services import inactivity_check

    patient = PatientFactory(clinic=clinic)
    program = _idle_program(patient, days=30)
    program.activated_at = timezone.now() - datetime.timedelta(days=30)
    program.save()
    attention_rebuild(clinic=clinic)
    inactivity_check(now=timezone.now())
    assert sorted(
        PatientAttentionCode.objects.filter(patient=patient).values_list("code", "rank")
    ) == [("inactivity", 6), ("low_adherence", 6)]
    assert _listed(clinic, code="inactivity") == [patient.pk]
    assert _listed(clinic, code="low_adherence") == [patient.pk]


def test_the_upgrade_forgets_stale_rows_and_fills_them_under_the_new_rules(actor, clinic):
    archived = PatientFactory(clinic=clinic, clinician=actor.user)
    _idle_program(archived)
    waiting = PatientFactory(clinic=clinic, clinician=actor.user)
    _idle_program(waiting)
    attention_rebuild(clinic=clinic)
    expected = _kept(patient=waiting)
    # As rows were kept before this upgrade: an archived patient's stay, without clinician.
    archived.status, archived.archived_at = "archived", timezone.now()
    archived.save()
    PatientAttentionCode.objects.all().delete()
    PatientAttention.objects.update(clinician=None)
    migration = importlib.import_module("programs.followup.migrations.0003_attention_kept_as_shown")
    migration.forget_kept_rows(apps, None)
    attention_fill_after_upgrade()  # as `migrate` does once every migration has run
    assert _kept(patient=archived) == ([], [], [])
    assert _kept(patient=waiting) == expected
    assert _listed(clinic, clinician_id=actor.user.pk, code="low_adherence") == [waiting.pk]
