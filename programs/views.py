"""Clinician pages: exercise library, dosage defaults, program editor, handout, templates,
the dashboard and the follow-up of suggestions and alerts."""

import zoneinfo

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from clinic.models import Clinician
from clinic.permissions import clinician_required
from patients.forms import add_service_errors
from patients.models import Patient
from patients.selectors import patient_get_for
from programs.dosage import TIERS, defaults_table, dosage_for, exclusion_reason
from programs.forms import (
    ActivateForm,
    AddItemForm,
    DosageForm,
    ExerciseFilterForm,
    ExerciseForm,
    SuggestionDecisionForm,
    TemplateApplyForm,
    TemplateSaveForm,
)
from programs.models import Reminder, ReminderPreference
from programs.notifications import (
    clinician_for_digest_unsubscribe_token,
    patient_for_unsubscribe_token,
)
from programs.selectors import (
    alert_get_for,
    dashboard_for,
    dosage_history_for,
    exercise_list_for,
    pause_for,
    program_get_for,
    program_item_get_for,
    reminder_list_for,
    status_history_for,
    suggestion_get_for,
    template_get_for,
    template_list_for,
)
from programs.services import (
    alert_resolve,
    exercise_create,
    patient_profile,
    program_activate,
    program_complete,
    program_generate,
    program_item_add,
    program_item_change_dosage,
    program_item_move,
    program_item_remove,
    program_pause,
    program_template_apply,
    program_template_save,
    reminders_unsubscribe,
    suggestion_accept,
    suggestion_decline,
)
from programs.services.digests import digests_resubscribe, digests_unsubscribe


@clinician_required
def exercise_list(request: HttpRequest) -> HttpResponse:
    form = ExerciseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    exercises = exercise_list_for(clinic=request.clinician.clinic, **filters)
    return render(request, "programs/exercise_list.html", {"form": form, "exercises": exercises})


@clinician_required
@require_http_methods(["GET", "POST"])
def exercise_create_view(request: HttpRequest) -> HttpResponse:
    form = ExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = exercise_create(actor=request.actor, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, f"{exercise.name} was added to your clinic's library.")
            return redirect("programs:exercise_list")
    return render(request, "programs/exercise_form.html", {"form": form})


@clinician_required
def dosage_defaults(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programs/dosage_defaults.html",
        {"table": defaults_table(), "tiers": TIERS},
    )


