from django.urls import path

from programs.library import views

app_name = "library"

urlpatterns = [
    path("exercises/", views.exercise_list, name="exercise_list"),
    path("exercises/new/", views.exercise_create_view, name="exercise_create"),
    path("exercises/dosage-defaults/", views.dosage_defaults, name="dosage_defaults"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise_detail"),
    path(
        "exercises/<slug:slug>/translations/",
        views.exercise_translations,
        name="exercise_translations",
    ),
    path("exercises/<slug:slug>/media/", views.exercise_media_upload, name="media_upload"),
    path("exercise-media/<int:media_id>/", views.exercise_media_file, name="media_file"),
    path("exercise-media/<int:media_id>/delete/", views.exercise_media_delete, name="media_delete"),
]
