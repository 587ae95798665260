from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from programs.api import views

urlpatterns = [
    path(
        "patients/<api_id:patient_id>/fhir/", views.PatientFhirView.as_view(), name="patient_fhir"
    ),
]
