"""Sessions API: logging against the active program, next-morning pain, tenancy, queries."""

import datetime

import pytest
from django.utils import timezone

from clinic.models import AuditLog
from programs.followup.models import Alert, SessionLog
from programs.prescribing.models import Program
from tests.factories import ClinicFactory, PatientFactory, program_factory, session_factory

pytestmark = pytest.mark.django_db

SESSION_FIELDS = {
    "id",
    "program",
    "performed_at",
    "pain_before",
    "pain_after",
    "pain_next_morning",
    "items",
    "symptoms",
    "notes",
    "traffic_light",
}


def sessions_url(patient) -> str:
    return f"/api/v1/patients/{patient.pk}/sessions/"


def session_url(session) -> str:
    return f"/api/v1/sessions/{session.pk}/"


@pytest.fixture
def program(patient, clinician):
    program = program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "abdominal-bracing")
    )
    program.created_by = clinician.user
    program.save()
    return program


def _body(program, **changes):
    items = [
        {"item": item.pk, "completed": True, "sets_done": item.sets, "reps_done": item.reps}
        for item in program.items.all()
    ]
    return {"pain_before": 2, "pain_after": 3, "items": items, **changes}


def test_log_a_session(api, patient, program):
    performed_at = (timezone.now() - datetime.timedelta(hours=3)).replace(microsecond=0)
    response = api.post(
        sessions_url(patient),
        _body(program, pain_after=5, notes="Fine", performed_at=performed_at.isoformat()),
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == SESSION_FIELDS
    assert body["program"] == program.pk
    assert body["traffic_light"] == "amber"
    assert body["pain_next_morning"] is None
    assert body["notes"] == "Fine"
    assert datetime.datetime.fromisoformat(body["performed_at"]) == performed_at
    assert {row["item"] for row in body["items"]} == {item.pk for item in program.items.all()}
    assert set(body["items"][0]) == {"item", "completed", "sets_done", "reps_done"}
    assert AuditLog.objects.filter(action="create", object_type="SessionLog").exists()


def test_emergency_symptom_pauses_the_program(api, patient, program):
    response = api.post(sessions_url(patient), _body(program, symptoms=["saddle_anaesthesia"]))
    assert response.status_code == 201
    assert response.json()["symptoms"] == ["saddle_anaesthesia"]
    program.refresh_from_db()
    assert program.status == "paused"
    assert Alert.objects.filter(kind="emergency_symptom").exists()


def test_no_active_program_is_a_conflict(api, patient):
    response = api.post(sessions_url(patient), {"pain_before": 1, "pain_after": 1, "items": []})
    assert response.status_code == 409
    assert "no active program" in response.json()["detail"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pain_before": 11}, "pain_before"),
        ({"pain_after": -1}, "pain_after"),
        ({"pain_after": None}, "pain_after"),
        ({"items": [{"item": 999999, "completed": True}]}, "items"),
        ({"items": [{"completed": True}]}, "items"),
        ({"items": [{"item": 1, "completed": True, "sets_done": 21}]}, "items"),
        ({"items": [{"item": 1, "completed": True, "weight": 5}]}, "items"),
        ({"symptoms": ["night_pain"]}, "symptoms"),  # not an emergency symptom
        ({"performed_at": "2999-01-01T00:00:00Z"}, "performed_at"),
        ({"performed_at": "2001-01-01T00:00:00Z"}, "performed_at"),
        ({"performed_at": "9999-12-31T23:59:59-12:00"}, "performed_at"),
        ({"notes": "x" * 2001}, "notes"),
        ({"traffic_light": "green"}, "traffic_light"),
        ({"pain_next_morning": 2}, "pain_next_morning"),
    ],
)
def test_session_validation(api, patient, program, changes, field):
    response = api.post(sessions_url(patient), _body(program, **changes))
    assert response.status_code == 400
    assert field in response.json()
    assert not SessionLog.objects.exists()


