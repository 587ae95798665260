from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from programs.outcomes.api import views

urlpatterns = [
    path(
        "patients/<api_id:patient_id>/outcomes/",
        views.PatientOutcomeListView.as_view(),
        name="patient_outcome_list",
    ),
]
