from django.urls import path

from clinic.views import account, api_keys, audit, details, staff

app_name = "clinic"

urlpatterns = [
    path("api-keys/", api_keys.api_key_list, name="api_keys"),
    path("api-keys/<int:key_id>/revoke/", api_keys.api_key_revoke_view, name="api_key_revoke"),
    path("audit/", audit.clinic_audit, name="audit"),
    path("staff/", staff.staff_list, name="staff"),
    path("staff/two-factor/", staff.staff_two_factor_requirement, name="staff_two_factor"),
    path("staff/<int:clinician_id>/admin/", staff.staff_admin_role, name="staff_admin"),
    path("staff/<int:clinician_id>/active/", staff.staff_active, name="staff_active"),
    path(
        "staff/<int:clinician_id>/two-factor-reset/",
        staff.staff_two_factor_reset,
        name="staff_two_factor_reset",
    ),
    path(
        "staff/invitations/<int:invitation_id>/cancel/",
        staff.staff_invitation_cancel_view,
        name="staff_invitation_cancel",
    ),
    path("account/", account.account_view, name="account"),
    path("account/password/", account.AccountPasswordChangeView.as_view(), name="password_change"),
    path("account/two-factor/", account.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/qr.svg", account.two_factor_qr, name="two_factor_qr"),
    path(
        "account/two-factor/backup-codes/",
        account.two_factor_backup_codes,
        name="two_factor_backup_codes",
    ),
    path("account/two-factor/off/", account.two_factor_turn_off, name="two_factor_off"),
    path(
        "account/tokens/<int:token_id>/revoke/",
        account.api_token_revoke_view,
        name="api_token_revoke",
    ),
    path("details/", details.clinic_details, name="details"),
]
