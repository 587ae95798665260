from django.urls import path

from programs.library import views

app_name = "library"

urlpatterns = [
    path("exercises/", views.exercise_list, name="exercise_list"),
    path("exercises/new/", views.exercise_create_view, name="exercise_create"),
    path("exercises/dosage-defaults/", views.dosage_defaults, name="dosage_defaults"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
]