@clinician_required
@require_POST
def program_generate_view(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    try:
        program = program_generate(actor=request.actor, patient=patient)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("patients:detail", patient_id=patient.pk)
    messages.success(request, "Draft program generated. Review it, then activate it.")
    return redirect("programs:detail", program_id=program.pk)


@clinician_required
@require_POST
def template_apply_view(request: HttpRequest, patient_id: int) -> HttpResponse:
    clinic = request.clinician.clinic
    patient = patient_get_for(clinic=clinic, patient_id=patient_id)
    form = TemplateApplyForm(request.POST, templates=template_list_for(clinic=clinic))
    if not form.is_valid():
        messages.error(request, "Choose one of your clinic's templates.")
        return redirect("patients:detail", patient_id=patient.pk)
    try:
        program, skipped = program_template_apply(
            actor=request.actor, template=form.cleaned_data["template"], patient=patient
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("patients:detail", patient_id=patient.pk)
    messages.success(request, "Draft made from the template, with dosages for this patient's tier.")
    if skipped:
        messages.warning(request, "Left out for this patient: " + "; ".join(skipped) + ".")
    return redirect("programs:detail", program_id=program.pk)


def _render_program(
    request: HttpRequest,
    program,
    *,
    failed_item=None,
    failed_form=None,
    add_form=None,
    template_form=None,
    status=200,
) -> HttpResponse:
    clinic = request.clinician.clinic
    profile = patient_profile(program.patient)
    rows = []
    for item in program.items.all():
        excluded = exclusion_reason(tier=program.tier, exercise=item.exercise.spec, patient=profile)
        default = (
            None
            if excluded
            else dosage_for(tier=program.tier, exercise=item.exercise.spec, patient=profile)
        )
        form = (
            failed_form
            if item == failed_item
            else DosageForm(
                initial=item.dosage.as_dict() | {"notes": item.notes}, prefix=f"item{item.pk}"
            )
        )
        rows.append({"item": item, "default": default, "excluded": excluded, "form": form})
    return render(
        request,
        "programs/program_detail.html",
        {
            "program": program,
            "patient": program.patient,
            "assessment": program.patient.latest_assessment,
            "rows": rows,
            "history": dosage_history_for(program=program),
            "status_history": status_history_for(program=program),
            "pause": pause_for(program=program),
            "add_form": add_form or AddItemForm(exercises=exercise_list_for(clinic=clinic)),
            "activate_form": ActivateForm(),
            "template_form": template_form or TemplateSaveForm(),
        },
        status=status,
    )


@clinician_required
def program_detail(request: HttpRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    return _render_program(request, program)


@clinician_required
@require_POST
def item_dosage(request: HttpRequest, program_id: int, item_id: int) -> HttpResponse:
    clinic = request.clinician.clinic
    item = program_item_get_for(clinic=clinic, program_id=program_id, item_id=item_id)
    form = DosageForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        try:
            program_item_change_dosage(actor=request.actor, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, f"Dosage of {item.exercise.name} changed.")
            return redirect("programs:detail", program_id=program_id)
    program = program_get_for(clinic=clinic, program_id=program_id)
    return _render_program(request, program, failed_item=item, failed_form=form, status=400)


@clinician_required
@require_POST
def item_add(request: HttpRequest, program_id: int) -> HttpResponse:
    clinic = request.clinician.clinic
    program = program_get_for(clinic=clinic, program_id=program_id)
    form = AddItemForm(request.POST, exercises=exercise_list_for(clinic=clinic))
    if form.is_valid():
        try:
            item = program_item_add(actor=request.actor, program=program, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, f"{item.exercise.name} added with its default dosage.")
            return redirect("programs:detail", program_id=program_id)
    return _render_program(request, program, add_form=form, status=400)


def _item_action(request: HttpRequest, program_id: int, item_id: int, action) -> HttpResponse:
    item = program_item_get_for(
        clinic=request.clinician.clinic, program_id=program_id, item_id=item_id
    )
    try:
        action(item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programs:detail", program_id=program_id)


@clinician_required
@require_POST
def item_remove(request: HttpRequest, program_id: int, item_id: int) -> HttpResponse:
    return _item_action(
        request,
        program_id,
        item_id,
        lambda item: program_item_remove(actor=request.actor, item=item),
    )


@clinician_required
@require_POST
def item_move(request: HttpRequest, program_id: int, item_id: int) -> HttpResponse:
    direction = request.POST.get("direction", "")
    return _item_action(
        request,
        program_id,
        item_id,
        lambda item: program_item_move(actor=request.actor, item=item, direction=direction),
    )


@clinician_required
@require_POST
def program_transition(request: HttpRequest, program_id: int, action: str) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    try:
        if action == "activate":
            form = ActivateForm(request.POST)
            start = form.cleaned_data.get("start_date") if form.is_valid() else None
            program_activate(actor=request.actor, program=program, start_date=start)
            messages.success(request, "The program is active; the patient can follow it now.")
        elif action == "pause":
            program_pause(actor=request.actor, program=program)
            messages.success(request, "The program is paused.")
        else:
            program_complete(actor=request.actor, program=program)
            messages.success(request, "The program is completed.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("programs:detail", program_id=program.pk)


@clinician_required
@require_POST
def template_save_view(request: HttpRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    form = TemplateSaveForm(request.POST)
    if form.is_valid():
        try:
            template = program_template_save(
                actor=request.actor, program=program, name=form.cleaned_data["name"]
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, f"Saved as the template “{template.name}”.")
            return redirect("programs:detail", program_id=program.pk)
    return _render_program(request, program, template_form=form, status=400)


@clinician_required
def program_handout(request: HttpRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    return render(request, "programs/program_handout.html", {"program": program})


@clinician_required
def template_list(request: HttpRequest) -> HttpResponse:
    templates = template_list_for(clinic=request.clinician.clinic)
    return render(request, "programs/template_list.html", {"templates": templates})


@clinician_required
def template_detail(request: HttpRequest, template_id: int) -> HttpResponse:
    template = template_get_for(clinic=request.clinician.clinic, template_id=template_id)
    return render(request, "programs/template_detail.html", {"template": template})


@clinician_required
def dashboard(request: HttpRequest) -> HttpResponse:
    clinic = request.clinician.clinic
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(clinic.timezone))
    return render(
        request, "programs/dashboard.html", {"rows": dashboard_for(clinic=clinic, today=today)}
    )


@clinician_required
@require_POST
def suggestion_decide(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    suggestion = suggestion_get_for(clinic=request.clinician.clinic, suggestion_id=suggestion_id)
    form = SuggestionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose accept or decline and give a reason; nothing changed.")
        return redirect("patients:detail", patient_id=suggestion.patient_id)
    decide = suggestion_accept if form.cleaned_data["decision"] == "accept" else suggestion_decline
    try:
        decide(actor=request.actor, suggestion=suggestion, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        verb = "accepted and applied" if form.cleaned_data["decision"] == "accept" else "declined"
        messages.success(request, f"Suggestion {verb}; the reason is kept in the history.")
    return redirect("patients:detail", patient_id=suggestion.patient_id)


@clinician_required
@require_POST
def alert_resolve_view(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = alert_get_for(clinic=request.clinician.clinic, alert_id=alert_id)
    alert_resolve(actor=request.actor, alert=alert)
    messages.success(request, "Alert marked as handled.")
    if request.POST.get("next") == "dashboard":
        return redirect("programs:dashboard")
    return redirect("patients:detail", patient_id=alert.patient_id)


@csrf_exempt  # mail clients POST the one-click unsubscribe without a CSRF token (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe from reminder emails, without signing in.

    GET asks for confirmation (mail scanners follow links); POST, also sent by mail clients
    that honour List-Unsubscribe-Post, turns reminders off.
    """
    patient_id = patient_for_unsubscribe_token(token)
    patient = Patient.objects.select_related("clinic").filter(pk=patient_id).first()
    if patient is None:
        # A damaged or forged link is bad input: say so plainly, change nothing.
        return render(request, "programs/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        changed = reminders_unsubscribe(patient=patient)
        state = "done" if changed else "already"
    else:
        preference = ReminderPreference.objects.filter(patient=patient).first()
        state = "ask" if preference is None or preference.enabled else "already"
    return render(request, "programs/unsubscribe.html", {"state": state, "patient": patient})


@csrf_exempt  # mail clients POST the one-click unsubscribe without a CSRF token (RFC 8058)
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe from a clinician's daily digest, without signing in.

    GET asks for confirmation (mail scanners follow links); POST, also sent by mail clients
    that honour List-Unsubscribe-Post, stops the digest. The page also turns it back on.
    """
    clinician_id = clinician_for_digest_unsubscribe_token(token)
    clinician = Clinician.objects.select_related("clinic", "user").filter(pk=clinician_id).first()
    if clinician is None:
        return render(request, "programs/digest_unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST" and request.POST.get("action") == "resubscribe":
        digests_resubscribe(clinician=clinician)
        state = "resubscribed"
    elif request.method == "POST":
        state = "done" if digests_unsubscribe(clinician=clinician) else "already"
    else:
        state = "already" if clinician.digest_opt_out else "ask"
    return render(
        request, "programs/digest_unsubscribe.html", {"state": state, "clinician": clinician}
    )


@clinician_required
def reminder_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    reminders = reminder_list_for(clinic=request.clinician.clinic, status=status)
    return render(
        request,
        "programs/reminder_list.html",
        {
            "reminders": reminders[:200],
            "status": status,
            "statuses": Reminder.Status.choices,
            "failed": reminder_list_for(clinic=request.clinician.clinic, status="failed").count(),
        },
    )
