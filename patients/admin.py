from django.contrib import admin

from patients.models import Assessment, Patient


class AssessmentInline(admin.TabularInline):
    model = Assessment
    fk_name = "patient"
    extra = 0
    can_delete = False
    readonly_fields = [
        "assessed_at",
        "injury_severity",
        "pain_level",
        "red_flags",
        "tier",
        "referral_required",
        "assessed_by",
        "notes",
    ]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    """For staff support; clinicians work in the app, where every change is audited."""

    list_display = ["full_name", "clinic", "external_id", "condition", "status"]
    list_filter = ["clinic", "status", "condition"]
    search_fields = ["first_name", "last_name", "external_id"]
    list_select_related = ["clinic"]
    readonly_fields = [f.name for f in Patient._meta.fields]
    inlines = [AssessmentInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
