from django.contrib import admin

from programs.prescribing.models import Program, ProgramItem


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
