"""The education page texts patients read in their own language (django-modeltranslation).

Sources stay as written: they are citations, and a translated title would no longer find
the guideline.
"""

from modeltranslation.translator import TranslationOptions, register

from programs.education.models import EducationPage


@register(EducationPage)
class EducationPageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
