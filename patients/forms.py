"""Forms for patient records: they check shape; the services check clinical rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clinic.models import Clinic
from clinic.selectors import clinician_users_for
from clinic.timezones import timezone_choices
from patients.clinical import EMERGENCY_FLAGS, NRS_MAX, NRS_MIN, RedFlag, Severity
from patients.models import Patient, default_language
from patients.services import PATIENT_EDITABLE_FIELDS


class PatientForm(forms.ModelForm):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=timezone_choices)

    class Meta:
        model = Patient
        fields = PATIENT_EDITABLE_FIELDS
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, clinic: Clinic, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Clients that post no language (older forms, scripts) keep the patient's, or English.
        self.fields["language"].required = False
        if self.is_bound and self.add_prefix("clinician") not in self.data:
            # A client that posts no clinician (older forms, scripts) changes nothing: an edit
            # keeps the patient's, a new patient gets the clinician who adds them.
            del self.fields["clinician"]
            return
        clinician = self.fields["clinician"]
        clinician.queryset = clinician_users_for(clinic=clinic)  # type: ignore[attr-defined]
        clinician.empty_label = _("Nobody yet")  # type: ignore[attr-defined]
        clinician.label_from_instance = lambda user: user.get_full_name() or user.email  # type: ignore[attr-defined]

    def clean_language(self) -> str:
        chosen = self.cleaned_data.get("language")
        return chosen or (self.instance.language if self.instance.pk else default_language())


class AssessmentForm(forms.Form):
    """Severity, pain and the red-flag screening checklist."""

    injury_severity = forms.ChoiceField(
        label=_("Injury severity"),
        # No preselected grade: the clinician must choose one deliberately.
        choices=[("", "Choose a grading…"), *Severity.choices],
        help_text=_("Your grading of the injury; “None” means prevention, no current injury."),
    )
    pain_level = forms.IntegerField(
        label=_("Current pain (NRS 0–10)"),
        min_value=NRS_MIN,
        max_value=NRS_MAX,
        help_text=_("0 = no pain, 10 = worst pain imaginable."),
    )
    red_flags = forms.MultipleChoiceField(
        label=_("Red-flag screening"),
        choices=RedFlag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Any red flag blocks prescribing and calls for referral."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def red_flag_groups(self) -> list[tuple[str, str, list]]:
        """The checklist's options split into emergency and urgent groups for display."""
        options = list(self["red_flags"])
        return [
            (
                "Emergency — same-day emergency referral",
                "emergency",
                [o for o in options if o.data["value"] in EMERGENCY_FLAGS],
            ),
            (
                "Urgent referral",
                "urgent",
                [o for o in options if o.data["value"] not in EMERGENCY_FLAGS],
            ),
        ]


class PasswordSetForm(forms.Form):
    new_password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers; not a common password."),
    )
    new_password2 = forms.CharField(
        label=_("Type it again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", _("The two passwords differ."))
        return data
