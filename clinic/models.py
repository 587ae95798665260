"""Tenancy and identity: clinics, users, clinician memberships, API credentials and the audit
log."""

import datetime
import hashlib
from collections.abc import Iterator
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from clinic.audit_labels import ReadableChange, readable_changes
from clinic.timezones import is_place_timezone


def validate_timezone(value: str) -> None:
    """Reject names that are not the time zone of a place (IANA's "Region/City", or UTC)."""
    if not is_place_timezone(value):
        raise ValidationError(
            _("“%(value)s” is not the time zone of a place; choose one such as Europe/London.")
            % {"value": value}
        )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> "User":
        # Sign-in finds "Ann@X.org" as "ann@x.org": emails compare case-insensitively everywhere.
        return self.get(email__iexact=str(username or "").strip())

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in: a clinician, a portal patient or staff; the email is the login."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Changed to end every session of the user at once (deactivation, a two-factor reset): it
    # is part of the session's hash, as the password is.
    session_stamp = models.CharField(max_length=32, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message="A user with this email address already exists.",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def get_session_auth_hash(self) -> str:
        return self._session_hash(secret=None)

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=secret)

    def _session_hash(self, *, secret: str | bytes | None) -> str:
        # Django's HMAC of the password, with the stamp mixed in once one was set: a password
        # change ends other sessions (Django's rule), and so does a new stamp.
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = f"{self.password}:{self.session_stamp}" if self.session_stamp else self.password
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()


