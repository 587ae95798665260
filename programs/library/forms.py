"""Forms of the exercise library pages (shape only; the services check the rest)."""

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.forms import BoundField
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from patients.clinical import TIER_LABELS, Severity
from programs.library.dosage import TIERS
from programs.library.media_checks import MAX_VIDEO_BYTES
from programs.library.models import Exercise
from programs.library.translations import TRANSLATED_FIELDS, column, translation_languages

_TRANSLATION_LABELS = {
    "name": _("Name"),
    "summary": _("Summary for clinicians"),
    "instructions": _("Instructions (one step per line)"),
    "cautions": _("Cautions (one safety point per line)"),
}


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


class TranslationFieldsMixin(forms.BaseForm):
    """Optional fields for an exercise's texts in each other language: name_es, cautions_de…"""

    def add_translation_fields(self, exercise: Exercise | None = None) -> None:
        for language in translation_languages():
            for field in TRANSLATED_FIELDS:
                model_field = Exercise._meta.get_field(field)
                name = column(field, language)
                multiline = field in ("instructions", "cautions")
                self.fields[name] = forms.CharField(
                    label=_TRANSLATION_LABELS[field],
                    required=False,
                    max_length=getattr(model_field, "max_length", None),
                    widget=forms.Textarea(attrs={"rows": 4 if multiline else 2, "lang": language})
                    if multiline
                    else forms.TextInput(attrs={"lang": language}),
                    initial=getattr(exercise, name, None) or "" if exercise else "",
                )

    def translation_groups(self) -> list[tuple[str, str, list[BoundField], bool]]:
        """Per language: its code, its name, its bound fields, and whether to show it open."""
        names = dict(settings.LANGUAGES)
        groups = []
        for language in translation_languages():
            fields = [self[column(field, language)] for field in TRANSLATED_FIELDS]
            open_ = any(f.errors or f.value() for f in fields)
            groups.append((language, names[language], fields, open_))
        return groups

    def source_fields(self) -> list[BoundField]:
        """The bound fields other than the translations, in their order."""
        translated = {
            column(f, lang) for lang in translation_languages() for f in TRANSLATED_FIELDS
        }
        return [self[name] for name in self.fields if name not in translated]

    def translations(self) -> dict[str, dict[str, str]]:
        """The cleaned translations, language → field → text, for the services."""
        return {
            language: {
                field: self.cleaned_data.get(column(field, language), "")
                for field in TRANSLATED_FIELDS
            }
            for language in translation_languages()
        }


class ExerciseTranslationsForm(TranslationFieldsMixin, forms.Form):
    """A clinic exercise's translations, for the page that edits them."""

    def __init__(self, *args: Any, exercise: Exercise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_translation_fields(exercise)


class ExerciseForm(TranslationFieldsMixin, forms.ModelForm):
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_translation_fields()

    def exercise_data(self) -> dict[str, Any]:
        """The cleaned texts and facts in the clinic's language, for `exercise_create`."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


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
