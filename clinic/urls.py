from django.urls import path

from clinic import views

app_name = "clinic"

urlpatterns = [
    path("details/", views.clinic_details, name="details"),
    path("api-keys/", views.api_key_list, name="api_keys"),
    path("api-keys/<int:key_id>/revoke/", views.api_key_revoke_view, name="api_key_revoke"),
]
