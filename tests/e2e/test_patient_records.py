"""A clinician signs in, records a patient, reassesses them and archives them."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD, ClinicianFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_clinician_records_reassesses_and_archives_a_patient(live_server, page: Page, sign_in):
    clinician = ClinicianFactory()
    sign_in(clinician.user.email, TEST_PASSWORD)
    expect(page.get_by_role("heading", name="Patients needing attention")).to_be_visible()
    page.get_by_role("link", name="Patients", exact=True).click()

    page.get_by_role("link", name="Add patient").click()
    page.get_by_label("First name").fill("Rosa")
    page.get_by_label("Last name").fill("Parks")
    page.get_by_label("Date of birth").fill("1975-02-04")
    page.get_by_label("Condition").select_option("muscle_strain")
    page.get_by_label("Region").select_option("lower_back")
    page.get_by_label("Injury severity").select_option("mild")
    expect(page.get_by_label("Time zone")).to_have_value("Europe/London")
    page.get_by_label("Current pain (NRS 0–10)").fill("7")
    page.get_by_role("button", name="Add patient").click()

    expect(page.get_by_role("heading", name="Rosa Parks")).to_be_visible()
    tier = page.get_by_test_id("tier").first
    expect(tier).to_have_text("tier severe")
    expect(page.get_by_test_id("tier-reason")).to_have_text(
        "tier severe: pain 7/10 is severe; severity mild"
    )

    page.get_by_label("Current pain (NRS 0–10)").fill("3")
    page.get_by_role("button", name="Record assessment").click()
    expect(page.get_by_text("Assessment recorded")).to_be_visible()
    expect(tier).to_have_text("tier mild")
    history = page.get_by_role("table")
    expect(history.get_by_text("7/10")).to_be_visible()
    expect(history.get_by_text("3/10")).to_be_visible()

    page.get_by_role("link", name="Archive").click()
    page.get_by_role("button", name="Archive patient").click()
    expect(page.get_by_text("Rosa Parks was archived")).to_be_visible()
    expect(page.get_by_role("link", name="Parks, Rosa")).to_have_count(0)
