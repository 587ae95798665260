from django.urls import path

from programs.portal import language, views

app_name = "portal"

urlpatterns = [
    path("", views.today, name="today"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("log/", views.log_session, name="log"),
    path("log/sync/", views.log_sync, name="log_sync"),
    path("emergency/", views.emergency, name="emergency"),
    path("sessions/<int:session_id>/advice/", views.session_advice, name="session_advice"),
    path("sessions/<int:session_id>/morning/", views.morning_check, name="morning"),
    path("sessions/<int:session_id>/morning/sync/", views.morning_sync, name="morning_sync"),
    path("history/", views.history, name="history"),
    path("reminders/", views.reminders, name="reminders"),
    path("reminders/calendar/", views.calendar_feed_make, name="calendar_feed_make"),
    path("reminders/calendar/stop/", views.calendar_feed_stop, name="calendar_feed_stop"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("language/", language.language, name="language"),
    path("media/<int:media_id>/", views.exercise_media_file, name="media_file"),
    path("learn/", views.learn, name="learn"),
    path("learn/<slug:slug>/", views.learn_page, name="learn_page"),
]
