"""A clinic admin's staff management: invitations, the admin role, deactivation (SPEC 6).

Every change is audited. The clinic always keeps one active admin: the last one cannot be
demoted or deactivated, and the check runs under a lock on the clinic's row, so two admins
demoting each other at once cannot both succeed.
"""

from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import AuditLog, Clinic, Clinician, StaffInvitation, User
from clinic.services.base import Actor, audit_record
from clinic.services.sessions import user_sessions_end

INVITATION_SALT = "backstrong.staff-invitation"
LAST_ADMIN = _("The clinic needs at least one active admin: make another clinician admin first.")


def staff_invitation_token(invitation: StaffInvitation) -> str:
    """The signed token of an invitation link; it carries its own timestamp."""
    return signing.dumps({"staff_invitation": invitation.pk}, salt=INVITATION_SALT)


def staff_invitation_for_token(token: str) -> tuple[StaffInvitation | None, str]:
    """The invitation of a link and its state: open, used, replaced, expired or invalid."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=StaffInvitation.VALID_FOR)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    invitation_id = data.get("staff_invitation") if isinstance(data, dict) else None
    if not isinstance(invitation_id, int):
        return None, "invalid"
    invitation = StaffInvitation.objects.select_related("clinic").filter(pk=invitation_id).first()
    if invitation is None:
        return None, "invalid"
    return invitation, invitation.state


@transaction.atomic
def staff_invite(
    *, actor: Actor, email: str, full_name: str = "", is_clinic_admin: bool = False
) -> StaffInvitation:
    """Invite a clinician by email; an earlier open invitation to the same address stops working."""
    from clinic.outbox import enqueue_on_commit
    from clinic.tasks import send_staff_invitation_task

    email = User.objects.normalize_email(email.strip()).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("Someone already has an account with this email address.")}
        )
    now = timezone.now()
    StaffInvitation.objects.filter(
        clinic=actor.clinic, email__iexact=email, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    invitation = StaffInvitation(
        clinic=actor.clinic,
        email=email,
        full_name=full_name.strip(),
        is_clinic_admin=is_clinic_admin,
        invited_by=actor.user,
        created_at=now,
        expires_at=now + StaffInvitation.VALID_FOR,
    )
    invitation.full_clean(exclude=["clinic", "invited_by"])
    invitation.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=invitation,
        summary=f"Invited {email} as {'clinic admin' if is_clinic_admin else 'clinician'}",
        changes=[("email", None, email), ("is_clinic_admin", None, is_clinic_admin)],
    )
    enqueue_on_commit(send_staff_invitation_task, invitation.pk)
    return invitation


@transaction.atomic
def staff_invitation_cancel(*, actor: Actor, invitation: StaffInvitation) -> None:
    """Cancel an open invitation: its link stops working."""
    updated = StaffInvitation.objects.filter(
        pk=invitation.pk, clinic=actor.clinic, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if updated:
        audit_record(
            actor=actor,
            action=AuditLog.Action.CHANGE,
            obj=invitation,
            summary=f"Invitation of {invitation.email} cancelled",
        )


def invitation_closed_message(state: str) -> str:
    """Why an invitation link no longer works, in words (its state is a code)."""
    reasons = {
        "used": _("This invitation link was already used."),
        "expired": _("This invitation link has expired."),
        "replaced": _("This invitation link was replaced by a newer one."),
    }
    return str(reasons.get(state, _("This invitation link is not valid.")))


@transaction.atomic
def staff_invitation_accept(*, token: str, full_name: str, password: str) -> Clinician:
    """Make the invited clinician's account from an open invitation; the link then stops working."""
    invitation, state = staff_invitation_for_token(token)
    if invitation is None or state != "open":
        raise ValidationError(invitation_closed_message(state))
    invitation = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != "open":  # a double submit lost the race
        raise ValidationError(invitation_closed_message(invitation.state))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this email address exists already; sign in."))
    user = User(email=invitation.email, full_name=full_name.strip())
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    clinician = Clinician(
        user=user, clinic=invitation.clinic, is_clinic_admin=invitation.is_clinic_admin
    )
    clinician.full_clean()
    clinician.save()
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    audit_record(
        actor=Actor(clinic=invitation.clinic, user=user, channel=AuditLog.Channel.UI),
        action=AuditLog.Action.CREATE,
        obj=clinician,
        summary=f"{user.email} accepted the invitation and joined the clinic",
    )
    return clinician


def _locked(actor: Actor, clinician: Clinician) -> Clinician:
    """The clinic's row locked (admins change one at a time), then the clinician of that clinic."""
    Clinic.objects.select_for_update().get(pk=actor.clinic.pk)
    try:
        return Clinician.objects.select_related("user").get(pk=clinician.pk, clinic=actor.clinic)
    except Clinician.DoesNotExist as exc:
        raise ValidationError(_("This clinician is not in your clinic.")) from exc


def _other_active_admins(clinician: Clinician) -> bool:
    return (
        Clinician.objects.filter(
            clinic=clinician.clinic_id, is_clinic_admin=True, user__is_active=True
        )
        .exclude(pk=clinician.pk)
        .exists()
    )


@transaction.atomic
def staff_admin_set(*, actor: Actor, clinician: Clinician, is_clinic_admin: bool) -> Clinician:
    """Give or take the clinic admin role; the last active admin keeps it."""
    clinician = _locked(actor, clinician)
    if clinician.is_clinic_admin == is_clinic_admin:
        return clinician
    if not is_clinic_admin and not _other_active_admins(clinician):
        raise ValidationError(LAST_ADMIN)
    clinician.is_clinic_admin = is_clinic_admin
    clinician.save(update_fields=["is_clinic_admin"])
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=clinician,
        summary=f"{clinician.user.email} "
        + ("made clinic admin" if is_clinic_admin else "is no longer clinic admin"),
        changes=[("is_clinic_admin", not is_clinic_admin, is_clinic_admin)],
    )
    return clinician


@transaction.atomic
def staff_active_set(*, actor: Actor, clinician: Clinician, is_active: bool) -> Clinician:
    """Deactivate (sessions and API tokens end at once) or reactivate a clinician."""
    clinician = _locked(actor, clinician)
    user = clinician.user
    if user.is_active == is_active:
        return clinician
    if not is_active and clinician.is_clinic_admin and not _other_active_admins(clinician):
        raise ValidationError(LAST_ADMIN)
    user.is_active = is_active
    user.save(update_fields=["is_active"])
    if not is_active:
        user_sessions_end(user=user)
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=clinician,
        summary=f"{user.email} " + ("reactivated" if is_active else "deactivated"),
        changes=[("is_active", not is_active, is_active)],
    )
    return clinician
