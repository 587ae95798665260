from django.urls import path

from clinic.views import account, api_keys

app_name = "clinic"

urlpatterns = [
    path("api-keys/", api_keys.api_key_list, name="api_keys"),
    path("api-keys/<int:key_id>/revoke/", api_keys.api_key_revoke_view, name="api_key_revoke"),
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
]
