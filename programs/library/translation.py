"""Which exercise texts are translated (django-modeltranslation adds a column per language)."""

from modeltranslation.translator import TranslationOptions, register

from programs.library.models import Exercise

# The words a patient or clinician reads; the engine's facts (category, dosage...) are shared.
TRANSLATED_FIELDS = ("name", "summary", "instructions", "cautions")


@register(Exercise)
class ExerciseTranslationOptions(TranslationOptions):
    fields = TRANSLATED_FIELDS
