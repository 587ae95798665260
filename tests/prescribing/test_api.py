"""Programs API: generate, read, edit dates and status, activate, dosage edits; tenancy,
conflicts and query counts."""

import datetime

import pytest
from django.utils import timezone

from clinic.models import AuditLog
from patients.services import assessment_record
from programs.prescribing.models import DosageChange, Program
from tests.factories import ClinicFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db

PROGRAM_FIELDS = {"id", "patient", "status", "tier", "start_date", "end_date", "items"}
ITEM_FIELDS = {
    "id",
    "exercise",
    "order",
    "sets",
    "reps",
    "hold_seconds",
    "sessions_per_day",
    "days_per_week",
    "notes",
}
SLUGS = ("prone-lying", "prone-on-elbows", "abdominal-bracing")


def programs_url(patient) -> str:
    return f"/api/v1/patients/{patient.pk}/programs/"


def program_url(program) -> str:
    return f"/api/v1/programs/{program.pk}/"


def item_url(item) -> str:
    return f"/api/v1/programs/{item.program_id}/items/{item.pk}/"


@pytest.fixture
def program(patient, clinician):
    program = program_factory(patient=patient, slugs=SLUGS)
    program.created_by = clinician.user  # as program_generate records it
    program.save()
    return program


@pytest.fixture
def theirs():
    return program_factory(patient=PatientFactory(clinic=ClinicFactory()), slugs=SLUGS)


def test_generate_answers_201_with_a_draft(api, patient):
    response = api.post(programs_url(patient), {})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == PROGRAM_FIELDS
    assert (body["patient"], body["status"], body["tier"]) == (patient.pk, "draft", "moderate")
    assert body["end_date"] is None
    assert set(body["items"][0]) == ITEM_FIELDS
    assert [item["exercise"] for item in body["items"]][:2] == ["prone-lying", "prone-on-elbows"]
    assert [item["order"] for item in body["items"]] == list(range(1, len(body["items"]) + 1))
    assert AuditLog.objects.filter(action="create", object_type="Program").exists()


def test_generate_refuses_red_flags_with_409_naming_them(api, actor, patient):
    assessment_record(
        actor=actor,
        patient=patient,
        injury_severity="mild",
        pain_level=2,
        red_flags=["night_pain", "bladder_bowel_dysfunction"],
    )
    response = api.post(programs_url(patient), {})
    assert response.status_code == 409
    body = response.json()
    assert body["red_flags"] == ["bladder_bowel_dysfunction", "night_pain"]
    assert "Referral required" in body["detail"]
    assert not Program.objects.exists()


def test_generate_refuses_a_body(api, patient):
    response = api.post(programs_url(patient), {"tier": "none"})
    assert response.status_code == 400
    assert response.json() == {"tier": ["This field is read-only."]}
    assert not Program.objects.exists()


def test_list_and_retrieve(api, patient, program):
    listed = api.get(programs_url(patient)).json()
    assert listed["count"] == 1
    assert listed["results"][0]["id"] == program.pk
    assert [item["exercise"] for item in listed["results"][0]["items"]] == list(SLUGS)
    body = api.get(program_url(program)).json()
    assert set(body) == PROGRAM_FIELDS
    assert AuditLog.objects.filter(action="view", object_type="Program").count() == 1


