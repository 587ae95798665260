from django.contrib import admin

from programs.reminders.models import ClinicianDigest, Reminder


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
