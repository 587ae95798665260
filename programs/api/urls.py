from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from programs.api import views

urlpatterns = [
    path("exercises/", views.ExerciseListView.as_view(), name="exercise_list"),
    path("exercises/<slug:slug>/", views.ExerciseDetailView.as_view(), name="exercise_detail"),
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
    path(
        "patients/<api_id:patient_id>/sessions/",
        views.PatientSessionListView.as_view(),
        name="patient_session_list",
    ),
    path("sessions/<api_id:session_id>/", views.SessionDetailView.as_view(), name="session_detail"),
]
