"""Forms of the clinic pages, and the helper every app's pages use to show a service's errors on
the form that has each field. Forms check shape; the services do the rest."""

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.exceptions import ValidationError

from clinic.models import ApiKey
from clinic.services import user_password_set


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What will use the key, e.g. “Practice EHR” or “Billing export”.",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=ApiKey.Role.choices,
        widget=forms.RadioSelect,
        initial=ApiKey.Role.READ,
        help_text="Read-only keys can read patients, programs and sessions but change nothing.",
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
        label="Code",
        max_length=32,
        help_text="The six digits your authenticator app shows, or one of your backup codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class TwoFactorSetupForm(forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=32,
        help_text="The six digits the app shows now for Backstrong.",
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
