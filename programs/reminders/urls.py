from django.urls import path

from programs.reminders import views

app_name = "reminders"

urlpatterns = [
    path("reminders/", views.reminder_list, name="reminder_list"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(
        "digests/unsubscribe/<str:token>/",
        views.digest_unsubscribe,
        name="digest_unsubscribe",
    ),
]
