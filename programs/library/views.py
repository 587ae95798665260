"""Clinician pages of the exercise library: the library, a clinic's own exercise, and the
table of default dosages."""

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import add_service_errors
from clinic.permissions import ClinicianRequest, clinician_required
from patients.clinical import TIER_LABELS
from programs.library.dosage import PROFILE_LABELS, TIERS, defaults_table, exercise_defaults
from programs.library.forms import (
    ExerciseFilterForm,
    ExerciseForm,
    ExerciseMediaForm,
    ExerciseTranslationsForm,
)
from programs.library.models import Exercise, ExerciseMedia
from programs.library.selectors import (
    exercise_get_for,
    exercise_list_for,
    exercise_media_for,
    exercise_media_get_for,
)
from programs.library.services import (
    exercise_create,
    exercise_media_add,
    exercise_media_remove,
    exercise_translations_update,
)
from programs.library.translations import exercise_text, source_language, supported_language


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
    # The clinician previews what a patient reading another language sees (?language=es).
    language = supported_language(request.GET.get("language", "")) or source_language()
    return render(
        request,
        "library/exercise_detail.html",
        {
            "exercise": exercise,
            "text": exercise_text(exercise, language),
            "languages": settings.LANGUAGES,
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
            exercise = exercise_create(
                actor=request.actor, **form.exercise_data(), translations=form.translations()
            )
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
@require_http_methods(["GET", "POST"])
def exercise_translations(request: ClinicianRequest, slug: str) -> HttpResponse:
    exercise = exercise_get_for(clinic=request.clinician.clinic, slug=slug)
    if exercise.clinic_id is None:  # the standard library's translations ship with the app
        raise Http404("No such clinic exercise.")
    form = ExerciseTranslationsForm(request.POST or None, exercise=exercise)
    if request.method == "POST" and form.is_valid():
        try:
            exercise_translations_update(
                actor=request.actor, exercise=exercise, translations=form.translations()
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, _("The translations were saved."))
            return redirect("library:exercise_detail", slug=exercise.slug)
    status = 400 if form.errors else 200
    return render(
        request,
        "library/exercise_translations.html",
        {"exercise": exercise, "form": form},
        status=status,
    )


@clinician_required
def dosage_defaults(request: ClinicianRequest) -> HttpResponse:
    return render(
        request,
        "library/dosage_defaults.html",
        {"table": defaults_table(), "tiers": TIERS},
    )
