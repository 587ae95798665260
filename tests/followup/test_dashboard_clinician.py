"""Each patient has a responsible clinician; the dashboard shows everyone's or one's patients."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditLog
from clinic.services import Actor
from patients.models import Patient
from patients.services import patient_create, patient_update
from programs.followup.services import attention_rebuild
from tests.factories import ClinicFactory, ClinicianFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db

DASHBOARD = "followup:dashboard"


def _idle(patient):
    program = program_factory(patient=patient, status="active")
    program.start_date = timezone.localdate() - datetime.timedelta(days=10)
    program.save()


def _new(actor, **extra):
    return patient_create(
        actor=actor,
        first_name="Ada",
        last_name="Lovelace",
        date_of_birth=datetime.date(1980, 1, 1),
        condition="nonspecific_back_pain",
        region="lower_back",
        injury_severity="mild",
        pain_level=3,
        **extra,
    )


def test_a_new_patient_is_in_the_care_of_the_clinician_who_adds_them(actor):
    assert _new(actor).clinician == actor.user


def test_an_integration_adds_patients_without_a_clinician(clinic, clinician):
    key_actor = Actor(clinic=clinic, user=None, channel=AuditLog.Channel.API)
    assert _new(key_actor).clinician is None


def test_a_clinician_of_another_clinic_is_refused_and_nothing_changes(actor, patient):
    stranger = ClinicianFactory(clinic=ClinicFactory()).user
    with pytest.raises(ValidationError) as refused:
        patient_update(actor=actor, patient=patient, clinician=stranger)
    assert "clinician" in refused.value.message_dict
    patient.refresh_from_db()
    assert patient.clinician is None


def test_changing_the_clinician_is_audited_by_id(actor, clinic, patient):
    colleague = ClinicianFactory(clinic=clinic).user
    patient_update(actor=actor, patient=patient, clinician=colleague)
    row = AuditLog.objects.filter(patient=patient, action="change").latest("id")
    assert row.changes == [{"field": "clinician", "old": None, "new": colleague.pk}]


def test_the_form_assigns_and_an_older_form_without_the_field_keeps_it(
    clinician_client, clinic, patient
):
    colleague = ClinicianFactory(clinic=clinic).user
    url = reverse("patients:edit", args=[patient.pk])
    form = clinician_client.get(url).context["patient_form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "clinician"}
    data["date_of_birth"] = patient.date_of_birth.isoformat()
    assert clinician_client.post(url, {**data, "clinician": colleague.pk}).status_code == 302
    assert Patient.objects.get(pk=patient.pk).clinician == colleague
    assert clinician_client.post(url, data).status_code == 302
    assert Patient.objects.get(pk=patient.pk).clinician == colleague


def test_the_form_offers_only_this_clinics_clinicians(clinician_client, clinic, patient):
    stranger = ClinicianFactory(clinic=ClinicFactory()).user
    url = reverse("patients:edit", args=[patient.pk])
    form = clinician_client.get(url).context["patient_form"]
    assert stranger not in form.fields["clinician"].queryset
    data = {k: v for k, v in form.initial.items() if v is not None and k != "clinician"}
    data["date_of_birth"] = patient.date_of_birth.isoformat()
    response = clinician_client.post(url, {**data, "clinician": stranger.pk})
    assert response.status_code == 200 and "clinician" in response.context["patient_form"].errors
    assert Patient.objects.get(pk=patient.pk).clinician is None


def test_the_dashboard_shows_one_clinicians_patients_with_their_counts(
    clinician_client, clinician, clinic
):
    colleague = ClinicianFactory(clinic=clinic).user
    mine = PatientFactory(clinic=clinic, last_name="Minefield", clinician=clinician.user)
    theirs = PatientFactory(clinic=clinic, last_name="Theirson", clinician=colleague)
    for patient in (mine, theirs):
        _idle(patient)
    attention_rebuild(clinic=clinic)
    everyone = clinician_client.get(reverse(DASHBOARD))
    assert "Minefield" in everyone.content.decode() and "Theirson" in everyone.content.decode()
    response = clinician_client.get(reverse(DASHBOARD), {"clinician": clinician.user.pk})
    page = response.content.decode()
    assert "Minefield" in page and "Theirson" not in page
    assert sum(everyone.context["dashboard"].counts.values()) == 2
    assert sum(response.context["dashboard"].counts.values()) == 1
    assert f'href="?clinician={clinician.user.pk}&amp;reason=' in page  # reason links keep it
    assert "My patients" in page


def test_an_unknown_clinician_shows_everyone_and_says_so(clinician_client, clinic):
    stranger = ClinicianFactory(clinic=ClinicFactory()).user
    _idle(PatientFactory(clinic=clinic, last_name="Anyone"))
    attention_rebuild(clinic=clinic)
    for value in (stranger.pk, "x"):
        page = clinician_client.get(reverse(DASHBOARD), {"clinician": value}).content.decode()
        assert "Anyone" in page and "not one of this clinic" in page


def test_the_add_patient_form_assigns_the_chosen_clinician(clinician_client, clinic):
    from tests.patients.test_views import VALID_CREATE

    colleague = ClinicianFactory(clinic=clinic).user
    response = clinician_client.post(
        reverse("patients:create"), {**VALID_CREATE, "clinician": colleague.pk}
    )
    assert response.status_code == 302
    assert Patient.objects.get().clinician == colleague


def test_the_dashboard_counts_its_patients_up_to_its_cap(clinician_client, clinic, monkeypatch):
    from programs.followup.selectors.dashboard import DashboardPaginator

    monkeypatch.setattr(DashboardPaginator, "cap", 2)
    for name in ("Idle", "Idler", "Idlest"):
        _idle(PatientFactory(clinic=clinic, last_name=name))
    attention_rebuild(clinic=clinic)
    response = clinician_client.get(reverse(DASHBOARD))
    assert response.context["page"].paginator.is_capped
    assert '<span class="badge text-bg-light">2+</span>' in response.content.decode()
    assert len(response.context["page"].object_list) == 2  # pages stop at the cap, as in the lists
