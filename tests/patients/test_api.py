"""Patients and assessments API: SPEC 5 fields, validation, tenancy, archive, audit, queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clinic.models import AuditLog
from patients.models import Assessment, Patient
from patients.services import patient_change
from tests.factories import ClinicFactory, PatientFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/patients/"
SPEC_FIELDS = {
    "id",
    "external_id",
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "phone",
    "timezone",
    "condition",
    "region",
    "injury_severity",
    "pain_level",
    "prone_tolerant",
    "red_flags",
    "tier",
    "referral_required",
    "status",
    "created_at",
    "updated_at",
}
REQUIRED = {
    "first_name": "Grace",
    "last_name": "Hopper",
    "date_of_birth": "1970-12-09",
    "condition": "bulging_disc",
    "region": "lower_back",
    "injury_severity": "mild",
    "pain_level": 6,
}


def detail(patient_or_id) -> str:
    return f"/api/v1/patients/{getattr(patient_or_id, 'pk', patient_or_id)}/"


# --- create -------------------------------------------------------------------------------


def test_create_with_required_fields_uses_the_defaults(api, clinic):
    clinic.timezone = "America/New_York"
    clinic.save()
    response = api.post(LIST, REQUIRED)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == SPEC_FIELDS
    assert body["prone_tolerant"] is True
    assert body["red_flags"] == []
    assert body["timezone"] == "America/New_York"
    assert body["tier"] == "moderate"  # pain 6 is moderate, worse than the mild grading
    assert body["referral_required"] is False
    assert body["status"] == "active"
    assert body["created_at"].endswith("Z")
    patient = Patient.objects.get(pk=body["id"])
    assert patient.clinic == clinic
    assert patient.assessments.count() == 1  # creating a patient records the first assessment


def test_create_with_every_field(api):
    body = {
        **REQUIRED,
        "external_id": "MRN-1",
        "email": "Grace@Example.com",
        "phone": "+44 20 7946 0000",
        "timezone": "Europe/Paris",
        "prone_tolerant": False,
        "red_flags": ["night_pain", "saddle_anaesthesia"],
    }
    response = api.post(LIST, body)
    assert response.status_code == 201
    data = response.json()
    assert data["external_id"] == "MRN-1"
    assert data["email"] == "grace@example.com"
    assert data["prone_tolerant"] is False
    assert data["red_flags"] == ["saddle_anaesthesia", "night_pain"]
    assert data["referral_required"] is True


@pytest.mark.parametrize("field", sorted(REQUIRED))
def test_create_requires_each_required_field(api, field):
    body = {name: value for name, value in REQUIRED.items() if name != field}
    response = api.post(LIST, body)
    assert response.status_code == 400
    assert response.json() == {field: ["This field is required."]}
    assert not Patient.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pain_level": 11}, "pain_level"),
        ({"pain_level": -1}, "pain_level"),
        ({"pain_level": "a lot"}, "pain_level"),
        ({"injury_severity": "extreme"}, "injury_severity"),
        ({"condition": "sciatica"}, "condition"),
        ({"region": "neck"}, "region"),
        ({"date_of_birth": "17/05/1980"}, "date_of_birth"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),  # the service: not in the future
        ({"date_of_birth": "1850-01-01"}, "date_of_birth"),
        ({"first_name": ""}, "first_name"),
        ({"first_name": "x" * 101}, "first_name"),
        ({"email": "not-an-email"}, "email"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"red_flags": ["headache"]}, "red_flags"),
        ({"red_flags": "night_pain"}, "red_flags"),
        ({"prone_tolerant": "perhaps"}, "prone_tolerant"),
        ({"first_name": None}, "first_name"),
        ({"first_name": "nul\x00byte"}, "first_name"),
    ],
)
def test_create_validation_errors_name_the_field(api, changes, field):
    response = api.post(LIST, {**REQUIRED, **changes})
    assert response.status_code == 400
    assert field in response.json()
    assert not Patient.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"tier": "none"}, "This field is read-only."),
        ({"referral_required": False}, "This field is read-only."),
        ({"status": "archived"}, "This field is read-only."),
        ({"id": 7}, "This field is read-only."),
        ({"nickname": "Amazing Grace"}, "Unknown field."),
    ],
)
def test_create_refuses_read_only_and_unknown_fields(api, extra, message):
    response = api.post(LIST, {**REQUIRED, **extra})
    assert response.status_code == 400
    assert response.json() == {next(iter(extra)): [message]}
    assert not Patient.objects.exists()


def test_external_id_is_unique_per_clinic(api, clinic):
    PatientFactory(clinic=clinic, external_id="MRN-9")
    PatientFactory(clinic=ClinicFactory(), external_id="MRN-10")
    response = api.post(LIST, {**REQUIRED, "external_id": "MRN-9"})
    assert response.status_code == 400
    assert list(response.json()) == ["external_id"]
    assert api.post(LIST, {**REQUIRED, "external_id": "MRN-10"}).status_code == 201


def test_create_is_audited_as_api(api, clinician):
    patient_id = api.post(LIST, REQUIRED).json()["id"]
    rows = AuditLog.objects.filter(patient_id=patient_id)
    assert {(row.action, row.object_type) for row in rows} == {
        ("create", "Patient"),
        ("create", "Assessment"),
    }
    assert {(row.channel, row.actor_id) for row in rows} == {("api", clinician.user_id)}


# --- list ---------------------------------------------------------------------------------


def test_list_is_paginated(api, clinic):
    for _ in range(3):
        PatientFactory(clinic=clinic)
    first = api.get(LIST, {"page_size": 2}).json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert "page=2" in first["next"]
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert set(first["results"][0]) == SPEC_FIELDS


def test_page_size_defaults_to_25_and_is_capped_at_100(api, clinic):
    PatientFactory.create_batch(101, clinic=clinic)
    assert len(api.get(LIST).json()["results"]) == 25
    assert len(api.get(LIST, {"page_size": 1000}).json()["results"]) == 100


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "0"}, "page"),
        ({"page": "two"}, "page"),
        ({"page_size": "-5"}, "page_size"),
        ({"status": "deleted"}, "status"),
        ({"tier": "extreme"}, "tier"),
        ({"condition": "sciatica"}, "condition"),
        ({"archived": "maybe"}, "archived"),
        ({"ordering": "password"}, "ordering"),
        ({"q": "x" * 101}, "q"),
        ({"referral_required": "maybe"}, "referral_required"),
        ({"status": "active", "archived": "true"}, "archived"),
    ],
)
def test_bad_filters_are_400_naming_the_parameter(api, patient, params, field):
    response = api.get(LIST, params)
    assert response.status_code == 400
    assert field in response.json()


def test_page_past_the_end_is_404(api, patient):
    assert api.get(LIST, {"page": 2}).status_code == 404


@pytest.mark.parametrize("page", [str(2**63), "9" * 5000])
def test_pages_beyond_any_database_offset_are_404(api, patient, page):
    response = api.get(LIST, {"page": page})
    assert response.status_code == 404
    assert "Invalid page" in response.json()["detail"]


def test_page_numbers_and_sizes_of_any_length_are_read(api, clinic):
    PatientFactory.create_batch(3, clinic=clinic)
    body = api.get(LIST, {"page": "0001", "page_size": "9" * 5000}).json()
    assert body["count"] == 3 and len(body["results"]) == 3
    assert api.get(LIST, {"page": "000"}).status_code == 400


def test_the_total_is_counted_when_the_page_cannot_tell_it(api, clinic, django_assert_num_queries):
    PatientFactory.create_batch(5, clinic=clinic)
    api.get(LIST)  # the token's last-used time is written once a minute, not in the count
    for params, queries, count in [
        # the credential, the page, (the count,) the audit rows of the patients shown; a page
        # past the first is read in two steps, its ids then its rows (clinic.paging)
        ({"page_size": 2}, 4, 5),  # a full page: counted
        ({"page_size": 2, "page": 3}, 4, 5),  # the short last page tells it
        ({"page_size": 5}, 4, 5),  # full, though it happens to be the last
        ({"page_size": 10}, 3, 5),
        ({"page_size": 2, "q": "nobody"}, 3, 0),  # the empty first page: one row, no patient
    ]:
        with django_assert_num_queries(queries):
            body = api.get(LIST, params).json()
        assert body["count"] == count, params
    with django_assert_num_queries(3):  # past the end: empty, so counted, and a 404
        assert api.get(LIST, {"page_size": 2, "page": 4}).status_code == 404


def test_the_count_leaves_out_the_join_of_the_page(api, clinic):
    """The page reads the latest assessment's columns; counting needs only the patients."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PatientFactory.create_batch(3, clinic=clinic)
    with CaptureQueriesContext(connection) as queries:
        body = api.get(LIST, {"page_size": 2}).json()
    assert body["count"] == 3 and body["results"][0]["tier"]
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]
    assert len(counts) == 1 and "patients_assessment" not in counts[0]
    # A filter on the assessment still joins it, and still counts right.
    filtered = api.get(LIST, {"page_size": 1, "referral_required": "false"}).json()
    assert filtered["count"] == 3


