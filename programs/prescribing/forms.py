"""Forms of program editing and templates (shape only; the services check the rest)."""

from typing import cast

from django import forms

from programs.library.dosage import BOUNDS, FIELD_LABELS
from programs.library.models import Exercise
from programs.prescribing.models import ProgramTemplate


def _dosage_field(name: str) -> forms.IntegerField:
    low, high = BOUNDS[name]
    return forms.IntegerField(label=FIELD_LABELS[name].capitalize(), min_value=low, max_value=high)


class DosageForm(forms.Form):
    """A dosage edit; the reason is required and kept in the prescription history."""

    sets = _dosage_field("sets")
    reps = _dosage_field("reps")
    hold_seconds = _dosage_field("hold_seconds")
    sessions_per_day = _dosage_field("sessions_per_day")
    days_per_week = _dosage_field("days_per_week")
    notes = forms.CharField(max_length=300, required=False, label="Notes for the patient")
    reason = forms.CharField(
        max_length=500,
        label="Reason for the change",
        help_text="Kept in the prescription history, e.g. “pain settled, progressing reps”.",
    )


class AddItemForm(forms.Form):
    exercise = forms.ModelChoiceField(queryset=Exercise.objects.none(), empty_label="Choose…")
    notes = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, exercises=None, **kwargs):
        super().__init__(*args, **kwargs)
        if exercises is not None:
            cast(forms.ModelChoiceField, self.fields["exercise"]).queryset = exercises


class ActivateForm(forms.Form):
    start_date = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Start date"
    )


class TemplateSaveForm(forms.Form):
    name = forms.CharField(max_length=120, label="Template name")


class TemplateApplyForm(forms.Form):
    template = forms.ModelChoiceField(
        queryset=ProgramTemplate.objects.none(), empty_label="Choose a template…"
    )

    def __init__(self, *args, templates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if templates is not None:
            cast(forms.ModelChoiceField, self.fields["template"]).queryset = templates