def test_list_sessions(api, patient, program):
    old = session_factory(program=program, days_ago=2, before=2, after=7)
    new = session_factory(program=program, days_ago=0)
    body = api.get(sessions_url(patient)).json()
    assert [row["id"] for row in body["results"]] == [new.pk, old.pk]
    assert body["results"][1]["traffic_light"] == "red"
    assert set(body["results"][0]) == SESSION_FIELDS


def test_next_morning_pain(api, patient, program):
    session = session_factory(program=program, days_ago=1, before=2, after=3)
    response = api.patch(session_url(session), {"pain_next_morning": 5})
    assert response.status_code == 200
    assert response.json()["pain_next_morning"] == 5
    assert Alert.objects.filter(kind="pain_spike").exists()  # 2 or more above the pain before
    again = api.patch(session_url(session), {"pain_next_morning": 1})
    assert again.status_code == 409
    session.refresh_from_db()
    assert session.pain_next_morning == 5


@pytest.mark.parametrize(
    "body",
    [{}, {"pain_next_morning": 11}, {"pain_next_morning": "low"}, {"pain_after": 1}],
)
def test_next_morning_validation(api, program, body):
    session = session_factory(program=program, days_ago=1)
    assert api.patch(session_url(session), body).status_code == 400
    session.refresh_from_db()
    assert session.pain_next_morning is None


def test_another_clinics_sessions_are_404(api):
    program = program_factory(patient=PatientFactory(clinic=ClinicFactory()), status="active")
    session = session_factory(program=program)
    assert api.get(sessions_url(program.patient)).status_code == 404
    assert api.post(sessions_url(program.patient), _body(program)).status_code == 404
    assert api.patch(session_url(session), {"pain_next_morning": 1}).status_code == 404
    assert api.patch("/api/v1/sessions/999999/", {"pain_next_morning": 1}).status_code == 404
    assert SessionLog.objects.count() == 1
    session.refresh_from_db()
    assert session.pain_next_morning is None


def _calls(patient, program):
    session = session_factory(program=program, days_ago=1)
    return [
        ("get", sessions_url(patient), None),
        ("post", sessions_url(patient), _body(program)),
        ("patch", session_url(session), {"pain_next_morning": 1}),
    ]


def test_session_endpoints_need_credentials(anonymous, patient, program):
    for method, url, body in _calls(patient, program):
        assert getattr(anonymous, method)(url, body).status_code == 401, (method, url)


def test_read_key_cannot_log(read_key_api, patient, program):
    for method, url, body in _calls(patient, program):
        expected = 200 if method == "get" else 403
        assert getattr(read_key_api, method)(url, body).status_code == expected, (method, url)
    assert SessionLog.objects.count() == 1
    assert Program.objects.get().status == "active"


@pytest.mark.parametrize("rows", [1, 50])
def test_session_list_query_count_is_constant(
    api, patient, program, django_assert_max_num_queries, rows
):
    for n in range(rows):
        session_factory(program=program, days_ago=n % 7)
    api.get(sessions_url(patient))
    with django_assert_max_num_queries(7):
        response = api.get(sessions_url(patient), {"page_size": 50})
    assert len(response.json()["results"]) == rows


def test_log_names_the_active_program(api, patient, program):
    response = api.post(sessions_url(patient), _body(program) | {"program": program.pk})
    assert response.status_code == 201 and response.json()["program"] == program.pk


def test_log_refuses_another_program_naming_the_field(api, patient, program):
    paused = program_factory(patient=patient, status="paused")
    stranger = program_factory(patient=PatientFactory(clinic=ClinicFactory()), status="active")
    for other in (paused.pk, stranger.pk, 10**12):
        response = api.post(sessions_url(patient), _body(program) | {"program": other})
        assert response.status_code == 400 and list(response.json()) == ["program"]
    assert not SessionLog.objects.exists()
    bad = api.post(sessions_url(patient), _body(program) | {"program": "x"})
    assert bad.status_code == 400 and "program" in bad.json()
