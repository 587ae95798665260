"""Patient and assessment services: rules, history, constraints and audit rows."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from clinic.models import AuditLog
from patients.models import Assessment, Patient
from patients.services import (
    assessment_record,
    patient_archive,
    patient_create,
    patient_update,
)
from tests.factories import ClinicFactory, PatientFactory

pytestmark = pytest.mark.django_db


def _create(actor, **overrides):
    fields = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "date_of_birth": datetime.date(1980, 1, 2),
        "condition": "herniated_disc",
        "region": "lower_back",
        "injury_severity": "mild",
        "pain_level": 7,
    }
    return patient_create(actor=actor, **(fields | overrides))


def test_create_records_first_assessment_with_tier(actor):
    patient = _create(actor)
    assessment = patient.latest_assessment
    assert assessment.tier == "severe"
    assert assessment.pain_level == 7
    assert assessment.assessed_by == actor.user
    assert patient.clinic == actor.clinic
    assert patient.timezone == actor.clinic.timezone
    assert patient.prone_tolerant is True


def test_create_audits_patient_and_assessment(actor):
    patient = _create(actor)
    rows = AuditLog.objects.filter(patient=patient).order_by("id")
    assert [(r.action, r.object_type) for r in rows] == [
        ("create", "Patient"),
        ("create", "Assessment"),
    ]
    assert all(r.actor == actor.user and r.ip_address == "127.0.0.1" for r in rows)
    assert all(r.channel == "ui" and r.clinic == actor.clinic for r in rows)


def test_red_flags_mark_referral_required(actor):
    patient = _create(actor, red_flags=["night_pain", "bladder_bowel_dysfunction"])
    assessment = patient.latest_assessment
    assert assessment.referral_required
    # Stored in the order of the screening list, emergency first.
    assert assessment.red_flags == ["bladder_bowel_dysfunction", "night_pain"]
    assert assessment.referral.level == "emergency"


def test_unknown_red_flag_is_refused_and_nothing_is_saved(actor):
    with pytest.raises(ValidationError) as exc:
        _create(actor, red_flags=["not_a_flag"])
    assert "red_flags" in exc.value.message_dict
    assert not Patient.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pain_level", 11),
        ("pain_level", -1),
        ("injury_severity", "extreme"),
        ("condition", "broken"),
        ("region", "neck"),
        ("first_name", ""),
        ("date_of_birth", datetime.date(2999, 1, 1)),
        ("timezone_name", "Mars/Olympus"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(actor, field, value):
    with pytest.raises(ValidationError):
        _create(actor, **{field: value})
    assert not Patient.objects.exists()
    assert not Assessment.objects.exists()
    assert not AuditLog.objects.exists()


def test_new_assessment_keeps_history_and_becomes_current(actor):
    patient = _create(actor, pain_level=7)
    first = patient.latest_assessment
    second = assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=3)
    patient.refresh_from_db()
    assert patient.latest_assessment == second
    assert second.tier == "mild"
    first.refresh_from_db()
    assert (first.pain_level, first.tier) == (7, "severe")
    assert patient.assessments.count() == 2


def test_clearing_red_flags_takes_a_new_assessment(actor):
    patient = _create(actor, red_flags=["night_pain"])
    assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=2)
    patient.refresh_from_db()
    assert not patient.latest_assessment.referral_required


def test_external_id_is_unique_per_clinic_only(actor):
    _create(actor, external_id="MRN-1")
    with pytest.raises(ValidationError) as exc:
        _create(actor, external_id="MRN-1")
    assert "external_id" in exc.value.message_dict
    PatientFactory(clinic=ClinicFactory(), external_id="MRN-1")  # another clinic may reuse it


def test_blank_external_ids_do_not_collide(actor):
    _create(actor)
    _create(actor)
    assert Patient.objects.filter(external_id="").count() == 2


def test_update_audits_changed_fields_only(actor, patient):
    patient_update(actor=actor, patient=patient, phone="0123", first_name=patient.first_name)
    row = AuditLog.objects.get(patient=patient, action="change")
    assert row.summary == "Changed phone"


def test_update_refuses_clinical_fields(actor, patient):
    with pytest.raises(ValidationError, match="pain_level"):
        patient_update(actor=actor, patient=patient, pain_level=2)


def test_archive_keeps_data_and_blocks_changes(actor, patient):
    patient_archive(actor=actor, patient=patient)
    patient.refresh_from_db()
    assert patient.status == "archived" and patient.archived_at is not None
    assert patient.assessments.count() == 1
    assert AuditLog.objects.filter(patient=patient, action="archive").count() == 1
    with pytest.raises(ValidationError, match="archived"):
        assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=1)
    with pytest.raises(ValidationError, match="archived"):
        patient_archive(actor=actor, patient=patient)


def test_database_refuses_pain_above_ten(patient):
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(patient=patient).update(pain_level=11)


def test_database_refuses_unknown_severity(patient):
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(patient=patient).update(injury_severity="extreme")


def test_database_refuses_duplicate_external_id(clinic):
    PatientFactory(clinic=clinic, external_id="X1")
    with pytest.raises(IntegrityError), transaction.atomic():
        PatientFactory(clinic=clinic, external_id="X1")


def test_database_refuses_archived_status_without_date(patient):
    with pytest.raises(IntegrityError), transaction.atomic():
        Patient.objects.filter(pk=patient.pk).update(status="archived")


def test_audit_rows_carry_structured_changes(actor):
    patient = _create(actor, pain_level=3)
    created = AuditLog.objects.get(patient=patient, object_type="Assessment")
    # The first assessment: every grading field from nothing.
    first = {c["field"]: (c["old"], c["new"]) for c in created.changes}
    assert first["injury_severity"] == (None, "mild") and first["pain_level"] == (None, 3)
    patient_update(actor=actor, patient=patient, phone="0123", first_name=patient.first_name)
    row = AuditLog.objects.filter(patient=patient, action="change").latest("id")
    assert row.changes == [{"field": "phone", "old": "", "new": "0123"}]
    assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=7)
    row = AuditLog.objects.filter(patient=patient, object_type="Assessment").latest("id")
    assert row.changes == [
        {"field": "pain_level", "old": 3, "new": 7},
        {"field": "tier", "old": "mild", "new": "severe"},
    ]
    patient_archive(actor=actor, patient=patient)
    row = AuditLog.objects.get(patient=patient, action="archive")
    assert row.changes == [{"field": "status", "old": "active", "new": "archived"}]
