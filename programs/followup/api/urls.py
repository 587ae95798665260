from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from programs.followup.api import views

urlpatterns = [
    path(
        "patients/<api_id:patient_id>/sessions/",
        views.PatientSessionListView.as_view(),
        name="patient_session_list",
    ),
    path("sessions/<api_id:session_id>/", views.SessionDetailView.as_view(), name="session_detail"),
]
