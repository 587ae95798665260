"""Two-factor sign-in (SPEC 6): a TOTP authenticator app and ten single-use backup codes.

django-otp keeps the devices and checks the codes: a TOTP code is accepted once only (its time
step must be later than the last accepted one) and every wrong code doubles the wait before the
next try. Backup codes are deleted as they are used.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import AuditLog, Clinic, Clinician, User
from clinic.services.base import Actor, audit_record
from clinic.services.sessions import user_sessions_end

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
WRONG_CODE = _("This code is wrong, expired or was already used.")
_TOTP_CODE = re.compile(r"\d{6}")


def normalise_code(code: str) -> str:
    """A code as typed, without the spaces and dashes people add ("123 456", "abcd-efgh")."""
    return re.sub(r"[\s-]", "", code).lower()


def two_factor_enabled(*, user: User) -> bool:
    """Whether the user signs in with a second factor (a confirmed authenticator app)."""
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def _device_model(code: str) -> type[TOTPDevice] | type[StaticDevice]:
    """A six-digit code is the authenticator app's; any other is a backup code."""
    if _TOTP_CODE.fullmatch(code):
        return TOTPDevice  # type: ignore[no-any-return]
    return StaticDevice  # type: ignore[no-any-return]


def code_wait_seconds(*, user: User, code: str) -> int:
    """Seconds before a code like this one can be checked (0: now), after wrong ones."""
    device = _device_model(normalise_code(code)).objects.filter(user=user, confirmed=True).first()
    if device is None:
        return 0
    allowed, data = device.verify_is_allowed()
    if allowed or not data or not data.get("locked_until"):
        return 0
    return int((data["locked_until"] - timezone.now()).total_seconds()) + 1


def two_factor_verify(*, user: User, code: str) -> Device | None:
    """The device that accepts the code, or None. Checked under a row lock so that two requests
    cannot both use one code."""
    code = normalise_code(code)
    if not code or len(code) > 16:
        return None
    model = _device_model(code)
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is not None and device.verify_token(code):
            return device
    return None


@transaction.atomic
def two_factor_enrolment_start(*, user: User) -> TOTPDevice:
    """The authenticator app being set up: a new secret, until a code confirms it."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    device.full_clean(exclude=["user"])
    device.save()
    return device


def two_factor_pending_device(*, user: User, device_id: object) -> TOTPDevice | None:
    """The user's unconfirmed authenticator app of this id, if it is still being set up."""
    if not isinstance(device_id, int):
        return None
    return TOTPDevice.objects.filter(user=user, pk=device_id, confirmed=False).first()


@transaction.atomic
def two_factor_enrolment_confirm(
    *, actor: Actor, user: User, device: TOTPDevice, code: str
) -> list[str]:
    """Turn two-factor on once the app's first code is right; returns the backup codes (shown
    once: only the device keeps them)."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
    if not device.verify_token(normalise_code(code)):
        raise ValidationError({"code": WRONG_CODE})
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_backup_codes(user)
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=user,
        summary=f"Two-factor sign-in turned on for {user.email}",
        changes=[("two_factor", False, True)],
    )
    return codes


@transaction.atomic
def two_factor_backup_codes_renew(*, actor: Actor, user: User) -> list[str]:
    """Ten new backup codes; the earlier ones stop working."""
    if not two_factor_enabled(user=user):
        raise ValidationError(_("Turn on two-factor sign-in first."))
    codes = _new_backup_codes(user)
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=user,
        summary=f"New two-factor backup codes made for {user.email}",
    )
    return codes


@transaction.atomic
def two_factor_disable(*, actor: Actor, user: User, code: str) -> None:
    """Turn one's own two-factor off with a current code, where the clinic does not require it."""
    if actor.clinic.require_two_factor:
        raise ValidationError(
            _("Your clinic requires two-factor sign-in; it cannot be turned off.")
        )
    if two_factor_verify(user=user, code=code) is None:
        raise ValidationError({"code": WRONG_CODE})
    _delete_devices(user)
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=user,
        summary=f"Two-factor sign-in turned off for {user.email}",
        changes=[("two_factor", True, False)],
    )


@transaction.atomic
def two_factor_reset(*, actor: Actor, clinician: Clinician) -> None:
    """A clinic admin's reset of a colleague's lost device: the devices go, the colleague's
    sessions and API tokens end, and they set two-factor up again at their next sign-in."""
    if clinician.clinic_id != actor.clinic.pk:
        raise ValidationError(_("This clinician is not in your clinic."))
    user = clinician.user
    had_device = two_factor_enabled(user=user)
    _delete_devices(user)
    user_sessions_end(user=user)
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=clinician,
        summary=f"Two-factor sign-in reset for {user.email}; sessions and API tokens ended",
        changes=[("two_factor", had_device, False)],
    )


@transaction.atomic
def clinic_two_factor_require(*, actor: Actor, required: bool) -> Clinic:
    """Require (or stop requiring) two-factor sign-in of every clinician of the actor's clinic."""
    clinic = Clinic.objects.select_for_update().get(pk=actor.clinic.pk)
    if clinic.require_two_factor == required:
        return clinic
    clinic.require_two_factor = required
    clinic.save(update_fields=["require_two_factor"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=clinic,
        summary="Two-factor sign-in " + ("required" if required else "no longer required"),
        changes=[("require_two_factor", not required, required)],
    )
    return clinic


def _new_backup_codes(user: User) -> list[str]:
    # The device stays (a session that signed in with a backup code is verified by it); only
    # its codes are replaced.
    device = StaticDevice.objects.filter(user=user).first() or StaticDevice.objects.create(
        user=user, name=BACKUP_DEVICE_NAME, confirmed=True
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _delete_devices(user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
