from django.urls import path

from programs.education import views

app_name = "education"

urlpatterns = [
    path("education/", views.page_list, name="page_list"),
    path("education/<slug:slug>/", views.page_detail, name="page_detail"),
    path("education/<slug:slug>/translations/", views.page_translations, name="page_translations"),
    path("programs/<int:program_id>/pin-page/", views.pin, name="pin"),
    path("pinned-pages/<int:pin_id>/unpin/", views.unpin, name="unpin"),
]