def test_an_empty_list_is_one_empty_page(api, clinic):
    assert api.get(LIST).json() == {
        "count": 0,
        "count_capped": False,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_filters(api, clinic):
    strain = PatientFactory(
        clinic=clinic,
        first_name="Alan",
        last_name="Turing",
        condition="muscle_strain",
        external_id="EX-1",
        severity="severe",
        pain_level=8,
    )
    disc = PatientFactory(
        clinic=clinic,
        first_name="Joan",
        last_name="Clarke",
        condition="herniated_disc",
        severity="mild",
        pain_level=2,
    )
    archived = PatientFactory(clinic=clinic, last_name="Gone")
    archived.status, archived.archived_at = "archived", timezone.now()
    archived.save()
    PatientFactory(clinic=ClinicFactory(), first_name="Alan")

    def ids(**params):
        return [row["id"] for row in api.get(LIST, params).json()["results"]]

    assert ids() == [disc.pk, strain.pk]  # by last name
    assert ids(q="alan") == [strain.pk]
    assert ids(q="EX-1") == [strain.pk]
    assert ids(tier="severe") == [strain.pk]
    assert ids(tier="mild") == [disc.pk]
    assert ids(condition="herniated_disc") == [disc.pk]
    assert ids(archived="true") == [archived.pk]
    assert ids(status="archived") == [archived.pk]
    assert ids(status="active", archived="false") == [disc.pk, strain.pk]
    assert ids(ordering="-last_name") == [strain.pk, disc.pk]
    assert ids(ordering="-created_at") == [disc.pk, strain.pk]
    assert ids(referral_required="true") == []
    assert ids(referral_required="false") == [disc.pk, strain.pk]


# --- retrieve, change, archive -------------------------------------------------------------


def test_retrieve_is_audited_as_a_view(api, patient):
    response = api.get(detail(patient))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == SPEC_FIELDS
    assert (body["injury_severity"], body["pain_level"], body["tier"]) == (
        "moderate",
        4,
        "moderate",
    )
    assert AuditLog.objects.filter(patient=patient, action="view", channel="api").count() == 1


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_another_clinics_patient_is_404_like_a_missing_one(api, other_clinic_patient, method):
    for target in (other_clinic_patient.pk, 999_999):
        response = getattr(api, method)(detail(target), {"first_name": "Mallory"})
        assert response.status_code == 404
        assert response.json() == {"detail": "No Patient matches the given query."}
    other_clinic_patient.refresh_from_db()
    assert other_clinic_patient.first_name != "Mallory"
    assert other_clinic_patient.status == "active"
    assert not AuditLog.objects.filter(patient=other_clinic_patient).exists()


def test_patch_record_fields(api, patient):
    response = api.patch(detail(patient), {"first_name": "Grace", "phone": "123"})
    assert response.status_code == 200
    assert response.json()["first_name"] == "Grace"
    patient.refresh_from_db()
    assert (patient.first_name, patient.phone) == ("Grace", "123")
    assert patient.assessments.count() == 1
    row = AuditLog.objects.get(patient=patient, action="change")
    assert "first_name" in row.summary


def test_patch_grading_records_a_new_assessment_carrying_the_rest(api, patient):
    before = patient.latest_assessment
    response = api.patch(detail(patient), {"pain_level": 8})
    assert response.status_code == 200
    body = response.json()
    assert (body["injury_severity"], body["pain_level"], body["tier"]) == ("moderate", 8, "severe")
    assert patient.assessments.count() == 2
    before.refresh_from_db()
    assert before.pain_level == 4  # history is never overwritten
    response = api.patch(detail(patient), {"red_flags": ["history_of_cancer"]})
    body = response.json()
    assert body["pain_level"] == 8 and body["red_flags"] == ["history_of_cancer"]
    assert body["referral_required"] is True


def test_patch_validation(api, patient):
    assert api.patch(detail(patient), {"pain_level": 12}).status_code == 400
    assert api.patch(detail(patient), {"tier": "none"}).json() == {
        "tier": ["This field is read-only."]
    }
    assert api.patch(detail(patient), {"date_of_birth": "2999-01-01"}).status_code == 400
    assert api.patch(detail(patient), {"first_name": ""}).status_code == 400
    patient.refresh_from_db()
    assert patient.assessments.count() == 1 and patient.date_of_birth.year == 1980


def test_change_is_all_or_nothing(actor, patient):
    with pytest.raises(ValidationError):
        patient_change(actor=actor, patient=patient, first_name="Changed", injury_severity="bogus")
    patient.refresh_from_db()
    assert patient.first_name != "Changed"
    assert patient.assessments.count() == 1


def test_delete_archives(api, patient):
    assert api.delete(detail(patient)).status_code == 204
    patient.refresh_from_db()
    assert patient.status == "archived" and patient.archived_at is not None
    assert api.get(LIST).json()["count"] == 0
    assert api.get(LIST, {"archived": "true"}).json()["results"][0]["id"] == patient.pk
    assert api.get(detail(patient)).json()["status"] == "archived"
    assert AuditLog.objects.filter(patient=patient, action="archive", channel="api").exists()


def test_archived_patient_cannot_change(api, patient):
    api.delete(detail(patient))
    for response in (
        api.patch(detail(patient), {"first_name": "New"}),
        api.patch(detail(patient), {"pain_level": 1}),
        api.delete(detail(patient)),
        api.post(f"{detail(patient)}assessments/", {"injury_severity": "mild", "pain_level": 1}),
    ):
        assert response.status_code == 409
        assert "archived" in response.json()["detail"]
    assert patient.assessments.count() == 1


# --- assessments ----------------------------------------------------------------------------


def test_assessments_list_and_create(api, patient, clinician):
    url = f"{detail(patient)}assessments/"
    created = api.post(
        url, {"injury_severity": "severe", "pain_level": 2, "red_flags": ["saddle_anaesthesia"]}
    )
    assert created.status_code == 201
    body = created.json()
    assert body["tier"] == "severe"
    assert body["referral_required"] is True and body["referral_level"] == "emergency"
    assert body["assessed_by"] == clinician.user.email
    listed = api.get(url).json()
    assert listed["count"] == 2
    assert listed["results"][0]["id"] == body["id"]  # newest first
    assert api.get(detail(patient)).json()["tier"] == "severe"


@pytest.mark.parametrize(
    "body",
    [
        {"pain_level": 2},
        {"injury_severity": "mild"},
        {"injury_severity": "mild", "pain_level": 20},
        {"injury_severity": "mild", "pain_level": 2, "red_flags": ["fever"]},
        {"injury_severity": "mild", "pain_level": 2, "tier": "none"},
        {"injury_severity": "mild", "pain_level": 2, "notes": "x" * 5001},
    ],
)
def test_assessment_validation(api, patient, body):
    response = api.post(f"{detail(patient)}assessments/", body)
    assert response.status_code == 400
    assert Assessment.objects.filter(patient=patient).count() == 1


def test_assessments_of_another_clinic_are_404(api, other_clinic_patient):
    url = f"{detail(other_clinic_patient)}assessments/"
    assert api.get(url).status_code == 404
    assert api.post(url, {"injury_severity": "mild", "pain_level": 1}).status_code == 404
    assert other_clinic_patient.assessments.count() == 1


# --- credentials ----------------------------------------------------------------------------


def _every_call(patient):
    return [
        ("get", LIST, None),
        ("post", LIST, REQUIRED),
        ("get", detail(patient), None),
        ("patch", detail(patient), {"first_name": "X"}),
        ("delete", detail(patient), None),
        ("get", f"{detail(patient)}assessments/", None),
        ("post", f"{detail(patient)}assessments/", {"injury_severity": "mild", "pain_level": 1}),
    ]


def test_every_patient_endpoint_needs_credentials(anonymous, patient):
    for method, url, body in _every_call(patient):
        assert getattr(anonymous, method)(url, body).status_code == 401, (method, url)
    patient.refresh_from_db()
    assert patient.status == "active" and patient.first_name != "X"


def test_read_key_is_refused_on_every_write(read_key_api, patient):
    for method, url, body in _every_call(patient):
        expected = 200 if method == "get" else 403
        assert getattr(read_key_api, method)(url, body).status_code == expected, (method, url)
    assert Patient.objects.count() == 1 and patient.assessments.count() == 1


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 50])
def test_list_query_count_is_constant(api, clinic, django_assert_max_num_queries, rows):
    PatientFactory.create_batch(rows, clinic=clinic)
    api.get(LIST)  # the token's last-used time is written once a minute, not in the count
    # The credential, the page with LIMIT (the total as a plain count when the page is
    # full), then one INSERT of the audit rows of the patients shown.
    with django_assert_max_num_queries(3 if rows < 50 else 4):
        response = api.get(LIST, {"page_size": 50})
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [1, 50])
def test_assessment_list_query_count_is_constant(
    api, patient, actor, django_assert_max_num_queries, rows
):
    from patients.services import assessment_record

    for n in range(rows - 1):
        assessment_record(actor=actor, patient=patient, injury_severity="mild", pain_level=n % 10)
    url = f"{detail(patient)}assessments/"
    api.get(url)
    with django_assert_max_num_queries(6):
        response = api.get(url, {"page_size": 50})
    assert len(response.json()["results"]) == rows


