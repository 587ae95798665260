"""Forms of program editing and templates (shape only; the services check the rest)."""

from typing import cast

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from programs.library.dosage import BOUNDS, FIELD_LABELS
from programs.library.models import Exercise
from programs.prescribing.models import ProgramTemplate


def _dosage_field(name: str) -> forms.IntegerField:
    low, high = BOUNDS[name]
    return forms.IntegerField(label=capfirst(FIELD_LABELS[name]), min_value=low, max_value=high)


class DosageForm(forms.Form):
    """A dosage edit; the reason is required and kept in the prescription history."""

    sets = _dosage_field("sets")
    reps = _dosage_field("reps")
    hold_seconds = _dosage_field("hold_seconds")
    sessions_per_day = _dosage_field("sessions_per_day")
    days_per_week = _dosage_field("days_per_week")
    notes = forms.CharField(max_length=300, required=False, label=_("Notes for the patient"))
    reason = forms.CharField(
        max_length=500,
        label=_("Reason for the change"),
        help_text=_("Kept in the prescription history, e.g. “pain settled, progressing reps”."),
    )


class AddItemForm(forms.Form):
    exercise = forms.ModelChoiceField(
        label=_("Exercise"), queryset=Exercise.objects.none(), empty_label=_("Choose…")
    )
    notes = forms.CharField(label=_("Notes"), max_length=300, required=False)

    def __init__(self, *args, exercises=None, **kwargs):
        super().__init__(*args, **kwargs)
        if exercises is not None:
            cast(forms.ModelChoiceField, self.fields["exercise"]).queryset = exercises


class ActivateForm(forms.Form):
    start_date = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("Start date")
    )


class TemplateSaveForm(forms.Form):
    name = forms.CharField(max_length=120, label=_("Template name"))


class TemplateApplyForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Template"),
        queryset=ProgramTemplate.objects.none(),
        empty_label=_("Choose a template…"),
    )

    def __init__(self, *args, templates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if templates is not None:
            cast(forms.ModelChoiceField, self.fields["template"]).queryset = templates
