"""Two-factor sign-in: enrolment, the code step, backup codes, replay, the clinic's requirement,
an admin's reset and the API token's `otp` (SPEC 6)."""

import time

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from clinic.models import ApiToken, AuditLog
from clinic.services import Actor
from clinic.services.two_factor import (
    two_factor_enrolment_confirm,
    two_factor_enrolment_start,
    two_factor_reset,
)
from tests.conftest import bearer
from tests.factories import TEST_PASSWORD, ClinicianFactory, api_token_for

pytestmark = pytest.mark.django_db


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the user's app shows now (or that many 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def enrol(clinician) -> tuple[TOTPDevice, list[str]]:
    """Two-factor turned on through the service, as the account page does."""
    user = clinician.user
    device = two_factor_enrolment_start(user=user)
    actor = Actor(clinic=clinician.clinic, user=user)
    codes = two_factor_enrolment_confirm(
        actor=actor, user=user, device=device, code=code_for(device)
    )
    device.refresh_from_db()
    return device, codes


def password_step(client: Client, clinician, password: str = TEST_PASSWORD):
    return client.post(reverse("login"), {"username": clinician.user.email, "password": password})


def test_enrolment_shows_a_qr_code_and_key_then_ten_backup_codes(clinician):
    client = Client()
    client.force_login(clinician.user)
    page = client.get(reverse("clinic:two_factor_setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=clinician.user, confirmed=False)
    qr = client.get(reverse("clinic:two_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    secret = page.context["secret"].replace(" ", "")
    assert secret in device.config_url  # the key typed by hand is the QR code's

    wrong = client.post(reverse("clinic:two_factor_setup"), {"code": "000000"})
    assert "wrong" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=clinician.user, confirmed=True).exists()

    device.throttle_reset()
    done = client.post(reverse("clinic:two_factor_setup"), {"code": code_for(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 == len(set(codes))
    for code in codes:
        assert code in done.content.decode()
    assert TOTPDevice.objects.get(user=clinician.user).confirmed
    assert StaticToken.objects.filter(device__user=clinician.user).count() == 10
    assert AuditLog.objects.filter(actor=clinician.user, summary__contains="turned on").exists()
    # This session proved the code: clinician pages open at once.
    assert client.get(reverse("clinic:account")).status_code == 200


def test_sign_in_asks_for_the_code_after_the_password(clinician):
    device, _ = enrol(clinician)
    client = Client()
    response = password_step(client, clinician)
    assert response.url == reverse("two_factor_verify")
    assert "_auth_user_id" not in client.session  # not signed in by the password alone
    assert client.get(reverse("followup:dashboard")).status_code == 302

    response = client.post(reverse("two_factor_verify"), {"code": code_for(device, 1)})
    assert response.status_code == 302
    assert client.get(reverse("followup:dashboard")).status_code == 200


def test_a_wrong_code_is_refused_and_counts_toward_the_lockout(clinician):
    device, _ = enrol(clinician)
    client = Client()
    password_step(client, clinician)
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            answer = client.post(reverse("two_factor_verify"), {"code": "123456"})
            assert answer.status_code == 200 and "wrong" in answer.content.decode()
        locked = client.post(reverse("two_factor_verify"), {"code": "123456"})
    assert locked.status_code == 429
    # The lockout holds against the right password and code too.
    assert password_step(Client(), clinician).status_code == 429


def test_wrong_codes_make_the_next_try_wait(clinician):
    device, _ = enrol(clinician)
    client = Client()
    password_step(client, clinician)
    client.post(reverse("two_factor_verify"), {"code": "123456"})
    answer = client.post(reverse("two_factor_verify"), {"code": code_for(device, 1)})
    assert "Too many wrong codes: wait" in answer.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_used_code_cannot_be_replayed(clinician):
    device, _ = enrol(clinician)
    code = code_for(device, 1)
    first = Client()
    password_step(first, clinician)
    assert first.post(reverse("two_factor_verify"), {"code": code}).status_code == 302
    second = Client()
    password_step(second, clinician)
    replay = second.post(reverse("two_factor_verify"), {"code": code})
    assert replay.status_code == 200 and "already used" in replay.content.decode()
    assert "_auth_user_id" not in second.session


def test_a_backup_code_signs_in_once(clinician):
    _, codes = enrol(clinician)
    client = Client()
    password_step(client, clinician)
    typed = codes[0][:4] + "-" + codes[0][4:].upper()  # as people type it
    assert client.post(reverse("two_factor_verify"), {"code": typed}).status_code == 302
    assert StaticToken.objects.filter(device__user=clinician.user).count() == 9
    again = Client()
    password_step(again, clinician)
    assert again.post(reverse("two_factor_verify"), {"code": codes[0]}).status_code == 200
    assert "_auth_user_id" not in again.session


def test_the_code_step_expires(clinician):
    device, _ = enrol(clinician)
    client = Client()
    password_step(client, clinician)
    session = client.session
    session["two_factor_pending"]["at"] -= settings.TWO_FACTOR_PENDING_SECONDS + 1
    session.save()
    response = client.post(reverse("two_factor_verify"), {"code": code_for(device, 1)})
    assert response.url == reverse("login")
    assert "_auth_user_id" not in client.session


def test_a_session_without_the_code_step_is_sent_back_to_sign_in(clinician):
    enrol(clinician)
    client = Client()
    client.force_login(clinician.user)  # password only, as a stolen session would be
    response = client.get(reverse("patients:list"))
    assert response.url.startswith(reverse("login"))
    assert client.get(reverse("clinic:two_factor_setup")).url.startswith(reverse("login"))
    api = client.get("/api/v1/patients/")
    assert api.status_code in (401, 403)


def test_clinic_requirement_leads_a_clinician_to_set_it_up(clinician):
    clinician.clinic.require_two_factor = True
    clinician.clinic.save()
    client = Client()
    response = password_step(client, clinician)
    assert response.url == reverse("clinic:two_factor_setup")
    assert client.get(reverse("patients:list")).url == reverse("clinic:two_factor_setup")
    assert client.get(reverse("clinic:two_factor_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=clinician.user, confirmed=False)
    client.post(reverse("clinic:two_factor_setup"), {"code": code_for(device)})
    assert client.get(reverse("patients:list")).status_code == 200


def test_admin_resets_a_colleagues_device(clinic_admin, clinician):
    enrol(clinician)
    secret = api_token_for(clinician.user)
    colleague = Client()
    colleague.force_login(clinician.user)
    actor = Actor(clinic=clinic_admin.clinic, user=clinic_admin.user)
    two_factor_reset(actor=actor, clinician=clinician)
    assert not TOTPDevice.objects.filter(user=clinician.user).exists()
    assert ApiToken.objects.get(user=clinician.user).revoked_at is not None
    assert bearer(secret).get("/api/v1/patients/").status_code == 401
    assert colleague.get(reverse("patients:list")).status_code == 302  # session ended
    assert password_step(Client(), clinician).status_code == 302  # password alone again


def test_turning_two_factor_off_needs_a_code(clinician):
    device, _ = enrol(clinician)
    client = Client()
    password_step(client, clinician)
    client.post(reverse("two_factor_verify"), {"code": code_for(device, 1)})
    # Half a minute later, the app shows a code not used yet.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        client.post(reverse("clinic:two_factor_off"), {"code": "000000"})
        assert TOTPDevice.objects.filter(user=clinician.user).exists()
        client.post(reverse("clinic:two_factor_off"), {"code": code_for(device)})
    assert not TOTPDevice.objects.filter(user=clinician.user).exists()


# The API token endpoint
def token(email: str, password: str = TEST_PASSWORD, **extra):
    return APIClient().post(
        "/api/v1/auth/token/", {"email": email, "password": password, **extra}, format="json"
    )


def test_api_token_needs_otp_for_two_factor_accounts(clinician):
    device, codes = enrol(clinician)
    missing = token(clinician.user.email)
    assert missing.status_code == 400 and "otp" in missing.json()
    wrong = token(clinician.user.email, otp="999999")
    assert wrong.status_code == 400 and "otp" in wrong.json()
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        good = token(clinician.user.email, otp=code_for(device, 1))
    assert good.status_code == 201 and good.json()["token"].startswith("bst_")
    replay = token(clinician.user.email, otp=code_for(device, 1))
    assert replay.status_code == 400 and "otp" in replay.json()
    assert token(clinician.user.email, otp=codes[3]).status_code == 201


def test_api_wrong_codes_lock_the_account(clinician):
    device, _ = enrol(clinician)
    with override_settings(OTP_TOTP_THROTTLE_FACTOR=0):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert token(clinician.user.email, otp="111111").status_code == 400
        assert token(clinician.user.email, otp="111111").status_code == 429
        assert token(clinician.user.email, otp=code_for(device, 1)).status_code == 429


def test_api_token_refused_until_a_required_device_is_set_up(clinician):
    clinician.clinic.require_two_factor = True
    clinician.clinic.save()
    response = token(clinician.user.email)
    assert response.status_code == 403 and "two-factor" in response.json()["detail"]


def test_other_clinicians_sign_in_with_the_password_alone(clinician, clinic):
    other = ClinicianFactory(clinic=clinic)
    enrol(clinician)
    assert password_step(Client(), other).url == reverse("home")
    assert token(other.user.email).status_code == 201


def test_admin_requires_two_factor_for_the_clinic(clinic_admin, clinician):
    client = Client()
    client.force_login(clinic_admin.user)
    response = client.post(reverse("clinic:staff_two_factor"), {"require_two_factor": "on"})
    assert response.status_code == 302
    clinic_admin.clinic.refresh_from_db()
    assert clinic_admin.clinic.require_two_factor
    row = AuditLog.objects.get(object_type="Clinic")
    assert row.changes == [{"field": "require_two_factor", "old": False, "new": True}]


def test_new_backup_codes_replace_the_old_and_keep_the_session(clinician):
    _, codes = enrol(clinician)
    client = Client()
    password_step(client, clinician)
    client.post(reverse("two_factor_verify"), {"code": codes[0]})  # signed in with a backup code
    page = client.post(reverse("clinic:two_factor_backup_codes"))
    new_codes = page.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(codes)
    assert client.get(reverse("clinic:account")).status_code == 200  # still signed in
    other = Client()
    password_step(other, clinician)
    assert other.post(reverse("two_factor_verify"), {"code": codes[1]}).status_code == 200
    assert "_auth_user_id" not in other.session