def test_timestamps_are_utc_iso_8601(api, patient):
    body = api.get(detail(patient)).json()
    parsed = datetime.datetime.fromisoformat(body["updated_at"])
    assert parsed.utcoffset() == datetime.timedelta(0)


def test_hand_built_output_matches_the_documented_fields(api, clinic):
    """The list (values_list rows) and the detail (hand-built from the model) give exactly what
    DRF's walk over the documented fields would."""
    from rest_framework import serializers

    from patients.api.serializers import PatientSerializer

    patient = PatientFactory(
        clinic=clinic,
        external_id="MRN-5",
        email="p@example.com",
        severity="severe",
        pain_level=9,
        red_flags=["night_pain"],
    )
    patient = Patient.objects.select_related("latest_assessment").get(pk=patient.pk)
    documented = serializers.Serializer.to_representation(PatientSerializer(), patient)
    assert PatientSerializer(patient).data == documented
    assert api.get(detail(patient)).json() == documented
    assert api.get(LIST).json()["results"] == [documented]


def test_create_reports_every_bad_field_at_once(api):
    future = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    body = REQUIRED | {"pain_level": 11, "date_of_birth": future}
    response = api.post("/api/v1/patients/", body, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert "date_of_birth" in str(errors) and "pain_level" in str(errors), errors
    assert not Patient.objects.exists()


@pytest.mark.parametrize("zone", ["localtime", "Factory", "posixrules", "Etc/GMT+5", "EST5EDT"])
def test_time_zones_that_are_no_place_are_refused(api, zone):
    response = api.post(LIST, REQUIRED | {"timezone": zone}, format="json")
    assert response.status_code == 400 and "timezone" in response.json()


def test_external_ids_are_unique_ignoring_case(api):
    assert api.post(LIST, REQUIRED | {"external_id": "MRN-7"}, format="json").status_code == 201
    again = api.post(LIST, REQUIRED | {"external_id": "mrn-7"}, format="json")
    assert again.status_code == 400 and "external_id" in again.json()
