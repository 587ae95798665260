"""Writes for clinics, clinicians and the audit log."""

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest

from clinic.models import AuditLog, Clinic, Clinician, User


@dataclass(frozen=True)
class Actor:
    """Who is acting, for which clinic, through which channel and from where: the audit's 'who'."""

    clinic: Clinic
    user: User | None
    channel: str = AuditLog.Channel.UI
    ip_address: str | None = None

    @classmethod
    def from_request(cls, request: HttpRequest, *, clinic: Clinic) -> "Actor":
        # Behind the TLS proxy REMOTE_ADDR is the proxy; django-axes already resolved the
        # client's address with the configured proxy count.
        ip = getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR")
        return cls(clinic=clinic, user=request.user, channel=AuditLog.Channel.UI, ip_address=ip)


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    patient=None,
    summary: str = "",
) -> AuditLog:
    """Append one audit row; callers run inside the transaction of the change they record."""
    row = AuditLog(
        clinic=actor.clinic,
        actor=actor.user,
        channel=actor.channel,
        action=action,
        patient=patient,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        summary=summary[:255],
        ip_address=actor.ip_address,
    )
    # The related objects are ones the caller holds, and the action CHECK lives in the database:
    # skipping those lookups keeps an audited page view at one extra query.
    row.full_clean(exclude=["clinic", "actor", "patient"], validate_constraints=False)
    row.save()
    return row


@transaction.atomic
def clinician_create(
    *,
    clinic_name: str,
    email: str,
    password: str,
    full_name: str = "",
    is_clinic_admin: bool = False,
) -> Clinician:
    """Create a clinician (and the clinic, if no clinic has that name yet)."""
    email = User.objects.normalize_email(email.strip()).lower()
    clinic_name = clinic_name.strip()
    if not clinic_name:
        raise ValidationError({"clinic": "A clinic name is required."})
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": f"A user with the email {email} already exists."})
    user = User(email=email, full_name=full_name.strip())
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    clinic = Clinic.objects.filter(name__iexact=clinic_name).first()
    if clinic is None:
        clinic = Clinic(name=clinic_name)
        clinic.full_clean()
        clinic.save()
    clinician = Clinician(user=user, clinic=clinic, is_clinic_admin=is_clinic_admin)
    clinician.full_clean()
    clinician.save()
    return clinician
