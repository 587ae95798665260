"""Forms of the exercise library pages (shape only; the services check the rest)."""

from pathlib import Path

from django import forms
from django.conf import settings

from patients.clinical import TIER_LABELS, Severity
from programs.library.dosage import TIERS
from programs.library.models import Exercise


def illustration_choices() -> list[tuple[str, str]]:
    """The pictures shipped in static/img/exercises, for clinic exercises to reuse."""
    folder = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
    files = sorted(folder.glob("*.svg"))
    return [("", "No picture")] + [
        (f"img/exercises/{f.name}", f.stem.replace("-", " ").capitalize()) for f in files
    ]


class ExerciseFilterForm(forms.Form):
    q = forms.CharField(label="Name", required=False, max_length=100)
    category = forms.ChoiceField(
        required=False, choices=[("", "Any category"), *Exercise.Category.choices]
    )
    position = forms.ChoiceField(
        required=False, choices=[("", "Any position"), *Exercise.Position.choices]
    )
    tier = forms.ChoiceField(
        label="Allowed at tier",
        required=False,
        choices=[("", "Any tier"), *((t, TIER_LABELS[t]) for t in TIERS)],
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
            "min_hold_seconds",
            "instructions",
            "cautions",
            "illustration",
        ]
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 5}),
            "cautions": forms.Textarea(attrs={"rows": 3}),
        }
