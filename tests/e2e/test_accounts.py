"""In the browser: a clinician turns on two-factor and signs in with a code; a clinic admin
invites a colleague, who joins through the emailed link."""

import base64
import re
import time
from pathlib import Path

import pytest
from django.core import mail
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD, ClinicianFactory

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed from the page."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_clinician_turns_on_two_factor_and_signs_in_with_a_code(live_server, page: Page, sign_in):
    clinician = ClinicianFactory()
    sign_in(clinician.user.email, TEST_PASSWORD)
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    page.get_by_role("link", name="Set up two-factor sign-in").click()
    qr = page.get_by_role("img", name="QR code of your two-factor key")
    expect(qr).to_be_visible()
    page.wait_for_load_state("load")
    assert qr.evaluate("img => img.naturalWidth") > 100  # the SVG loaded
    shot(page, "two-factor-setup")
    secret = page.locator("#two-factor-secret").inner_text()
    page.get_by_label("Code from the app").fill(app_code(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    codes = page.locator("#backup-codes li").all_inner_texts()
    assert len(codes) == 10

    page.get_by_role("button", name="Sign out").click()
    sign_in(clinician.user.email, TEST_PASSWORD)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("This code is wrong")).to_be_visible()
    time.sleep(1.1)  # django-otp's wait after a wrong code (not a timing assertion)
    page.get_by_label("Code").fill(app_code(secret, 1))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Patients needing attention")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(clinician.user.email, TEST_PASSWORD)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Patients needing attention")).to_be_visible()


def test_admin_invites_a_colleague_who_joins(live_server, page: Page, sign_in, settings):
    settings.PUBLIC_BASE_URL = live_server.url
    admin = ClinicianFactory(is_clinic_admin=True)
    sign_in(admin.user.email, TEST_PASSWORD)
    page.get_by_role("link", name="Staff").click()
    page.get_by_label("Email").fill("dr.new@example.com")
    page.get_by_label("Name").fill("Dr New")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("An invitation was sent to dr.new@example.com")).to_be_visible()
    expect(page.get_by_text("dr.new@example.com · sent")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "staff-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    shot(page, "staff-desktop")
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", mail.outbox[-1].body).group(0)

    page.get_by_role("button", name="Sign out").click()
    page.goto(link)
    expect(page.get_by_role("heading", name=f"Join {admin.clinic.name}")).to_be_visible()
    page.get_by_label("Your name").fill("Dr Ada New")
    page.locator("#id_password1").fill("a-long-new-password-1")
    page.get_by_label("Password again").fill("a-long-new-password-1")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_text(f"Welcome to {admin.clinic.name}")).to_be_visible()
    expect(page.get_by_role("heading", name="Patients needing attention")).to_be_visible()
