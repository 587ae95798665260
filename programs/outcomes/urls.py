from django.urls import path

from programs.outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("outcomes/", views.clinic_outcomes, name="clinic"),
    path("outcomes/instruments/", views.instrument_list, name="instruments"),
    path("outcomes/interval/", views.clinic_interval, name="clinic_interval"),
    path(
        "patients/<int:patient_id>/outcomes/<str:instrument>/",
        views.score_create,
        name="record",
    ),
    path("programs/<int:program_id>/outcome-interval/", views.program_interval, name="interval"),
    path("programs/<int:program_id>/discharge/", views.discharge_create, name="discharge"),
    path("discharges/<int:discharge_id>/", views.discharge_letter, name="letter"),
    path("discharges/<int:discharge_id>/letter.pdf", views.discharge_letter_pdf, name="letter_pdf"),
]
