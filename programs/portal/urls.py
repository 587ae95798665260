from django.urls import path

from programs.portal import language, views

app_name = "portal"

urlpatterns = [
    path("", views.today, name="today"),
    path("log/", views.log_session, name="log"),
    path("emergency/", views.emergency, name="emergency"),
    path("sessions/<int:session_id>/advice/", views.session_advice, name="session_advice"),
    path("sessions/<int:session_id>/morning/", views.morning_check, name="morning"),
    path("history/", views.history, name="history"),
    path("reminders/", views.reminders, name="reminders"),
    path("language/", language.language, name="language"),
    path("media/<int:media_id>/", views.exercise_media_file, name="media_file"),
    path("learn/", views.learn, name="learn"),
    path("learn/<slug:slug>/", views.learn_page, name="learn_page"),
]
