"""Clinician pages for patients: access, audit, validation messages and query counts."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditLog
from patients.models import Patient
from tests.factories import ClinicianFactory, PatientFactory

pytestmark = pytest.mark.django_db

PATIENT_PAGES = [
    ("patients:detail", "get"),
    ("patients:edit", "get"),
    ("patients:edit", "post"),
    ("patients:assessment_create", "post"),
    ("patients:archive", "get"),
    ("patients:archive", "post"),
    ("patients:audit", "get"),
]

VALID_CREATE = {
    "first_name": "Grace",
    "last_name": "Hopper",
    "date_of_birth": "1970-12-09",
    "external_id": "MRN-77",
    "email": "grace@example.com",
    "phone": "",
    "condition": "bulging_disc",
    "region": "lower_back",
    "timezone": "Europe/London",
    "prone_tolerant": "on",
    "injury_severity": "mild",
    "pain_level": "6",
    "notes": "",
}


@pytest.mark.parametrize(("name", "method"), PATIENT_PAGES)
def test_another_clinics_patient_is_404(clinic, other_clinic_patient, name, method):
    admin = ClinicianFactory(clinic=clinic, is_clinic_admin=True)
    client = Client()
    client.force_login(admin.user)
    url = reverse(name, args=[other_clinic_patient.pk])
    response = getattr(client, method)(url, VALID_CREATE if method == "post" else None)
    assert response.status_code == 404
    other_clinic_patient.refresh_from_db()
    assert other_clinic_patient.status == "active"
    assert other_clinic_patient.assessments.count() == 1
    assert not AuditLog.objects.filter(patient=other_clinic_patient).exists()


@pytest.mark.parametrize(("name", "method"), PATIENT_PAGES)
def test_missing_patient_is_404_too(clinic_admin, name, method):
    client = Client()
    client.force_login(clinic_admin.user)
    assert getattr(client, method)(reverse(name, args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("name", "method", "needs_id"),
    [
        ("home", "get", False),
        ("patients:list", "get", False),
        ("patients:create", "get", False),
        ("patients:create", "post", False),
        *[(name, method, True) for name, method in PATIENT_PAGES],
    ],
)
def test_anonymous_users_are_sent_to_login(patient, name, method, needs_id):
    url = reverse(name, args=[patient.pk] if needs_id else [])
    response = getattr(Client(), method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert Patient.objects.count() == 1


def test_non_clinician_user_is_refused(patient):
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    assert client.get(reverse("patients:list")).status_code == 403
    assert client.get(reverse("patients:detail", args=[patient.pk])).status_code == 403


def test_audit_page_is_for_clinic_admins_only(clinician_client, patient):
    assert clinician_client.get(reverse("patients:audit", args=[patient.pk])).status_code == 404


def test_clinic_admin_reads_the_audit_trail(clinic_admin, patient):
    client = Client()
    client.force_login(clinic_admin.user)
    client.get(reverse("patients:detail", args=[patient.pk]))
    response = client.get(reverse("patients:audit", args=[patient.pk]))
    assert response.status_code == 200
    assert clinic_admin.user.email in response.content.decode()


def test_create_shows_tier_and_audits(clinician_client, clinician):
    response = clinician_client.post(reverse("patients:create"), VALID_CREATE, follow=True)
    patient = Patient.objects.get()
    assert response.redirect_chain[-1][0] == reverse("patients:detail", args=[patient.pk])
    page = response.content.decode()
    assert "tier moderate" in page
    assert "tier moderate: pain 6/10 is moderate; severity mild" in page
    actions = set(AuditLog.objects.filter(patient=patient).values_list("action", flat=True))
    assert actions == {"create", "view"}
    assert AuditLog.objects.filter(patient=patient, actor=clinician.user).count() == 3


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "", "This field is required."),
        ("last_name", "", "This field is required."),
        ("date_of_birth", "not-a-date", "Enter a valid date."),
        ("date_of_birth", "2999-01-01", "cannot be in the future"),
        ("email", "not-an-email", "Enter a valid email address."),
        ("condition", "broken", "Select a valid choice."),
        ("region", "neck", "Select a valid choice."),
        ("timezone", "Mars/Olympus", "Select a valid choice."),
        ("injury_severity", "", "This field is required."),
        ("pain_level", "11", "less than or equal to 10"),
        ("pain_level", "-1", "greater than or equal to 0"),
        ("pain_level", "seven", "Enter a whole number."),
        ("red_flags", "back_ache", "Select a valid choice."),
    ],
)
def test_create_form_reports_each_bad_field(clinician_client, field, value, message):
    response = clinician_client.post(reverse("patients:create"), VALID_CREATE | {field: value})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'id="error_1_id_{field}"' in page or f"id_{field}" in page
    assert "nothing was saved" in page
    assert not Patient.objects.exists()


def test_duplicate_external_id_is_reported_on_the_field(clinician_client, clinic):
    PatientFactory(clinic=clinic, external_id="MRN-77")
    response = clinician_client.post(reverse("patients:create"), VALID_CREATE)
    assert "already has this external ID" in response.content.decode()
    assert Patient.objects.count() == 1


def test_edit_saves_and_audits(clinician_client, patient):
    data = VALID_CREATE | {"first_name": "Changed", "external_id": ""}
    response = clinician_client.post(reverse("patients:edit", args=[patient.pk]), data)
    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.first_name == "Changed"
    assert AuditLog.objects.filter(patient=patient, action="change").exists()


def test_new_assessment_changes_tier_and_keeps_history(clinician_client, patient):
    url = reverse("patients:assessment_create", args=[patient.pk])
    response = clinician_client.post(
        url, {"injury_severity": "severe", "pain_level": "2"}, follow=True
    )
    assert "tier severe" in response.content.decode()
    assert patient.assessments.count() == 2


def test_bad_assessment_shows_errors_and_changes_nothing(clinician_client, patient):
    url = reverse("patients:assessment_create", args=[patient.pk])
    response = clinician_client.post(url, {"injury_severity": "mild", "pain_level": "12"})
    assert response.status_code == 400
    assert "less than or equal to 10" in response.content.decode()
    assert patient.assessments.count() == 1


def test_red_flag_patient_shows_referral_with_the_flags(clinician_client, clinic):
    flagged = PatientFactory(clinic=clinic, red_flags=["saddle_anaesthesia", "night_pain"])
    page = clinician_client.get(reverse("patients:detail", args=[flagged.pk])).content.decode()
    assert "Emergency referral required today" in page
    assert "Saddle anaesthesia" in page and "Night pain" in page


def test_archive_needs_confirmation_then_hides_from_list(clinician_client, patient):
    url = reverse("patients:archive", args=[patient.pk])
    assert "Archive patient" in clinician_client.get(url).content.decode()
    patient.refresh_from_db()
    assert patient.status == "active"
    clinician_client.post(url)
    patient.refresh_from_db()
    assert patient.status == "archived"
    link = f'href="{reverse("patients:detail", args=[patient.pk])}"'
    assert link not in clinician_client.get(reverse("patients:list")).content.decode()
    archived = clinician_client.get(reverse("patients:list"), {"status": "archived"})
    assert link in archived.content.decode()


def test_list_filters_and_search(clinician_client, clinic):
    severe = PatientFactory(clinic=clinic, last_name="Severeson", severity="severe", pain_level=8)
    PatientFactory(clinic=clinic, last_name="Mildton", severity="mild", pain_level=2)
    PatientFactory(clinic=clinic, last_name="Flagg", red_flags=["night_pain"], external_id="EX9")
    url = reverse("patients:list")

    def names(**params):
        return clinician_client.get(url, params).content.decode()

    assert "Severeson" in names(tier="severe") and "Mildton" not in names(tier="severe")
    assert "Flagg" in names(referral_required="true") and "Severeson" not in names(
        referral_required="true"
    )
    assert "Flagg" in names(q="EX9") and "Mildton" not in names(q="EX9")
    assert "Severeson" in names(q=severe.last_name.lower())


def test_list_with_bad_filter_reports_it_and_ignores_it(clinician_client, patient):
    response = clinician_client.get(reverse("patients:list"), {"tier": "extreme", "page": "x"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "were not understood" in page
    assert patient.last_name in page


def test_list_never_shows_another_clinics_patients(clinician_client, other_clinic_patient):
    page = clinician_client.get(reverse("patients:list")).content.decode()
    assert other_clinic_patient.last_name not in page


@pytest.mark.parametrize("rows", [1, 50])
def test_list_query_count_is_constant(
    clinician_client, clinic, django_assert_max_num_queries, rows
):
    PatientFactory.create_batch(rows, clinic=clinic)
    # session, user, clinician+clinic, count, one page of patients joined to their latest
    # assessment, one INSERT of the audit rows of the patients shown, then the session save
    # (3 with its savepoint)
    with django_assert_max_num_queries(9):
        response = clinician_client.get(reverse("patients:list"), {"page": "1"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 50])
def test_detail_query_count_is_constant(
    clinician_client, patient, django_assert_max_num_queries, rows
):
    from tests.factories import AssessmentFactory

    AssessmentFactory.create_batch(rows, patient=patient)
    # as the list, with the patient, the audit row and the history instead of count and page,
    # plus programs, templates, alerts, suggestions, sessions with their items, the two
    # charts' data and the latest invitation; the outcomes panel adds its scores with their
    # PSFS ratings, the programs, the clinic's interval and the discharges; the reading panel
    # the program's pinned pages
    with django_assert_max_num_queries(24):
        assert (
            clinician_client.get(reverse("patients:detail", args=[patient.pk])).status_code == 200
        )


def test_detail_draws_the_followup_charts(clinician_client, patient):
    from tests.factories import program_factory, session_factory

    session_factory(program=program_factory(patient=patient, status="active"), before=2, after=6)
    page = clinician_client.get(reverse("patients:detail", args=[patient.pk])).content.decode()
    assert page.count('role="img"') == 2
    assert "pain after 6/10" in page and "Weekly adherence for 1 week" in page


def test_audit_trail_names_the_api_key_that_acted(clinic_admin, patient):
    from clinic.models import AuditLog
    from clinic.services import Actor
    from patients.services import patient_record_view
    from tests.factories import api_key_for

    key, _ = api_key_for(patient.clinic, name="Practice EHR")
    actor = Actor(clinic=patient.clinic, user=None, channel=AuditLog.Channel.API, api_key=key)
    patient_record_view(actor=actor, patient=patient)
    client = Client()
    client.force_login(clinic_admin.user)
    page = client.get(reverse("patients:audit", args=[patient.pk])).content.decode()
    assert f"API key “Practice EHR” ({key.prefix}…)" in page and "REST API" in page


def test_audit_rows_record_where_the_request_came_from(clinician, patient):
    client = Client(REMOTE_ADDR="203.0.113.7")
    client.force_login(clinician.user)
    client.get(reverse("patients:detail", args=[patient.pk]))
    row = AuditLog.objects.get(patient=patient, action="view")
    assert (row.ip_address, row.channel, row.actor) == ("203.0.113.7", "ui", clinician.user)


def test_create_form_reports_every_bad_field_at_once(clinician_client):
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    data = VALID_CREATE | {"pain_level": "11", "date_of_birth": future, "first_name": ""}
    page = clinician_client.post(reverse("patients:create"), data).content.decode()
    assert "cannot be in the future" in page
    assert "less than or equal to 10" in page
    assert "This field is required" in page
    assert not Patient.objects.exists()


def test_create_service_reports_record_and_assessment_errors_together(actor, clinic):
    from patients.services import patient_create

    PatientFactory(clinic=clinic, external_id="MRN-9")
    with pytest.raises(ValidationError) as caught:
        patient_create(
            actor=actor,
            first_name="Ann",
            last_name="Lee",
            date_of_birth=timezone.localdate() + datetime.timedelta(days=1),
            condition="bulging_disc",
            region="lower_back",
            injury_severity="mild",
            pain_level=11,
            external_id="MRN-9",
        )
    assert set(caught.value.message_dict) == {"date_of_birth", "pain_level", "external_id"}
    assert Patient.objects.count() == 1


def test_time_zone_picker_offers_common_zones_first_grouped_by_region(clinician_client):
    page = clinician_client.get(reverse("patients:create")).content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)"', page)
    assert groups[0] == "Common" and "Europe" in groups and "America" in groups
    assert 'value="localtime"' not in page and 'value="Factory"' not in page
    common = page.split('<optgroup label="Common">')[1].split("</optgroup>")[0]
    assert 'value="Europe/London"' in common


def test_audit_trail_reads_labels_not_codes(clinic_admin, patient):
    from clinic.services import Actor
    from patients.services import assessment_record

    actor = Actor(clinic=patient.clinic, user=clinic_admin.user)
    assessment_record(
        actor=actor,
        patient=patient,
        injury_severity="moderate",
        pain_level=4,
        red_flags=["night_pain"],
    )
    client = Client()
    client.force_login(clinic_admin.user)
    page = client.get(reverse("patients:audit", args=[patient.pk])).content.decode()
    assert "Red flags: none → Night pain" in page
    assert "night_pain" not in page
    export = client.get(reverse("clinic:audit"), {"patient": patient.pk, "format": "csv"})
    assert "Red flags: none → Night pain" in export.content.decode()