class Clinic(models.Model):
    """The tenant: everything clinical belongs to exactly one clinic."""

    name = models.CharField(max_length=200, unique=True)
    timezone = models.CharField(
        max_length=64, default="Europe/London", validators=[validate_timezone]
    )
    # Set by a clinic admin: every clinician must sign in with a two-factor code.
    require_two_factor = models.BooleanField(default=False)
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Printed on patients' handouts, for their questions."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Clinician(models.Model):
    """A user's membership of one clinic; clinic admins manage clinicians and API keys."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="clinician")
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clinicians")
    is_clinic_admin = models.BooleanField(default=False)
    # Set from the digest email's unsubscribe link; urgent alerts are sent regardless.
    digest_opt_out = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__full_name", "user__email"]

    def __str__(self) -> str:
        return f"{self.user} ({self.clinic})"


class AuditLog(models.Model):
    """One append-only row per access or change to clinical data (SPEC 6).

    Rows are written only by `clinic.services.audit_record`; PostgreSQL refuses UPDATE and
    DELETE on this table (see the migration that installs the trigger).
    """

    class Action(models.TextChoices):
        VIEW = "view"
        CREATE = "create"
        CHANGE = "change"
        ARCHIVE = "archive"
        EXPORT = "export"

    class Channel(models.TextChoices):
        UI = "ui", _("Web app")
        API = "api", _("REST API")
        SYSTEM = "system", _("System")

    # No foreign-key constraints in the database: checking them at each commit locked every
    # patient shown (and the clinic and user rows once per patient) for each list page viewed,
    # half of the audit's database time (bench/api.py). Rows are only ever written by
    # clinic.services with ids just read, and Django still refuses (PROTECT) to delete what
    # the log names. The indexes in Meta serve the trail's lookups.
    clinic = models.ForeignKey(
        Clinic,
        on_delete=models.PROTECT,
        related_name="audit_rows",
        db_constraint=False,
        db_index=False,
    )
    actor = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_rows",
        db_constraint=False,
        db_index=False,
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    patient = models.ForeignKey(
        "patients.Patient",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_rows",
        db_constraint=False,
        db_index=False,
    )
    # Set when an integration acted: the key is the "who" (SPEC 1), and `actor` stays empty.
    api_key = models.ForeignKey(
        "ApiKey",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_rows",
        db_constraint=False,
        db_index=False,
    )
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(max_length=255, blank=True)
    # What a change changed: [{"field": name, "old": value, "new": value}, ...] in JSON terms.
    changes = models.JSONField(default=list, blank=True, encoder=DjangoJSONEncoder)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        # The indexes the trail is read by, and no more: every page that shows patients writes
        # a row per patient, and every index is one more entry to write for each. A row names
        # a person or an API key (or neither: the system), so a view enters four indexes, where
        # single-column indexes on the foreign keys and the time made it six.
        indexes = [
            # A patient's trail, and the clinic's narrowed to a patient.
            models.Index(fields=["clinic", "patient", "-at"]),
            # The clinic's trail, newest first, and its date ranges.
            models.Index(fields=["clinic", "-at", "-id"], name="auditlog_clinic_at"),
            # The clinic's trail narrowed to a person or a key (each belongs to one clinic).
            models.Index(
                fields=["actor", "-at", "-id"],
                name="auditlog_actor_at",
                condition=models.Q(actor__isnull=False),
            ),
            models.Index(
                fields=["api_key", "-at", "-id"],
                name="auditlog_api_key_at",
                condition=models.Q(api_key__isnull=False),
            ),
            # The clinic's trail narrowed to creations, changes, archivings or exports: rare
            # among the views, so only they enter this index (views walk the clinic's trail).
            models.Index(
                fields=["clinic", "action", "-at", "-id"],
                name="auditlog_clinic_action_at",
                condition=~models.Q(action="view"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=["view", "create", "change", "archive", "export"]),
                name="auditlog_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.who} {self.action} {self.object_type}"

    @property
    def object_label(self) -> str:
        """The kind of object, "Program": rows written before the apps were split name it
        with its app, "programs.Program"."""
        return self.object_type.rpartition(".")[2]

    @property
    def readable_changes(self) -> list[ReadableChange]:
        """The changed fields with their labels and readable values."""
        return readable_changes(self.changes)

    @property
    def who(self) -> str:
        """The user's email, the API key's name, or "system"."""
        if self.actor is not None:
            return self.actor.email
        if self.api_key is not None:
            return f"API key “{self.api_key.name}” ({self.api_key.prefix}…)"
        return "system"


def secret_hash(secret: str) -> str:
    """The stored form of an API secret: SHA-256 is enough for 256 random bits, and it lets a
    request find its credential with one indexed lookup."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """An expiring bearer token a user obtains with their email and password (SPEC 5)."""

    PREFIX = "bst_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="apitoken_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"API token of {self.user} (expires {self.expires_at:%Y-%m-%d %H:%M})"


class ApiKey(models.Model):
    """A clinic's key for a machine client, acting with a role inside that clinic only."""

    PREFIX = "bsk_"
    SHOWN_PREFIX_LENGTH = 8

    class Role(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="api_keys")
    name = models.CharField(max_length=100, help_text=_("What uses the key, e.g. “Practice EHR”."))
    role = models.CharField(max_length=16, choices=Role.choices)
    # The secret's first characters, shown in lists so that people can tell keys apart.
    prefix = models.CharField(max_length=SHOWN_PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["revoked_at", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["read", "read_write"]), name="apikey_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…, {self.clinic})"

    @property
    def can_write(self) -> bool:
        return self.role == self.Role.READ_WRITE


class StaffInvitation(models.Model):
    """A single-use link, valid 7 days, for a new clinician to set their name and password."""

    VALID_FOR = datetime.timedelta(days=7)

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="staff_invitations")
    email = models.EmailField()
    full_name = models.CharField(max_length=150, blank=True)
    is_clinic_admin = models.BooleanField(default=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # Set when a newer invitation to the same address replaces this one, or an admin cancels it.
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The email: when it went out, and the send task that took it (clinic.outbox).
    sent_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(
                    sent_at__isnull=True, used_at__isnull=True, revoked_at__isnull=True
                ),
                name="staff_invitation_unsent",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="staff_invitation_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.clinic}"

    @property
    def state(self) -> str:
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "replaced"
        return "expired" if self.expires_at <= timezone.now() else "open"
