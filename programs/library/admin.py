from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from programs.library.models import Exercise


@admin.register(Exercise)
class ExerciseAdmin(TranslationAdmin):  # a field per language for the translated texts
    list_display = ["name", "slug", "clinic", "category", "position", "max_tier"]
    list_filter = ["clinic", "category", "position"]
    search_fields = ["name", "slug"]
