"""Forms of the clinic pages, and the helper every app's pages use to show a service's errors on
the form that has each field. Forms check shape; the services do the rest."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from clinic.models import ApiKey


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


class ClinicDetailsForm(forms.Form):
    phone = forms.CharField(
        max_length=40,
        required=False,
        help_text="Printed on patients' handouts and in their emails, for their questions.",
        validators=[
            RegexValidator(
                r"^[0-9+()\- .]*$", "Use digits, spaces and + ( ) - only, e.g. 020 7946 0321."
            )
        ],
    )