def test_patch_dates(api, program):
    response = api.patch(
        program_url(program), {"start_date": "2030-01-01", "end_date": "2030-03-01"}
    )
    assert response.status_code == 200
    assert (response.json()["start_date"], response.json()["end_date"]) == (
        "2030-01-01",
        "2030-03-01",
    )
    assert "Dates changed" in AuditLog.objects.get(action="change").summary
    assert api.patch(program_url(program), {"end_date": None}).json()["end_date"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"start_date": "2030-02-01", "end_date": "2030-01-01"}, "end_date"),
        ({"start_date": "soon"}, "start_date"),
        ({"status": "draft"}, "status"),
        ({"status": "deleted"}, "status"),
        ({"tier": "none"}, "tier"),
        ({"items": []}, "items"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_patch_validation(api, program, body, field):
    response = api.patch(program_url(program), body)
    assert response.status_code == 400
    assert field in response.json()
    program.refresh_from_db()
    assert program.status == "draft" and program.end_date is None


def test_status_transitions_go_through_the_services(api, program):
    assert api.patch(program_url(program), {"status": "active"}).json()["status"] == "active"
    assert api.patch(program_url(program), {"status": "paused"}).json()["status"] == "paused"
    assert api.patch(program_url(program), {"status": "active"}).json()["status"] == "active"
    done = api.patch(program_url(program), {"status": "completed"}).json()
    assert done["status"] == "completed" and done["end_date"] is not None
    refused = api.patch(program_url(program), {"start_date": "2030-01-01"})
    assert refused.status_code == 409
    assert "completed" in refused.json()["detail"]


def test_pausing_a_draft_is_a_conflict(api, program):
    response = api.patch(program_url(program), {"status": "paused"})
    assert response.status_code == 409
    assert response.json() == {"detail": "Only an active program can be paused."}


def test_dates_and_status_change_together_or_not_at_all(api, program):
    response = api.patch(program_url(program), {"end_date": "2031-01-01", "status": "completed"})
    assert response.status_code == 409
    program.refresh_from_db()
    assert program.end_date is None


def test_activate(api, patient, program):
    other = program_factory(patient=patient, status="active", slugs=SLUGS[:1])
    Program.objects.filter(pk=other.pk).update(created_by=program.created_by)
    response = api.post(f"{program_url(program)}activate/", {"start_date": "2030-05-01"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == PROGRAM_FIELDS
    assert (body["status"], body["start_date"]) == ("active", "2030-05-01")
    other.refresh_from_db()
    assert other.status == "completed"  # at most one active program per patient
    again = api.post(f"{program_url(program)}activate/", {})
    assert again.status_code == 409


def test_activate_refuses_red_flags_naming_them(api, actor, patient, program):
    assessment_record(
        actor=actor,
        patient=patient,
        injury_severity="mild",
        pain_level=2,
        red_flags=["major_trauma"],
    )
    response = api.post(f"{program_url(program)}activate/", {})
    assert response.status_code == 409
    assert response.json()["red_flags"] == ["major_trauma"]
    program.refresh_from_db()
    assert program.status == "draft"


def test_activate_validation(api, program):
    assert api.post(f"{program_url(program)}activate/", {"start_date": "x"}).status_code == 400
    assert api.post(f"{program_url(program)}activate/", {"status": "active"}).status_code == 400
    program.refresh_from_db()
    assert program.status == "draft"


def test_dosage_edit_keeps_the_history(api, clinician, program):
    item = program.items.get(exercise__slug="prone-on-elbows")
    response = api.patch(item_url(item), {"reps": 4, "notes": "Slowly", "reason": "Sore after"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == ITEM_FIELDS
    assert (body["reps"], body["notes"], body["exercise"]) == (4, "Slowly", "prone-on-elbows")
    assert body["sets"] == item.sets  # not sent, kept
    change = DosageChange.objects.get()
    assert change.reason == "Sore after" and change.changed_by == clinician.user
    assert change.old["reps"] == item.reps and change.new["reps"] == 4


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reps": 4}, "reason"),
        ({"reps": 4, "reason": "   "}, "reason"),
        ({"reps": 0, "reason": "x"}, "reps"),
        ({"sets": 11, "reason": "x"}, "sets"),
        ({"hold_seconds": 5, "reason": "x"}, "hold_seconds"),  # prone on elbows holds >= 10 s
        ({"days_per_week": 8, "reason": "x"}, "days_per_week"),
        ({"reason": "x"}, "non_field_errors"),  # nothing changed
        ({"exercise": "curl-up", "reason": "x"}, "exercise"),
        ({"reps": 4, "reason": "x", "weight": 3}, "weight"),
    ],
)
def test_dosage_edit_validation(api, program, body, field):
    item = program.items.get(exercise__slug="prone-on-elbows")
    response = api.patch(item_url(item), body)
    assert response.status_code == 400
    assert field in response.json()
    assert not DosageChange.objects.exists()


def test_dosage_edit_of_a_completed_program_is_a_conflict(api, program):
    program.status, program.completed_at = "completed", timezone.now()
    program.save()
    response = api.patch(item_url(program.items.first()), {"reps": 2, "reason": "x"})
    assert response.status_code == 409


def test_item_of_another_program_is_404(api, patient, program):
    other = program_factory(patient=patient, slugs=SLUGS[:1])
    url = f"/api/v1/programs/{program.pk}/items/{other.items.get().pk}/"
    assert api.patch(url, {"reps": 2, "reason": "x"}).status_code == 404


def test_another_clinics_programs_are_404(api, theirs):
    patient = theirs.patient
    item = theirs.items.first()
    calls = [
        ("get", programs_url(patient), None),
        ("post", programs_url(patient), {}),
        ("get", program_url(theirs), None),
        ("patch", program_url(theirs), {"status": "active"}),
        ("post", f"{program_url(theirs)}activate/", {}),
        ("patch", item_url(item), {"reps": 2, "reason": "x"}),
    ]
    for method, url, body in calls:
        assert getattr(api, method)(url, body).status_code == 404, (method, url)
    theirs.refresh_from_db()
    assert theirs.status == "draft" and Program.objects.count() == 1
    assert not DosageChange.objects.exists()


def _calls(patient, program):
    item = program.items.first()
    return [
        ("get", programs_url(patient), None),
        ("post", programs_url(patient), {}),
        ("get", program_url(program), None),
        ("patch", program_url(program), {"status": "active"}),
        ("post", f"{program_url(program)}activate/", {}),
        ("patch", item_url(item), {"reps": 2, "reason": "x"}),
    ]


def test_program_endpoints_need_credentials(anonymous, patient, program):
    for method, url, body in _calls(patient, program):
        assert getattr(anonymous, method)(url, body).status_code == 401, (method, url)


def test_read_key_cannot_change_programs(read_key_api, patient, program):
    for method, url, body in _calls(patient, program):
        expected = 200 if method == "get" else 403
        assert getattr(read_key_api, method)(url, body).status_code == expected, (method, url)
    program.refresh_from_db()
    assert program.status == "draft" and Program.objects.count() == 1


@pytest.mark.parametrize("rows", [1, 50])
def test_program_list_query_count_is_constant(api, patient, django_assert_max_num_queries, rows):
    for _ in range(rows):
        program_factory(patient=patient, slugs=SLUGS)
    api.get(programs_url(patient))
    with django_assert_max_num_queries(7):
        response = api.get(programs_url(patient), {"page_size": 50})
    assert len(response.json()["results"]) == rows
    assert all(len(row["items"]) == 3 for row in response.json()["results"])


def test_program_start_date_defaults_to_today(api, program):
    body = api.post(f"{program_url(program)}activate/", {}).json()
    assert body["start_date"] == timezone.localdate().isoformat()
    assert datetime.date.fromisoformat(body["start_date"])


# An integration's API key acts without a user: the rows it writes name no user, and the
# audit row names the key.


def test_api_key_generates_a_program(write_key_api, patient):
    from clinic.models import AuditLog

    response = write_key_api.post(programs_url(patient), {})
    assert response.status_code == 201
    program = patient.programs.get(pk=response.json()["id"])
    assert program.created_by is None
    row = AuditLog.objects.get(object_type="Program", action="create")
    assert row.api_key is not None and row.actor is None and row.channel == "api"


def test_api_key_edits_a_dosage(write_key_api, program):
    item = program.items.get(exercise__slug="prone-on-elbows")
    assert write_key_api.patch(item_url(item), {"reps": 4, "reason": "x"}).status_code == 200
    change = item.dosage_changes.get()
    assert change.changed_by is None and change.reason == "x"


@pytest.mark.parametrize(
    ("field", "value"), [("start_date", "0001-01-01"), ("end_date", "9999-12-31")]
)
def test_program_dates_are_bounded(api, program, field, value):
    before = (program.start_date, program.end_date)
    response = api.patch(program_url(program), {field: value})
    assert response.status_code == 400 and field in response.json()
    program.refresh_from_db()
    assert (program.start_date, program.end_date) == before


def test_the_database_refuses_program_dates_out_of_range(program):
    import datetime

    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        type(program).objects.filter(pk=program.pk).update(start_date=datetime.date(1, 1, 1))
