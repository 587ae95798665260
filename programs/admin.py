from django.contrib import admin

from programs.models import (
    Alert,
    ClinicianDigest,
    Exercise,
    Program,
    ProgramItem,
    Reminder,
    SessionLog,
    Suggestion,
)


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "clinic", "category", "position", "max_tier"]
    list_filter = ["clinic", "category", "position"]
    search_fields = ["name", "slug"]


class ProgramItemInline(admin.TabularInline):
    model = ProgramItem
    extra = 0
    readonly_fields = ["exercise", "order", "sets", "reps", "hold_seconds", "sessions_per_day"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    """Read-only for staff: clinicians change programs in the app, where changes are audited."""

    list_display = ["pk", "patient", "status", "tier", "start_date"]
    list_filter = ["status", "tier"]
    list_select_related = ["patient"]
    inlines = [ProgramItemInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SessionLog)
class SessionLogAdmin(admin.ModelAdmin):
    list_display = ["patient", "local_date", "pain_before", "pain_after", "pain_next_morning"]
    list_select_related = ["patient"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["created_at", "clinic", "patient", "kind", "resolved_at", "emailed_at"]
    list_filter = ["kind", "clinic"]
    list_select_related = ["clinic", "patient"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "patient", "kind", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["patient"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Operators: recent reminders and their delivery status, per clinic."""

    list_display = ["slot", "patient", "clinic", "kind", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "patient__clinic"]
    list_select_related = ["patient__clinic"]
    readonly_fields = [f.name for f in Reminder._meta.fields]

    @admin.display(ordering="patient__clinic__name")
    def clinic(self, obj):
        return obj.patient.clinic


@admin.register(ClinicianDigest)
class ClinicianDigestAdmin(admin.ModelAdmin):
    list_display = ["local_date", "clinician", "sent_at", "alert_count"]
