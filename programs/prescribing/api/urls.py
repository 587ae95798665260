from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from programs.prescribing.api import views

urlpatterns = [
    path(
        "patients/<api_id:patient_id>/programs/",
        views.PatientProgramListView.as_view(),
        name="patient_program_list",
    ),
    path("programs/<api_id:program_id>/", views.ProgramDetailView.as_view(), name="program_detail"),
    path(
        "programs/<api_id:program_id>/activate/",
        views.ProgramActivateView.as_view(),
        name="program_activate",
    ),
    path(
        "programs/<api_id:program_id>/items/<api_id:item_id>/",
        views.ProgramItemView.as_view(),
        name="program_item",
    ),
]
