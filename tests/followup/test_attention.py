"""The dashboard reads kept attention rows: the services keep them as things happen, the
hourly rebuild agrees with them, and a page stays the same size however many patients wait."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from patients.services import assessment_record, patient_archive
from programs.followup.models import Alert, AttentionReason, PatientAttention
from programs.followup.selectors import dashboard_page_for
from programs.followup.selectors.dashboard import DASHBOARD_PAGE_SIZE
from programs.followup.services import (
    ItemReport,
    alert_resolve,
    attention_rebuild,
    session_log_record,
)
from programs.prescribing.services import program_pause
from tests.factories import PatientFactory, program_factory

pytestmark = pytest.mark.django_db

DASHBOARD = "followup:dashboard"


def _reasons(patient):
    return sorted(AttentionReason.objects.filter(patient=patient).values_list("code", flat=True))


def _red_session(actor, patient, program, after=8):
    return session_log_record(
        actor=actor,
        patient=patient,
        pain_before=2,
        pain_after=after,
        items=[ItemReport(program.items.first().pk, True, 1, 1)],
    )[0]


def _idle_program(patient, days=10):
    program = program_factory(patient=patient, status="active")
    program.start_date = timezone.localdate() - datetime.timedelta(days=days)
    program.save()
    return program


def test_a_red_session_reaches_the_dashboard_at_once_and_leaves_when_handled(
    actor, clinician_client, patient
):
    program = program_factory(patient=patient, status="active")
    _red_session(actor, patient, program)
    assert _reasons(patient) == ["red_session"]  # the suggestion is the same event
    page = clinician_client.get(reverse(DASHBOARD)).content.decode()
    assert patient.last_name in page and "Regress suggested." in page
    alert_resolve(actor=actor, alert=Alert.objects.get(patient=patient))
    assert _reasons(patient) == ["regress"]  # the suggestion still waits for a decision


def test_a_referral_follows_each_assessment(actor, patient):
    assessment_record(
        actor=actor, patient=patient, injury_severity="mild", pain_level=3, red_flags=["night_pain"]
    )
    assert _reasons(patient) == ["urgent_referral"]
    assert PatientAttention.objects.get(patient=patient).rank == 1
    assessment_record(
        actor=actor,
        patient=patient,
        injury_severity="mild",
        pain_level=3,
        red_flags=["saddle_anaesthesia"],
    )
    assert _reasons(patient) == ["emergency_referral"]
    assert PatientAttention.objects.get(patient=patient).rank == -1
    assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=3)
    assert _reasons(patient) == []
    assert not PatientAttention.objects.filter(patient=patient).exists()


def test_archived_patients_and_paused_programs_drop_out_at_once(actor, clinician_client, clinic):
    archived = PatientFactory(clinic=clinic, last_name="Archer")
    _idle_program(archived)
    paused = PatientFactory(clinic=clinic, last_name="Pauling")
    paused_program = _idle_program(paused)
    attention_rebuild(clinic=clinic)
    assert "Archer" in clinician_client.get(reverse(DASHBOARD)).content.decode()
    patient_archive(actor=actor, patient=archived)
    program_pause(actor=actor, program=paused_program)
    dashboard = dashboard_page_for(clinic=clinic)
    assert dashboard.counts["low_adherence"] == 0
    page = clinician_client.get(reverse(DASHBOARD)).content.decode()
    assert "Archer" not in page


def test_the_rebuild_finds_what_the_services_kept(actor, clinic):
    flagged = PatientFactory(clinic=clinic)
    assessment_record(
        actor=actor,
        patient=flagged,
        injury_severity="mild",
        pain_level=3,
        red_flags=["fever_or_infection_risk"],
    )
    red = PatientFactory(clinic=clinic)
    _red_session(actor, red, program_factory(patient=red, status="active"))
    kept = sorted(AttentionReason.objects.values_list("patient_id", "code", "rank", "detail"))
    assert attention_rebuild(clinic=clinic) == 2
    assert (
        sorted(AttentionReason.objects.values_list("patient_id", "code", "rank", "detail")) == kept
    )


def test_a_page_is_bounded_and_the_counts_are_per_reason(clinician_client, clinic):
    waiting = DASHBOARD_PAGE_SIZE * 2 + 3
    for _ in range(waiting):
        _idle_program(PatientFactory(clinic=clinic))
    flagged = PatientFactory(clinic=clinic, last_name="Flagged", red_flags=["night_pain"])
    attention_rebuild(clinic=clinic)
    response = clinician_client.get(reverse(DASHBOARD))
    page = response.context["page"]
    assert len(page.object_list) == DASHBOARD_PAGE_SIZE
    assert page.paginator.count == waiting + 1
    assert page.object_list[0].patient == flagged  # the referral before low adherence
    assert response.context["dashboard"].counts["low_adherence"] == waiting
    assert response.context["dashboard"].counts["urgent_referral"] == 1
    last = clinician_client.get(reverse(DASHBOARD), {"page": 3}).context["page"]
    assert len(last.object_list) == 4


def test_filter_by_reason(clinician_client, clinic):
    _idle_program(PatientFactory(clinic=clinic, last_name="Idleton"))
    PatientFactory(clinic=clinic, last_name="Flagg", red_flags=["night_pain"])
    attention_rebuild(clinic=clinic)
    body = clinician_client.get(reverse(DASHBOARD), {"reason": "low_adherence"}).content.decode()
    listed = body[body.index('class="list-group"') :]
    assert "Idleton" in listed and "Flagg" not in listed
    assert 'data-testid="reason-urgent_referral"' in body  # the other filters stay offered
    unknown = clinician_client.get(reverse(DASHBOARD), {"reason": "bogus"})
    assert unknown.status_code == 200
    assert "not one the dashboard knows" in unknown.content.decode()
    assert len(unknown.context["page"].object_list) == 2


def test_another_clinics_reasons_never_show(clinician_client, other_clinic_patient):
    other = other_clinic_patient
    _idle_program(other)
    attention_rebuild(clinic=other.clinic)
    assert other.last_name not in clinician_client.get(reverse(DASHBOARD)).content.decode()
    assert (
        clinician_client.get(reverse(DASHBOARD), {"reason": "low_adherence"})
        .context["dashboard"]
        .counts["low_adherence"]
        == 0
    )


def test_inactivity_alerts_reach_the_dashboard(clinic):
    from programs.reminders.services import inactivity_check

    patient = PatientFactory(clinic=clinic)
    program = _idle_program(patient, days=30)
    program.activated_at = timezone.now() - datetime.timedelta(days=30)
    program.save()
    attention_rebuild(clinic=clinic)
    assert PatientAttention.objects.get(patient=patient).rank == 10  # low adherence
    inactivity_check(now=timezone.now())
    assert _reasons(patient) == ["inactivity", "low_adherence"]
    assert PatientAttention.objects.get(patient=patient).rank == 6  # re-ranked, one row
    newcomer = PatientFactory(clinic=clinic)
    late = program_factory(patient=newcomer, status="active")
    late.activated_at = timezone.now() - datetime.timedelta(days=9)
    late.save()
    inactivity_check(now=timezone.now())
    assert PatientAttention.objects.get(patient=newcomer).rank == 6
    assert _reasons(patient) == ["inactivity", "low_adherence"]  # not raised twice


def test_the_fill_after_an_upgrade_leaves_kept_rows_alone(actor, patient):
    from programs.followup.upgrade import attention_fill_after_upgrade

    program = program_factory(patient=patient, status="active")
    _red_session(actor, patient, program)
    AttentionReason.objects.filter(patient=patient).update(detail="kept as it was")
    attention_fill_after_upgrade()  # rows exist: the hourly rebuild owns them now
    assert set(AttentionReason.objects.values_list("detail", flat=True)) == {"kept as it was"}
    PatientAttention.objects.all().delete()
    AttentionReason.objects.all().delete()
    attention_fill_after_upgrade()  # none at all: filled from the clinic's data
    assert _reasons(patient) == ["red_session"]
