from django.contrib import admin

from programs.library.models import Exercise


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "clinic", "category", "position", "max_tier"]
    list_filter = ["clinic", "category", "position"]
    search_fields = ["name", "slug"]
