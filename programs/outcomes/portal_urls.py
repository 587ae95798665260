from django.urls import path

from programs.outcomes import portal_views

app_name = "outcomes_portal"

urlpatterns = [
    path("check-in/", portal_views.checkin, name="checkin"),
]
