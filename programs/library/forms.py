"""Forms of the exercise library pages (shape only; the services check the rest)."""

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from patients.clinical import TIER_LABELS, Severity
from programs.library.dosage import TIERS
from programs.library.media_checks import MAX_VIDEO_BYTES
from programs.library.models import Exercise


def illustration_choices() -> list[tuple[str, str]]:
    """The pictures shipped in static/img/exercises, for clinic exercises to reuse."""
    folder = Path(settings.BASE_DIR) / "static" / "img" / "exercises"
    files = sorted(folder.glob("*.svg"))
    return [("", gettext("No picture"))] + [
        (f"img/exercises/{f.name}", f.stem.replace("-", " ").capitalize()) for f in files
    ]


class ExerciseFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    category = forms.ChoiceField(
        required=False,
        label=_("Category"),
        choices=[("", _("Any category")), *Exercise.Category.choices],
    )
    position = forms.ChoiceField(
        required=False,
        label=_("Position"),
        choices=[("", _("Any position")), *Exercise.Position.choices],
    )
    tier = forms.ChoiceField(
        label=_("Allowed at tier"),
        required=False,
        choices=[("", _("Any tier")), *((t, TIER_LABELS[t]) for t in TIERS)],
    )


class ExerciseForm(forms.ModelForm):
    illustration = forms.ChoiceField(required=False, choices=illustration_choices)
    max_tier = forms.ChoiceField(
        label=_("Safe up to tier"),
        choices=[(c, "prevention" if c == "none" else c) for c in Severity.values],
        help_text=_("The worst tier at which this exercise may be prescribed."),
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


class ExerciseMediaForm(forms.Form):
    file = forms.FileField(
        label=_("Photo or video"),
        help_text=_("JPEG, PNG or WebP photos up to 8 MB; MP4 or WebM videos up to 50 MB."),
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=200,
        help_text=_("What it shows, in words, for patients who cannot see it."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_VIDEO_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(_("Videos may be at most 50 MB, photos 8 MB."))
        return upload
