"""Portal invitations: a single-use, expiring signed link by which a patient sets a password."""

from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.models import AuditLog, User
from clinic.services import Actor, audit_record
from clinic.services.staff import invitation_closed_message
from patients.models import Patient, PortalInvitation
from patients.services.records import ensure_changeable

# What a clinician may change on the record itself; severity, pain and red flags change only
# through a new assessment, so that history is never overwritten.
INVITATION_SALT = "backstrong.portal-invitation"


def portal_invitation_token(invitation: PortalInvitation) -> str:
    """The signed token of an invitation link; it carries its own timestamp."""
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


def portal_invitation_for_token(token: str) -> tuple[PortalInvitation | None, str]:
    """The invitation of a link and its state: open, used, replaced, expired or invalid."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=PortalInvitation.VALID_FOR)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    invitation_id = data.get("invitation") if isinstance(data, dict) else None
    if not isinstance(invitation_id, int):
        return None, "invalid"
    invitation = (
        PortalInvitation.objects.select_related("patient__clinic", "patient__user")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return None, "invalid"
    return invitation, invitation.state


@transaction.atomic
def portal_invitation_send(*, actor: Actor, patient: Patient) -> PortalInvitation:
    """Invite a patient to the portal; an earlier open invitation stops working."""
    from clinic.outbox import enqueue_on_commit
    from patients.tasks import send_portal_invitation_task

    patient = Patient.objects.select_for_update().get(pk=patient.pk)
    ensure_changeable(patient)
    if not patient.email:
        raise ValidationError({"email": _("Add the patient's email address before inviting them.")})
    owner = User.objects.filter(email__iexact=patient.email).first()
    if owner is not None and owner.pk != patient.user_id:
        raise ValidationError(
            {"email": "Another account already uses this email address; use another one."}
        )
    now = timezone.now()
    patient.invitations.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    invitation = PortalInvitation(
        patient=patient,
        email=patient.email,
        created_by=actor.user,
        created_at=now,
        expires_at=now + PortalInvitation.VALID_FOR,
    )
    invitation.full_clean(exclude=["patient"])
    invitation.save()
    audit_record(
        actor=actor,
        action=AuditLog.Action.CHANGE,
        obj=invitation,
        patient=patient,
        summary=f"Portal invitation sent to {patient.email}",
    )
    # A broker outage must not fail the invitation: the outbox sweep sends it later.
    enqueue_on_commit(send_portal_invitation_task, invitation.pk)
    return invitation


@transaction.atomic
def portal_invitation_accept(*, token: str, password: str) -> User:
    """Set the patient's portal password from an open invitation; the link then stops working."""
    invitation, state = portal_invitation_for_token(token)
    if invitation is None or state != "open":
        raise ValidationError(invitation_closed_message(state))
    invitation = PortalInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != "open":  # a double submit lost the race
        raise ValidationError(invitation_closed_message(invitation.state))
    patient = Patient.objects.select_for_update().get(pk=invitation.patient_id)
    user = patient.user or User(email=invitation.email.lower(), full_name=patient.full_name)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(validate_unique=patient.user is None)
    user.save()
    if patient.user_id != user.pk:
        patient.user = user
        patient.save(update_fields=["user", "updated_at"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    audit_record(
        actor=Actor(clinic=patient.clinic, user=user, channel=AuditLog.Channel.UI),
        action=AuditLog.Action.CHANGE,
        obj=invitation,
        patient=patient,
        summary="Portal invitation accepted; password set",
    )
    return user
