"""FHIR R4 export: a Bundle that fhir.resources accepts, with the resources SPEC 5 names."""

import pytest
from fhir.resources.R4B.bundle import Bundle

from clinic.models import AuditLog
from patients.services import assessment_record
from tests.factories import program_factory, session_factory

pytestmark = pytest.mark.django_db

PAIN_LOINC = "72514-3"


def fhir_url(patient) -> str:
    return f"/api/v1/patients/{patient.pk}/fhir/"


@pytest.fixture
def record(actor, patient):
    """A patient with two assessments, a completed and an active program, and two sessions."""
    patient.external_id = "MRN-42"
    patient.email = "pat@example.com"
    patient.save()
    assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=3)
    program_factory(patient=patient, status="completed", slugs=("prone-lying",))
    program = program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "abdominal-bracing")
    )
    session_factory(program=program, days_ago=1, before=2, after=4, next_morning=2)
    session_factory(program=program, days_ago=0, before=1, after=2)
    return patient


def test_bundle_is_valid_fhir_r4(api, record):
    response = api.get(fhir_url(record))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    bundle = Bundle.model_validate(response.json())
    assert bundle.type == "collection"
    resources = [entry.resource for entry in bundle.entry]
    by_type: dict[str, list] = {}
    for resource in resources:
        by_type.setdefault(resource.get_resource_type(), []).append(resource)
    assert {name: len(items) for name, items in by_type.items()} == {
        "Patient": 1,
        "Condition": 1,
        "CarePlan": 2,
        # 2 assessments + (before, after, next morning) + (before, after)
        "Observation": 7,
    }
    fhir_patient = by_type["Patient"][0]
    assert fhir_patient.name[0].family == record.last_name
    assert fhir_patient.identifier[0].value == "MRN-42"
    assert str(fhir_patient.birthDate) == "1980-05-17"

    patient_url = bundle.entry[0].fullUrl
    condition = by_type["Condition"][0]
    assert condition.code.coding[0].code == "nonspecific_back_pain"
    assert condition.subject.reference == patient_url
    assert condition.severity.coding[0].code == "255604002"  # mild (SNOMED CT)

    active = next(plan for plan in by_type["CarePlan"] if plan.status == "active")
    assert active.intent == "plan"
    assert [activity.detail.code.coding[0].code for activity in active.activity] == [
        "prone-on-elbows",
        "abdominal-bracing",
    ]
    assert "hold 10 s" in active.activity[0].detail.description
    assert {activity.detail.status for activity in active.activity} == {"in-progress"}

    for observation in by_type["Observation"]:
        assert observation.code.coding[0].system == "http://loinc.org"
        assert observation.code.coding[0].code == PAIN_LOINC
        assert observation.subject.reference == patient_url
        assert 0 <= observation.valueInteger <= 10
        assert observation.effectiveDateTime is not None
    assert sorted(o.valueInteger for o in by_type["Observation"]) == [1, 2, 2, 2, 3, 4, 4]


def test_full_urls_are_unique_and_stable(api, record):
    first = api.get(fhir_url(record)).json()
    second = api.get(fhir_url(record)).json()
    urls = [entry["fullUrl"] for entry in first["entry"]]
    assert len(urls) == len(set(urls))
    assert urls == [entry["fullUrl"] for entry in second["entry"]]


def test_plain_json_on_request(api, record):
    response = api.get(fhir_url(record), HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"
    Bundle.model_validate(response.json())


def test_export_is_audited(api, record, clinician):
    api.get(fhir_url(record))
    row = AuditLog.objects.get(action="export")
    assert (row.patient, row.actor, row.channel) == (record, clinician.user, "api")
    assert "FHIR" in row.summary


def test_export_of_a_new_patient_is_valid(api, patient):
    Bundle.model_validate(api.get(fhir_url(patient)).json())


def test_export_needs_credentials_and_the_clinic(anonymous, api, other_clinic_patient):
    assert anonymous.get(fhir_url(other_clinic_patient)).status_code == 401
    assert api.get(fhir_url(other_clinic_patient)).status_code == 404
    assert not AuditLog.objects.filter(action="export").exists()


def test_outcomes_are_observations_and_psfs_activities_goals(api, actor, record):
    from decimal import Decimal

    from programs.outcomes.services import PsfsEntry, outcome_record

    outcome_record(actor=actor, patient=record, instrument="odi", score=Decimal("42.5"))
    outcome_record(actor=actor, patient=record, instrument="start_back", score=5, subscale=4)
    outcome_record(
        actor=actor,
        patient=record,
        instrument="psfs",
        psfs=[PsfsEntry("Sitting", 2), PsfsEntry("Walking", 3), PsfsEntry("Lifting", 7)],
    )
    bundle = Bundle.model_validate(api.get(fhir_url(record)).json())
    resources = [entry.resource for entry in bundle.entry]
    goals = [r for r in resources if r.get_resource_type() == "Goal"]
    assert sorted(g.description.text for g in goals) == ["Lifting", "Sitting", "Walking"]
    assert {g.lifecycleStatus for g in goals} == {"active"}
    outcomes = {
        r.code.coding[-1].code: r
        for r in resources
        if r.get_resource_type() == "Observation" and r.id.startswith("outcome-")
    }
    # The assessment's pain is exported once, as a pain Observation, not again as an outcome.
    assert set(outcomes) == {"odi", "start_back", "psfs"}
    odi = outcomes["odi"]
    assert (odi.code.coding[0].system, odi.code.coding[0].code) == ("http://loinc.org", "97909-6")
    assert odi.valueQuantity.value == Decimal("42.5")
    start_back = outcomes["start_back"]
    assert start_back.code.coding[0].system != "http://loinc.org"
    assert start_back.component[0].valueQuantity.value == 4
    assert start_back.interpretation[0].text == "High risk"
    psfs = outcomes["psfs"]
    assert psfs.valueQuantity.value == 4
    assert sorted(c.valueInteger for c in psfs.component) == [2, 3, 7]
    goal_urls = {e.fullUrl for e in bundle.entry if e.resource.get_resource_type() == "Goal"}
    assert {f.reference for f in psfs.focus} == goal_urls
