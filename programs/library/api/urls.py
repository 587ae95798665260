from django.urls import path

import clinic.api.converters  # noqa: F401  (registers <api_id:…>)
from programs.library.api import views

urlpatterns = [
    path("exercises/", views.ExerciseListView.as_view(), name="exercise_list"),
    path("exercises/<slug:slug>/", views.ExerciseDetailView.as_view(), name="exercise_detail"),
]
