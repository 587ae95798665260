from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from clinic.models import ApiKey, ApiToken, AuditLog, Clinic, Clinician, User
from clinic.services import api_token_revoke


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["full_name"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "timezone", "created_at"]
    search_fields = ["name"]


@admin.register(Clinician)
class ClinicianAdmin(admin.ModelAdmin):
    list_display = ["user", "clinic", "is_clinic_admin"]
    list_filter = ["clinic", "is_clinic_admin"]
    list_select_related = ["user", "clinic"]


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = [
        "at",
        "clinic",
        "actor",
        "api_key",
        "action",
        "channel",
        "object_type",
        "patient",
    ]
    list_filter = ["action", "channel", "clinic"]
    list_select_related = ["clinic", "actor", "api_key", "patient"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class _ViewOnlyAdmin(admin.ModelAdmin):
    """Secrets are made and revoked by the services (which hash and audit), not in the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(_ViewOnlyAdmin):
    list_display = ["name", "prefix", "clinic", "role", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["role", "clinic"]
    list_select_related = ["clinic"]


@admin.register(ApiToken)
class ApiTokenAdmin(_ViewOnlyAdmin):
    list_display = ["user", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]
    actions = ["revoke"]

    @admin.action(description="Revoke the selected tokens", permissions=["view"])
    def revoke(self, request, queryset) -> None:
        for token in queryset:
            api_token_revoke(token=token)
