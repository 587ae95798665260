"""On a phone: a patient accepts the invitation, times a hold, logs a painful session and sees
it charted; the clinician then sees the red session and accepts the regress suggestion."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, expect

from tests.factories import TEST_PASSWORD, ClinicianFactory, PatientFactory, program_factory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def test_patient_logs_a_red_session_and_the_clinician_regresses(
    live_server, browser: Browser, settings
):
    settings.PUBLIC_BASE_URL = live_server.url
    clinician = ClinicianFactory()
    patient = PatientFactory(
        clinic=clinician.clinic, first_name="Maya", email="maya@example.com", pain_level=5
    )
    program = program_factory(
        patient=patient, status="active", slugs=("prone-on-elbows", "prone-press-up")
    )

    desk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    desk.goto(f"{live_server.url}/accounts/login/")
    desk.get_by_label("Email").fill(clinician.user.email)
    desk.get_by_label("Password").fill(TEST_PASSWORD)
    desk.get_by_role("button", name="Sign in").click()
    desk.goto(f"{live_server.url}/patients/{patient.pk}/")
    desk.get_by_role("button", name="Invite to the portal").click()
    expect(desk.get_by_text("Invitation sent to maya@example.com")).to_be_visible()
    link = re.search(r"(http://\S+/portal/invitation/\S+/)", mail.outbox[-1].body).group(1)

    phone = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", name="Welcome, Maya")).to_be_visible()
    phone.get_by_label("Choose a password").fill("Strong-back-2026")
    phone.get_by_label("Type it again").fill("Strong-back-2026")
    phone.get_by_role("button", name="Set my password").click()
    expect(phone.get_by_text("Your password is set")).to_be_visible()

    timer = phone.locator('.hold-timer[data-exercise="Press-up (lying extension)"]')
    expect(timer).to_have_attribute("data-hold-seconds", "2")
    timer.get_by_role("button", name="Start hold").click()
    expect(timer).to_have_attribute("data-state", "running")
    expect(timer).to_have_attribute("data-state", "done", timeout=6000)
    expect(timer).to_have_attribute("data-rep", "1")
    # The spoken words come from the page, with the rep's number put in by the script.
    expect(timer.locator(".hold-timer-announce")).to_have_text(re.compile(r"^Rep 1 of \d+ done\. "))

    phone.get_by_role("link", name="Log a session").first.click()
    before = phone.get_by_role("group", name="How bad was your back pain before you started?")
    before.get_by_text("2", exact=True).click()
    after = phone.get_by_role("group", name="What was the worst pain during the exercises")
    after.get_by_text("6", exact=True).click()
    phone.get_by_role("button", name="Save session").click()
    expect(phone.get_by_text("Session saved. Pain 2 → 6.")).to_be_visible()
    # A red session (pain after >= 6) says what to do, not only that it was saved.
    expect(phone.get_by_role("heading", name="Your pain went up to 6/10: ease off")).to_be_visible()
    phone.get_by_role("link", name="History").last.click()
    chart = phone.get_by_test_id("pain-chart")
    expect(chart.locator("svg")).to_be_visible()
    expect(chart.locator("title", has_text="pain after 6/10")).to_have_count(1)

    desk.goto(f"{live_server.url}/patients/{patient.pk}/")
    expect(desk.get_by_test_id("alert-red_session")).to_contain_text("6/10")
    suggestion = desk.get_by_test_id("suggestion-regress-pending")
    suggestion.get_by_label("Reason (kept in the history)").fill("Flare-up: step back")
    suggestion.get_by_role("button", name="Accept").click()
    expect(desk.get_by_text("Suggestion accepted and applied")).to_be_visible()
    desk.goto(f"{live_server.url}/programs/{program.pk}/")
    elbows = desk.get_by_test_id("item-prone-on-elbows").get_by_test_id("dosage")
    expect(elbows).to_have_text("6 reps, hold 10 s, 2× a day, 7 days a week")
    expect(desk.get_by_role("cell", name="reps 8 → 6", exact=True)).to_be_visible()
