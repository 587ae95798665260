"""Clinician pages of the exercise library: the library, a clinic's own exercise, and the
table of default dosages."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import add_service_errors
from clinic.permissions import ClinicianRequest, clinician_required
from patients.clinical import TIER_LABELS
from programs.library.dosage import PROFILE_LABELS, TIERS, defaults_table, exercise_defaults
from programs.library.forms import ExerciseFilterForm, ExerciseForm, ExerciseMediaForm
from programs.library.models import Exercise, ExerciseMedia
from programs.library.selectors import (
    exercise_get_for,
    exercise_list_for,
    exercise_media_for,
    exercise_media_get_for,
)
from programs.library.services import exercise_create, exercise_media_add, exercise_media_remove


@clinician_required
def exercise_list(request: ClinicianRequest) -> HttpResponse:
    form = ExerciseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    exercises = exercise_list_for(clinic=request.clinician.clinic, **filters)
    return render(request, "library/exercise_list.html", {"form": form, "exercises": exercises})


def _detail(
    request: ClinicianRequest, exercise: Exercise, form: ExerciseMediaForm, status: int = 200
) -> HttpResponse:
    defaults = [(TIER_LABELS[tier], dosage) for tier, dosage in exercise_defaults(exercise.spec)]
    return render(
        request,
        "library/exercise_detail.html",
        {
            "exercise": exercise,
            "defaults": defaults,
            "profile_label": PROFILE_LABELS[exercise.dosage_profile],
            "media": exercise_media_for(clinic=request.clinician.clinic, exercise=exercise),
            "media_form": form,
        },
        status=status,
    )


@clinician_required
def exercise_detail(request: ClinicianRequest, slug: str) -> HttpResponse:
    exercise = exercise_get_for(clinic=request.clinician.clinic, slug=slug)
    return _detail(request, exercise, ExerciseMediaForm())


@clinician_required
@require_POST
def exercise_media_upload(request: ClinicianRequest, slug: str) -> HttpResponse:
    exercise = exercise_get_for(clinic=request.clinician.clinic, slug=slug)
    form = ExerciseMediaForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            exercise_media_add(
                actor=request.actor,
                exercise=exercise,
                data=form.cleaned_data["file"].read(),
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, _("The photo or video was added for your patients."))
            return redirect("library:exercise_detail", slug=exercise.slug)
    return _detail(request, exercise, form, status=400)


@clinician_required
@require_POST
def exercise_media_delete(request: ClinicianRequest, media_id: int) -> HttpResponse:
    media = exercise_media_get_for(clinic=request.clinician.clinic, media_id=media_id)
    exercise_media_remove(actor=request.actor, media=media)
    messages.success(request, _("The photo or video was removed."))
    return redirect("library:exercise_detail", slug=media.exercise.slug)


@clinician_required
def exercise_media_file(request: ClinicianRequest, media_id: int) -> HttpResponse:
    media = exercise_media_get_for(clinic=request.clinician.clinic, media_id=media_id)
    return media_file_response(media)


def media_file_response(media: ExerciseMedia) -> HttpResponse:
    """The stored file, streamed from the storage with the type it was checked to be.

    Kept out of shared caches, never sniffed as another type, shown inline, and sandboxed
    should someone open it as a page.
    """
    response = FileResponse(media.file.open("rb"), content_type=media.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # A streaming response: the access decorators' HttpResponse type is about the view's shape.
    return cast(HttpResponse, response)


@clinician_required
@require_http_methods(["GET", "POST"])
def exercise_create_view(request: ClinicianRequest) -> HttpResponse:
    form = ExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = exercise_create(actor=request.actor, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(
                request,
                _("%(name)s was added to your clinic's library.") % {"name": exercise.name},
            )
            return redirect("library:exercise_list")
    return render(request, "library/exercise_form.html", {"form": form})


@clinician_required
def dosage_defaults(request: ClinicianRequest) -> HttpResponse:
    return render(
        request,
        "library/dosage_defaults.html",
        {"table": defaults_table(), "tiers": TIERS},
    )
