"""Outcomes API: list with responder status, create with range checks naming the field,
tenancy, read-only keys, archived patients, query counts, the schema."""

import pytest

from clinic.models import AuditLog
from patients.services import patient_archive
from programs.outcomes.models import OutcomeScore
from tests.factories import PatientFactory
from tests.outcomes.conftest import score_factory

pytestmark = pytest.mark.django_db

FIELDS = {
    "id",
    "instrument",
    "score",
    "subscale",
    "psfs",
    "taken_at",
    "source",
    "program",
    "responder_status",
    "risk_group",
}


def url(patient) -> str:
    return f"/api/v1/patients/{patient.pk}/outcomes/"


def test_list_with_responder_status(api, patient):
    score_factory(patient=patient, instrument="nprs", score=7, days_ago=20)
    score_factory(patient=patient, instrument="nprs", score=6, days_ago=10)
    score_factory(patient=patient, instrument="nprs", score=4, days_ago=1)
    score_factory(patient=patient, instrument="start_back", score=6, subscale=2, days_ago=20)
    response = api.get(url(patient))
    assert response.status_code == 200
    rows = response.json()["results"]
    assert set(rows[0]) == FIELDS
    nprs = [r for r in rows if r["instrument"] == "nprs"]
    assert [(r["score"], r["responder_status"]) for r in nprs] == [
        (7, None),
        (6, "unchanged"),
        (4, "improved"),
    ]
    start_back = next(r for r in rows if r["instrument"] == "start_back")
    assert (start_back["subscale"], start_back["risk_group"], start_back["responder_status"]) == (
        2,
        "medium",
        None,
    )
    assert AuditLog.objects.filter(patient=patient, action="view", channel="api").exists()


def test_create_a_score(api, patient):
    response = api.post(url(patient), {"instrument": "odi", "score": 38.5})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == FIELDS
    assert (body["instrument"], body["score"], body["source"]) == ("odi", 38.5, "api")
    assert body["responder_status"] is None
    second = api.post(url(patient), {"instrument": "odi", "score": 26}).json()
    assert second["responder_status"] == "improved"


def test_create_psfs(api, patient):
    activities = [
        {"activity": "Sitting", "rating": 2},
        {"activity": "Walking 30 minutes", "rating": 3},
        {"activity": "Lifting", "rating": 4},
    ]
    response = api.post(url(patient), {"instrument": "psfs", "psfs": activities}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["score"] == 3
    assert body["psfs"] == activities
    later = [{**row, "rating": row["rating"] + 2} for row in activities]
    body = api.post(url(patient), {"instrument": "psfs", "psfs": later}, format="json").json()
    assert (body["score"], body["responder_status"]) == (5, "improved")
    other = [{**later[0], "activity": "Running"}, *later[1:]]
    response = api.post(url(patient), {"instrument": "psfs", "psfs": other}, format="json")
    assert response.status_code == 400
    assert "Rate the same activities as before" in response.json()["psfs"][0]


@pytest.mark.parametrize(
    "body,field",
    [
        ({"instrument": "nprs", "score": 11}, "score"),
        ({"instrument": "nprs", "score": -1}, "score"),
        ({"instrument": "odi", "score": 100.5}, "score"),
        ({"instrument": "rmdq", "score": 24.5}, "score"),
        ({"instrument": "rmdq"}, "score"),
        ({"instrument": "start_back", "score": 9}, "subscale"),
        ({"instrument": "start_back", "score": 9, "subscale": 6}, "subscale"),
        ({"instrument": "start_back", "score": 1, "subscale": 3}, "subscale"),
        ({"instrument": "sf36", "score": 1}, "instrument"),
        ({"instrument": "psfs", "psfs": [{"activity": "a", "rating": 1}]}, "psfs"),
        ({"instrument": "psfs"}, "psfs"),
        ({"instrument": "odi", "score": 20, "psfs": [{"activity": "a", "rating": 1}]}, "psfs"),
        (
            {"instrument": "psfs", "psfs": [{"activity": x, "rating": 12} for x in "abc"]},
            "psfs",
        ),
        ({"instrument": "psfs", "psfs": [{"activity": x, "rating": 1} for x in "abcdef"]}, "psfs"),
        ({"instrument": "nprs", "score": 3, "taken_at": "2000-01-01T00:00:00Z"}, "taken_at"),
        ({"instrument": "nprs", "score": 3, "taken_at": "soon"}, "taken_at"),
        ({"instrument": "nprs", "score": "NaN"}, "score"),
        ({"instrument": "nprs", "score": 3, "responder_status": "improved"}, "responder_status"),
        ({"instrument": "nprs", "score": 3, "colour": "red"}, "colour"),
    ],
)
def test_bad_input_answers_400_naming_the_field(api, patient, body, field):
    response = api.post(url(patient), body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not OutcomeScore.objects.filter(patient=patient).exists()


def test_other_clinics_patients_are_404(api, other_clinic_patient):
    assert api.get(url(other_clinic_patient)).status_code == 404
    assert (
        api.post(url(other_clinic_patient), {"instrument": "nprs", "score": 3}).status_code == 404
    )
    assert not OutcomeScore.objects.exists()


def test_read_keys_read_and_cannot_write(read_key_api, patient):
    assert read_key_api.get(url(patient)).status_code == 200
    assert read_key_api.post(url(patient), {"instrument": "nprs", "score": 3}).status_code == 403


def test_archived_patient_is_a_conflict(api, actor, patient):
    patient_archive(actor=actor, patient=patient)
    response = api.post(url(patient), {"instrument": "nprs", "score": 3})
    assert response.status_code == 409
    assert "archived" in response.json()["detail"]


def test_anonymous_is_401(anonymous, patient):
    assert anonymous.get(url(patient)).status_code == 401


@pytest.mark.parametrize("count", [1, 50])
def test_list_query_count_does_not_grow(api, clinic, count, django_assert_max_num_queries):
    patient = PatientFactory(clinic=clinic)
    for n in range(count):
        score_factory(patient=patient, instrument="nprs", score=n % 11, days_ago=n)
    if count > 1:
        score_factory(patient=patient, instrument="start_back", score=3, subscale=1)
    with django_assert_max_num_queries(12):
        response = api.get(url(patient), {"page_size": 100})
    assert response.json()["count"] == count + (1 if count > 1 else 0)


def test_in_the_schema(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    operations = schema["paths"]["/api/v1/patients/{patient_id}/outcomes/"]
    assert {"get", "post"} <= set(operations)
    outcome = schema["components"]["schemas"]["Outcome"]
    assert "responder_status" in outcome["properties"]
