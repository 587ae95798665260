from django.urls import path

from patients import views

app_name = "patients"

urlpatterns = [
    path("", views.patient_list, name="list"),
    path("new/", views.patient_create_view, name="create"),
    path("<int:patient_id>/", views.patient_detail, name="detail"),
    path("<int:patient_id>/edit/", views.patient_edit, name="edit"),
    path("<int:patient_id>/assessments/new/", views.assessment_create, name="assessment_create"),
    path("<int:patient_id>/archive/", views.patient_archive_view, name="archive"),
    path("<int:patient_id>/invite/", views.patient_invite, name="invite"),
    path("<int:patient_id>/audit/", views.patient_audit, name="audit"),
]
