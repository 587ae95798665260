"""A clinician generates, adjusts, activates and prints a program; red flags block it."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD, ClinicianFactory, PatientFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_clinician_prescribes_a_moderate_program(live_server, page: Page, sign_in):
    clinician = ClinicianFactory()
    patient = PatientFactory(
        clinic=clinician.clinic,
        first_name="Noor",
        last_name="Haddad",
        severity="mild",
        pain_level=6,
    )
    sign_in(clinician.user.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/patients/{patient.pk}/")
    page.get_by_role("button", name="Generate program").click()

    expect(page.get_by_text("Draft program generated")).to_be_visible()
    expect(page.get_by_test_id("program-status")).to_have_text("Draft")
    elbows = page.get_by_test_id("item-prone-on-elbows")
    expect(elbows.get_by_test_id("dosage")).to_have_text(
        "8 reps, hold 10 s, 2× a day, 7 days a week"
    )
    expect(elbows.get_by_test_id("default")).to_contain_text("Default at tier moderate: 8 reps")
    expect(page.get_by_test_id("item-curl-up")).to_have_count(0)

    elbows.get_by_text("Change dosage of Lying on your elbows").click()
    elbows.get_by_label("Reps").fill("10")
    elbows.get_by_label("Reason for the change").fill("Tolerates extension well")
    elbows.get_by_role("button", name="Save dosage").click()
    expect(page.get_by_text("Dosage of Lying on your elbows changed")).to_be_visible()
    expect(page.get_by_test_id("item-prone-on-elbows").get_by_test_id("dosage")).to_have_text(
        "10 reps, hold 10 s, 2× a day, 7 days a week"
    )
    expect(page.get_by_role("cell", name="reps 8 → 10")).to_be_visible()
    expect(page.get_by_role("cell", name="Tolerates extension well")).to_be_visible()

    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_test_id("program-status")).to_have_text("Active")

    page.get_by_role("link", name="Handout").click()
    expect(page.get_by_role("heading", name="Your home exercise program")).to_be_visible()
    expect(page.get_by_role("heading", name="Lying on your elbows")).to_be_visible()
    dose = page.get_by_role("table", name="Dosage of Lying on your elbows")
    # Sets, reps, hold, times a day, days a week.
    expect(dose.get_by_role("cell")).to_have_text(["1", "10", "10 s", "2", "7"])
    expect(page.get_by_text("Consult your clinician before changing the program")).to_be_visible()
    expect(
        page.get_by_role("img", name="Lying on the stomach, the person lifts the chest")
    ).to_be_visible()


def test_red_flag_patient_gets_a_referral_not_a_program(live_server, page: Page, sign_in):
    clinician = ClinicianFactory()
    patient = PatientFactory(clinic=clinician.clinic, red_flags=["progressive_leg_weakness"])
    sign_in(clinician.user.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/patients/{patient.pk}/")
    expect(page.get_by_test_id("referral-alert")).to_contain_text("Progressive leg weakness")
    expect(page.get_by_test_id("generate-blocked")).to_be_visible()
    expect(page.get_by_role("button", name="Generate program")).to_have_count(0)
