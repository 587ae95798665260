"""Forms of the clinic pages, and the helper every app's pages use to show a service's errors on
the form that has each field. Forms check shape; the services do the rest."""

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from clinic.models import ApiKey, AuditLog
from clinic.services import user_password_set


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What will use the key, e.g. “Practice EHR” or “Billing export”."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ApiKey.Role.choices,
        widget=forms.RadioSelect,
        initial=ApiKey.Role.READ,
        help_text=_("Read-only keys can read patients, programs and sessions but change nothing."),
    )


def add_service_errors(error: ValidationError, *forms_: forms.BaseForm) -> None:
    """Attach a service's ValidationError to the form that has each field (else non-field)."""
    if not hasattr(error, "error_dict"):
        forms_[0].add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        target = next((f for f in forms_ if field in f.fields), None)
        if target is None:
            forms_[0].add_error(None, messages)
        else:
            target.add_error(field, messages)


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class TwoFactorSetupForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=32,
        help_text=_("The six digits the app shows now for Backstrong."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class ServicePasswordChangeForm(PasswordChangeForm):
    """Django's password change, saved through the service that also revokes API tokens."""

    def save(self, commit: bool = True) -> Any:
        return user_password_set(user=self.user, password=self.cleaned_data["new_password1"])


class ServiceSetPasswordForm(SetPasswordForm):
    """Django's password reset form, saved through the same service."""

    def save(self, commit: bool = True) -> Any:
        return user_password_set(user=self.user, password=self.cleaned_data["new_password1"])


class StaffInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    full_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    is_clinic_admin = forms.BooleanField(
        label=_("Clinic admin"),
        required=False,
        help_text=_("Admins manage the clinic's staff, API keys and audit trail."),
    )


class ClinicTwoFactorForm(forms.Form):
    require_two_factor = forms.BooleanField(
        label=_("Require two-factor sign-in for every clinician"),
        required=False,
        help_text=_("Clinicians without it are led to set it up at their next sign-in."),
    )


class StaffInvitationAcceptForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class AuditFilterForm(forms.Form):
    """The clinic-wide audit page's filters; `who` is "user:<id>" or "key:<id>"."""

    who = forms.ChoiceField(label=_("Person or API key"), required=False)
    patient = forms.IntegerField(label=_("Patient number"), required=False, min_value=1)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", "Any"), *AuditLog.Action.choices]
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["who"].choices = [("", "Anyone"), *people]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments for the valid filters."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        kind, _, pk = str(data.get("who") or "").partition(":")
        return {
            "actor_id": int(pk) if kind == "user" else None,
            "api_key_id": int(pk) if kind == "key" else None,
            "patient_id": data.get("patient"),
            "action": data.get("action") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }


class ClinicDetailsForm(forms.Form):
    phone = forms.CharField(
        max_length=40,
        required=False,
        help_text=_("Printed on patients' handouts and in their emails, for their questions."),
        validators=[
            RegexValidator(
                r"^[0-9+()\- .]*$", "Use digits, spaces and + ( ) - only, e.g. 020 7946 0321."
            )
        ],
    )
