"""Forms of the clinic pages: they check shape; the services do the rest."""

from django import forms

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
