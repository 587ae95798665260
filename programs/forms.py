"""Forms for the exercise library, program editing and templates (shape only)."""

from pathlib import Path

from django import forms
from django.conf import settings

from patients.clinical import Severity
from programs.dosage import BOUNDS, FIELD_LABELS
from programs.models import Exercise, ProgramTemplate


def illustration_choices() -> list[tuple[str, str]]:
    """The pictures shipped in static/img/exercises, for clinic exercises to reuse."""
    folder = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
    files = sorted(folder.glob("*.svg"))
    return [("", "No picture")] + [
        (f"img/exercises/{f.name}", f.stem.replace("-", " ").capitalize()) for f in files
    ]


class ExerciseFilterForm(forms.Form):
    category = forms.ChoiceField(
        required=False, choices=[("", "Any category"), *Exercise.Category.choices]
    )
    position = forms.ChoiceField(
        required=False, choices=[("", "Any position"), *Exercise.Position.choices]
    )


class ExerciseForm(forms.ModelForm):
    illustration = forms.ChoiceField(required=False, choices=illustration_choices)
    max_tier = forms.ChoiceField(
        label="Safe up to tier",
        choices=[(c, "prevention" if c == "none" else c) for c in Severity.values],
        help_text="The worst tier at which this exercise may be prescribed.",
    )

    class Meta:
        model = Exercise
        fields = [
            "name",
            "summary",
            "category",
            "position",
            "progression_order",
            "dosage_profile",
            "max_tier",
            "loads_flexion",
            "instructions",
            "cautions",
            "illustration",
        ]
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 5}),
            "cautions": forms.Textarea(attrs={"rows": 3}),
        }


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
            self.fields["exercise"].queryset = exercises


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
            self.fields["template"].queryset = templates


class SuggestionDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("decline", "Decline")])
    reason = forms.CharField(max_length=500)
