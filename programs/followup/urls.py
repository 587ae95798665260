from django.urls import path

from programs.followup import views

app_name = "followup"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path(
        "suggestions/<int:suggestion_id>/decide/",
        views.suggestion_decide,
        name="suggestion_decide",
    ),
    path("alerts/<int:alert_id>/resolve/", views.alert_resolve_view, name="alert_resolve"),
]
