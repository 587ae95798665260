"""Clinician pages of the exercise library: the library, a clinic's own exercise, and the
table of default dosages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from clinic.forms import add_service_errors
from clinic.permissions import ClinicianRequest, clinician_required
from patients.clinical import TIER_LABELS
from programs.library.dosage import PROFILE_LABELS, TIERS, defaults_table, exercise_defaults
from programs.library.forms import ExerciseFilterForm, ExerciseForm
from programs.library.selectors import exercise_get_for, exercise_list_for
from programs.library.services import exercise_create


@clinician_required
def exercise_list(request: ClinicianRequest) -> HttpResponse:
    form = ExerciseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    exercises = exercise_list_for(clinic=request.clinician.clinic, **filters)
    return render(request, "library/exercise_list.html", {"form": form, "exercises": exercises})


@clinician_required
def exercise_detail(request: ClinicianRequest, slug: str) -> HttpResponse:
    exercise = exercise_get_for(clinic=request.clinician.clinic, slug=slug)
    defaults = [(TIER_LABELS[tier], dosage) for tier, dosage in exercise_defaults(exercise.spec)]
    return render(
        request,
        "library/exercise_detail.html",
        {
            "exercise": exercise,
            "defaults": defaults,
            "profile_label": PROFILE_LABELS[exercise.dosage_profile],
        },
    )


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
            messages.success(request, f"{exercise.name} was added to your clinic's library.")
            return redirect("library:exercise_list")
    return render(request, "library/exercise_form.html", {"form": form})


@clinician_required
def dosage_defaults(request: ClinicianRequest) -> HttpResponse:
    return render(
        request,
        "library/dosage_defaults.html",
        {"table": defaults_table(), "tiers": TIERS},
    )
