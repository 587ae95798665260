from django.contrib import admin

from programs.followup.models import Alert, SessionLog, Suggestion


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
