"""On a phone: a patient whose check-in is due names their PSFS activities and rates them with
their pain; the next check-in pre-fills the same activities, and the progress chart shows the
baseline and the improvement threshold. The clinician then sees the verdicts."""

import datetime
import os

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from programs.outcomes.models import OutcomeScore, PsfsActivity
from tests.factories import (
    TEST_PASSWORD,
    ClinicianFactory,
    PatientFactory,
    UserFactory,
    program_factory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Set OUTCOMES_SCREENSHOTS to a folder to keep screenshots of the pages for a look.
SHOTS = os.environ.get("OUTCOMES_SCREENSHOTS")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def sign_in(page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_portal_psfs_check_in_on_a_phone(live_server, browser: Browser):
    clinician = ClinicianFactory()
    patient = PatientFactory(clinic=clinician.clinic, first_name="Maya", pain_level=6)
    patient.user = UserFactory(email="maya@example.com")
    patient.save()
    program_factory(patient=patient, status="active")

    phone = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    sign_in(phone, live_server.url, "maya@example.com")
    due = phone.get_by_test_id("checkin-due")
    expect(due).to_be_visible()
    due.get_by_role("link", name="Answer now").click()
    phone.get_by_role("group", name="How bad is your back pain today").get_by_text(
        "6", exact=True
    ).click()
    for index, name in enumerate(["Sitting through a film", "Lifting my child", "Gardening"], 1):
        phone.get_by_label(f"Activity {index}").fill(name)
        phone.get_by_role("group", name=f"Rating of activity {index}").get_by_text(
            str(index + 1), exact=True
        ).click()
    shot(phone, "portal-checkin-first-phone")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_text("Your answers were sent to your clinician")).to_be_visible()
    expect(phone.get_by_test_id("checkin-due")).to_have_count(0)
    assert [a.name for a in PsfsActivity.objects.filter(patient=patient)] == [
        "Sitting through a film",
        "Lifting my child",
        "Gardening",
    ]
    assert OutcomeScore.objects.get(patient=patient, instrument="psfs").score == 3

    # Two weeks later the check-in is due again, with the same activities pre-filled.
    OutcomeScore.objects.filter(patient=patient).update(
        taken_at=timezone.now() - datetime.timedelta(days=15)
    )
    phone.goto(f"{live_server.url}/portal/")
    phone.get_by_test_id("checkin-due").get_by_role("link", name="Answer now").click()
    expect(phone.get_by_label("Activity 1")).to_have_count(0)
    phone.get_by_role("group", name="How bad is your back pain today").get_by_text(
        "3", exact=True
    ).click()
    for name in ["Sitting through a film", "Lifting my child", "Gardening"]:
        phone.get_by_role("group", name=name).get_by_text("6", exact=True).click()
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_text("Your answers were sent to your clinician")).to_be_visible()

    phone.goto(f"{live_server.url}/portal/check-in/")
    expect(phone.get_by_test_id("checkin-done")).to_be_visible()
    charts = phone.get_by_test_id("portal-outcome-chart")
    expect(charts).to_have_count(2)
    expect(charts.locator(".reference-threshold")).to_have_count(2)
    shot(phone, "portal-progress-phone")

    desk = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(desk, live_server.url, clinician.user.email)
    desk.goto(f"{live_server.url}/patients/{patient.pk}/")
    expect(desk.get_by_test_id("outcome-psfs").get_by_test_id("verdict")).to_have_text("Improved")
    expect(desk.get_by_test_id("outcome-nprs").get_by_test_id("verdict")).to_have_text("Improved")
    desk.get_by_test_id("outcomes-panel").scroll_into_view_if_needed()
    shot(desk, "patient-outcomes-desktop")


def test_clinician_enters_scores_discharges_and_reads_the_results(live_server, browser: Browser):
    from clinic.services import Actor
    from programs.prescribing.services import program_complete
    from tests.factories import session_factory
    from tests.outcomes.conftest import score_factory

    clinician = ClinicianFactory(user__full_name="Dr Ada Lane")
    patient = PatientFactory(clinic=clinician.clinic, first_name="Tom", pain_level=6)
    program = program_factory(patient=patient, status="active")
    score_factory(patient=patient, instrument="nprs", score=7, days_ago=30, program=program)
    score_factory(patient=patient, instrument="odi", score=44, days_ago=30, program=program)
    session_factory(program=program, days_ago=2)
    program_complete(actor=Actor(clinic=clinician.clinic, user=clinician.user), program=program)

    desk = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(desk, live_server.url, clinician.user.email)
    desk.goto(f"{live_server.url}/patients/{patient.pk}/")
    panel = desk.get_by_test_id("outcomes-panel")
    expect(panel.get_by_test_id("due-nprs")).to_contain_text("Discharge score due")
    panel.get_by_role("link", name="Enter ODI").click()
    expect(desk.get_by_test_id("licence")).to_contain_text("Mapi Research Trust")
    desk.get_by_label("ODI score (0–100)").fill("140")
    desk.get_by_role("button", name="Record score").click()
    expect(desk.get_by_text("The ODI score must be from 0–100.")).to_be_visible()
    desk.get_by_label("ODI score (0–100)").fill("24")
    desk.get_by_role("button", name="Record score").click()
    expect(desk.get_by_text("ODI score 24 recorded.")).to_be_visible()
    desk.get_by_test_id("outcomes-panel").get_by_role("link", name="Enter STarT Back").click()
    shot(desk, "score-start-back-desktop")
    desk.get_by_label("STarT Back total (0–9)").fill("5")
    desk.get_by_label("Psychosocial subscale (0–5)").fill("4")
    desk.get_by_role("button", name="Record score").click()
    expect(desk.get_by_text("STarT Back score 5 recorded (High risk).")).to_be_visible()
    desk.get_by_test_id("outcomes-panel").get_by_role("link", name="Enter Pain").click()
    desk.get_by_label("Pain score (0–10)").fill("3")
    desk.get_by_role("button", name="Record score").click()

    desk.get_by_test_id("discharge-offer").get_by_role("link", name="Discharge").click()
    expect(desk.get_by_test_id("result-odi")).to_contain_text("Improved")
    shot(desk, "discharge-desktop")
    desk.get_by_label("Summary for the referrer").fill("Back at work; pain settled.")
    desk.get_by_role("button", name="Discharge and write the letter").click()
    expect(
        desk.get_by_role("heading", name=f"Discharge summary: {patient.full_name}")
    ).to_be_visible()
    expect(desk.get_by_test_id("letter-outcomes")).to_contain_text("Oswestry Disability Index")
    shot(desk, "letter-desktop")
    desk.emulate_media(media="print")
    expect(desk.get_by_role("button", name="Print")).to_be_hidden()
    desk.emulate_media(media="screen")

    desk.goto(f"{live_server.url}/outcomes/")
    expect(desk.get_by_test_id("discharged-total")).to_contain_text("1 patient discharged")
    expect(desk.get_by_test_id("outcome-groups")).to_contain_text("Non-specific back pain")
    shot(desk, "clinic-outcomes-desktop")
    phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    sign_in(phone, live_server.url, clinician.user.email)
    phone.goto(f"{live_server.url}/outcomes/")
    shot(phone, "clinic-outcomes-phone")
    phone.goto(f"{live_server.url}/outcomes/instruments/")
    shot(phone, "instruments-phone")
