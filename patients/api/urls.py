from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from patients.api import views

urlpatterns = [
    path("patients/", views.PatientListView.as_view(), name="patient_list"),
    path("patients/<api_id:patient_id>/", views.PatientDetailView.as_view(), name="patient_detail"),
    path(
        "patients/<api_id:patient_id>/assessments/",
        views.AssessmentListView.as_view(),
        name="assessment_list",
    ),
]
