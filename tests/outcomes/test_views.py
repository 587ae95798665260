"""Clinician pages: the patient panel, score entry with form errors, the instruments page,
discharge and its letter, the clinic's results with their query count and CSV export."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from clinic.models import AuditLog
from programs.outcomes.models import Discharge, OutcomeScore, PsfsActivity
from programs.outcomes.services import discharge_record
from programs.prescribing.services import program_complete
from tests.factories import ClinicianFactory, PatientFactory, program_factory, session_factory
from tests.outcomes.conftest import score_factory

pytestmark = pytest.mark.django_db


def record_url(patient, instrument):
    return reverse("outcomes:record", args=[patient.pk, instrument])


def test_patient_panel_shows_due_verdicts_and_charts(clinician_client, patient, active_program):
    score_factory(patient=patient, instrument="odi", score=50, days_ago=20)
    score_factory(patient=patient, instrument="odi", score=30, days_ago=2)
    score_factory(patient=patient, instrument="start_back", score=6, subscale=4, days_ago=20)
    response = clinician_client.get(reverse("patients:detail", args=[patient.pk]))
    html = response.content.decode()
    assert 'data-testid="outcomes-panel"' in html
    assert 'data-testid="due-nprs"' in html and 'data-testid="due-psfs"' in html
    assert 'data-testid="due-odi"' not in html  # taken 2 days ago
    assert "Improved" in html
    assert "High risk" in html
    assert "psychological (cognitive behavioural)" in html  # NICE NG59's note for the group
    assert 'class="chart outcome-chart"' in html
    assert "improved</text>" in html  # the threshold line's label
    assert html.count('data-testid="outcome-chart"') == 1  # STarT Back has no chart
    assert reverse("outcomes:record", args=[patient.pk, "rmdq"]) in html


@pytest.mark.parametrize("instrument", ["odi", "rmdq", "start_back", "nprs", "psfs"])
def test_entry_pages_name_the_licence_and_never_show_questions(
    clinician_client, patient, instrument
):
    response = clinician_client.get(record_url(patient, instrument))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="licence"' in html
    if instrument in ("odi", "rmdq", "start_back"):
        assert "licensed form" in html
        assert "©" in html


def test_enter_a_score(clinician_client, patient):
    response = clinician_client.post(record_url(patient, "rmdq"), {"score": "12"})
    assert response.status_code == 302
    row = OutcomeScore.objects.get(patient=patient)
    assert (row.instrument, row.score, row.source) == ("rmdq", Decimal(12), "clinician")


def test_start_back_entry_names_the_group(clinician_client, patient):
    response = clinician_client.post(
        record_url(patient, "start_back"), {"score": "7", "subscale": "4"}, follow=True
    )
    assert "High risk" in response.content.decode()


@pytest.mark.parametrize(
    "instrument,data,field_text",
    [
        ("rmdq", {"score": "30"}, "0–24"),
        ("odi", {"score": "-5"}, "0–100"),
        ("nprs", {"score": "1.5"}, "whole numbers"),
        ("start_back", {"score": "2", "subscale": "5"}, "subscale"),
        ("start_back", {"score": "5"}, "required"),
        ("rmdq", {"score": "many"}, "number"),
    ],
)
def test_bad_scores_show_form_errors(clinician_client, patient, instrument, data, field_text):
    response = clinician_client.post(record_url(patient, instrument), data)
    assert response.status_code == 400
    assert field_text in response.content.decode()
    assert not OutcomeScore.objects.exists()


def test_psfs_entry_names_then_rates_the_activities(clinician_client, patient):
    url = record_url(patient, "psfs")
    bad = clinician_client.post(url, {"name_1": "Sitting", "rating_1": "3", "name_2": "Walking"})
    assert bad.status_code == 400
    assert not PsfsActivity.objects.exists()
    data = {"name_1": "Sitting", "rating_1": "3", "name_2": "Walking", "rating_2": "4"}
    data |= {"name_3": "Lifting", "rating_3": "5"}
    assert clinician_client.post(url, data).status_code == 302
    page = clinician_client.get(url).content.decode()
    assert "Sitting" in page and "name_1" not in page
    positions = {a.name: a.position for a in PsfsActivity.objects.all()}
    ratings = {f"rating_{p}": "8" for p in positions.values()}
    assert clinician_client.post(url, ratings).status_code == 302
    assert list(OutcomeScore.objects.values_list("score", flat=True)) == [Decimal(4), Decimal(8)]


def test_unknown_instrument_and_other_clinic_are_404(
    clinician_client, patient, other_clinic_patient
):
    assert clinician_client.get(record_url(patient, "sf36")).status_code == 404
    assert clinician_client.get(record_url(other_clinic_patient, "odi")).status_code == 404
    assert (
        clinician_client.post(record_url(other_clinic_patient, "odi"), {"score": 3}).status_code
        == 404
    )


def test_program_interval_override(clinician_client, patient, active_program):
    url = reverse("outcomes:interval", args=[active_program.pk])
    clinician_client.post(url, {"interval_weeks": "4"})
    assert active_program.outcome_schedule.interval_weeks == 4
    clinician_client.post(url, {"interval_weeks": "40"})
    active_program.outcome_schedule.refresh_from_db()
    assert active_program.outcome_schedule.interval_weeks == 4


def test_instruments_page_and_clinic_interval(clinician_client, clinic):
    html = clinician_client.get(reverse("outcomes:instruments")).content.decode()
    assert "Ostelo" in html and "Stratford" in html and "NICE NG59" in html
    assert "97909-6" in html
    admin = Client()
    admin.force_login(ClinicianFactory(clinic=clinic, is_clinic_admin=True).user)
    admin.post(reverse("outcomes:clinic_interval"), {"interval_weeks": "3"})
    assert clinic.outcome_settings.interval_weeks == 3
    # Not an admin: the page is not there.
    assert (
        clinician_client.post(
            reverse("outcomes:clinic_interval"), {"interval_weeks": "5"}
        ).status_code
        == 404
    )


def _completed(actor, patient):
    program = program_factory(patient=patient, status="active")
    score_factory(patient=patient, instrument="nprs", score=7, days_ago=20)
    score_factory(patient=patient, instrument="nprs", score=3, days_ago=0)
    session_factory(program=program)
    program_complete(actor=actor, program=program)
    return program


def test_discharge_offer_page_and_letter(clinician_client, actor, patient):
    program = _completed(actor, patient)
    detail = clinician_client.get(reverse("patients:detail", args=[patient.pk])).content.decode()
    assert 'data-testid="discharge-offer"' in detail
    url = reverse("outcomes:discharge", args=[program.pk])
    page = clinician_client.get(url)
    assert page.status_code == 200
    assert 'data-testid="result-nprs"' in page.content.decode()
    assert clinician_client.post(url, {"summary": ""}).status_code == 400
    response = clinician_client.post(url, {"summary": "Back at work, pain settled."})
    discharge = Discharge.objects.get(program=program)
    assert response["Location"] == reverse("outcomes:letter", args=[discharge.pk])
    views_before = AuditLog.objects.filter(action="view", patient=patient).count()
    letter = clinician_client.get(response["Location"]).content.decode()
    assert "Back at work, pain settled." in letter
    assert "Improved" in letter
    assert "onclick" not in letter and "style=" not in letter
    assert AuditLog.objects.filter(action="view", patient=patient).count() == views_before + 1
    # Done once: the page now leads to the letter.
    assert clinician_client.get(url)["Location"] == response["Location"]


def test_the_letter_as_a_pdf(clinician_client, actor, patient):
    import io

    from pypdf import PdfReader

    program = _completed(actor, patient)
    url = reverse("outcomes:discharge", args=[program.pk])
    letter = clinician_client.post(url, {"summary": "Back at work, pain settled."})["Location"]
    discharge = Discharge.objects.get(program=program)
    assert reverse("outcomes:letter_pdf", args=[discharge.pk]) in (
        clinician_client.get(letter).content.decode()
    )
    response = clinician_client.get(reverse("outcomes:letter_pdf", args=[discharge.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    assert "Back at work, pain settled." in text and patient.last_name in text
    assert "Download PDF" not in text and "Print" not in text


def test_letter_of_another_clinic_is_404(clinician_client, other_clinic_patient):
    from clinic.services import Actor

    other = ClinicianFactory(clinic=other_clinic_patient.clinic)
    actor = Actor(clinic=other.clinic, user=other.user)
    program = _completed(actor, other_clinic_patient)
    discharge = discharge_record(actor=actor, program=program, summary="Fine")
    assert clinician_client.get(reverse("outcomes:letter", args=[discharge.pk])).status_code == 404
    pdf = reverse("outcomes:letter_pdf", args=[discharge.pk])
    assert clinician_client.get(pdf).status_code == 404


def _discharged_patients(clinic, count):
    from clinic.services import Actor

    clinician = ClinicianFactory(clinic=clinic)
    actor = Actor(clinic=clinic, user=clinician.user)
    for n in range(count):
        patient = PatientFactory(
            clinic=clinic, condition="muscle_strain" if n % 2 else "herniated_disc"
        )
        program = _completed(actor, patient)
        score_factory(patient=patient, instrument="odi", score=40, days_ago=20)
        score_factory(patient=patient, instrument="odi", score=40 - n % 15, days_ago=0)
        discharge_record(actor=actor, program=program, summary="Done")
    return clinician


@pytest.mark.parametrize("count", [1, 50])
def test_clinic_page_query_count_does_not_grow(
    clinician_client, clinic, count, django_assert_max_num_queries
):
    _discharged_patients(clinic, count)
    # Session and clinician, the filter's clinicians, discharges with their outcomes, and the
    # scores due: programs, discharges, the clinic's interval, the latest scores.
    with django_assert_max_num_queries(14):
        response = clinician_client.get(reverse("outcomes:clinic"))
    html = response.content.decode()
    assert f"<strong>{count}</strong> patient" in html
    assert 'class="chart results-chart"' in html


def test_clinic_page_figures_and_filters(clinician_client, clinic):
    clinician = _discharged_patients(clinic, 4)
    html = clinician_client.get(reverse("outcomes:clinic")).content.decode()
    # NPRS 7 → 3 improved for all four; ODI changes 0, 1, 2, 3 points: none reach 10 or 30 %.
    assert "100 % improved (4 of 4) · 0 unchanged · 0 worse" in html
    assert "0 % improved (0 of 4) · 4 unchanged · 0 worse" in html
    assert "Herniated disc" in html and "Muscle strain" in html
    none = clinician_client.get(
        reverse("outcomes:clinic"), {"date_from": "2001-01-01", "date_to": "2001-01-02"}
    )
    assert "<strong>0</strong> patients" in none.content.decode()
    mine = clinician_client.get(reverse("outcomes:clinic"), {"clinician": clinician.user_id})
    assert "<strong>4</strong> patients" in mine.content.decode()
    bad = clinician_client.get(
        reverse("outcomes:clinic"), {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    )
    assert bad.status_code == 400
    assert "before its start" in bad.content.decode()
    refused = clinician_client.get(
        reverse("outcomes:clinic"), {"date_from": "someday", "export": "csv"}
    )
    assert refused.status_code == 400
    assert not refused["Content-Type"].startswith("text/csv")
    assert not AuditLog.objects.filter(action="export").exists()


def test_csv_export_is_audited(clinician_client, clinic):
    _discharged_patients(clinic, 2)
    response = clinician_client.get(reverse("outcomes:clinic"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    assert {row["nprs_verdict"] for row in rows} == {"improved"}
    assert rows[0]["odi_baseline"] == "40.00"
    audit = AuditLog.objects.get(action="export", object_type="Clinic")
    assert "2 discharges" in audit.summary


def test_clinic_page_needs_a_clinician(client, patient):
    response = client.get(reverse("outcomes:clinic"))
    assert response.status_code == 302


def test_entry_page_is_audited(clinician_client, clinician, patient):
    clinician_client.get(record_url(patient, "psfs"))
    assert AuditLog.objects.filter(action="view", patient=patient, actor=clinician.user).exists()


@pytest.mark.parametrize("count", [1, 50])
def test_clinic_page_lists_scores_due_in_constant_queries(
    clinician_client, clinic, count, django_assert_max_num_queries
):
    patients = [PatientFactory(clinic=clinic, last_name=f"Due{n:02}") for n in range(count)]
    for patient in patients:
        program_factory(patient=patient, status="active")
    # The first is overdue on both; the others due for a baseline only.
    score_factory(patient=patients[0], instrument="nprs", score=5, days_ago=30)
    score_factory(patient=patients[0], instrument="psfs", score=5, days_ago=30)
    settled = PatientFactory(clinic=clinic)
    program_factory(patient=settled, status="active")
    score_factory(patient=settled, instrument="nprs", score=5, days_ago=1)
    score_factory(patient=settled, instrument="psfs", score=5, days_ago=1)
    with django_assert_max_num_queries(14):
        html = clinician_client.get(reverse("outcomes:clinic")).content.decode()
    assert html.count('data-testid="clinic-due-') == count
    assert f'data-testid="clinic-due-{settled.pk}"' not in html
    first = html.index(f'data-testid="clinic-due-{patients[0].pk}"')
    assert "Pain · overdue" in html[first : first + 600]
    if count > 1:
        assert first < html.index(f'data-testid="clinic-due-{patients[1].pk}"')


def test_completed_program_page_offers_the_discharge(clinician_client, actor, patient):
    program = _completed(actor, patient)
    html = clinician_client.get(reverse("prescribing:detail", args=[program.pk])).content.decode()
    assert reverse("outcomes:discharge", args=[program.pk]) in html
