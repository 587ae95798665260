from django.urls import path

from programs.prescribing import views

app_name = "prescribing"

urlpatterns = [
    path(
        "patients/<int:patient_id>/programs/generate/",
        views.program_generate_view,
        name="generate",
    ),
    path(
        "patients/<int:patient_id>/programs/from-template/",
        views.template_apply_view,
        name="template_apply",
    ),
    path("programs/<int:program_id>/", views.program_detail, name="detail"),
    path("programs/<int:program_id>/handout/", views.program_handout, name="handout"),
    path("programs/<int:program_id>/handout.pdf", views.program_handout_pdf, name="handout_pdf"),
    path(
        "programs/<int:program_id>/handout/email/",
        views.program_handout_email,
        name="handout_email",
    ),
    path("programs/<int:program_id>/items/add/", views.item_add, name="item_add"),
    path(
        "programs/<int:program_id>/items/<int:item_id>/dosage/",
        views.item_dosage,
        name="item_dosage",
    ),
    path(
        "programs/<int:program_id>/items/<int:item_id>/remove/",
        views.item_remove,
        name="item_remove",
    ),
    path("programs/<int:program_id>/items/<int:item_id>/move/", views.item_move, name="item_move"),
    path(
        "programs/<int:program_id>/activate/",
        views.program_transition,
        {"action": "activate"},
        name="activate",
    ),
    path(
        "programs/<int:program_id>/pause/",
        views.program_transition,
        {"action": "pause"},
        name="pause",
    ),
    path(
        "programs/<int:program_id>/complete/",
        views.program_transition,
        {"action": "complete"},
        name="complete",
    ),
    path(
        "programs/<int:program_id>/save-template/",
        views.template_save_view,
        name="template_save",
    ),
    path("templates/", views.template_list, name="template_list"),
    path("templates/<int:template_id>/", views.template_detail, name="template_detail"),
]
