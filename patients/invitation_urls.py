"""The portal invitation link, under /portal/ where patients expect it (config/urls.py)."""

from django.urls import path

from patients import views

app_name = "invitations"

urlpatterns = [
    path("invitation/<str:token>/", views.invitation_accept, name="accept"),
]
