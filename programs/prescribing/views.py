"""Clinician pages of prescribing: generate or apply a template, the program editor, its
status changes and handout, and the clinic's templates."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clinic.forms import add_service_errors
from clinic.permissions import ClinicianRequest, clinician_required
from patients.selectors import patient_get_for
from programs.library.dosage import dosage_for, exclusion_reason
from programs.library.selectors import exercise_list_for
from programs.prescribing.forms import (
    ActivateForm,
    AddItemForm,
    DosageForm,
    TemplateApplyForm,
    TemplateSaveForm,
)
from programs.prescribing.handout import handout_context
from programs.prescribing.models import ProgramItem
from programs.prescribing.selectors import (
    dosage_history_for,
    pause_for,
    program_get_for,
    program_item_get_for,
    status_history_for,
    template_get_for,
    template_list_for,
)
from programs.prescribing.services import (
    ProgramConflict,
    handout_email_request,
    patient_profile,
    program_activate,
    program_complete,
    program_generate,
    program_item_add,
    program_item_change_dosage,
    program_item_move,
    program_item_remove,
    program_pause,
    program_record_handout,
    program_record_view,
    program_template_apply,
    program_template_save,
)


@clinician_required
@require_POST
def program_generate_view(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    try:
        program = program_generate(actor=request.actor, patient=patient)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("patients:detail", patient_id=patient.pk)
    messages.success(request, _("Draft program generated. Review it, then activate it."))
    return redirect("prescribing:detail", program_id=program.pk)


@clinician_required
@require_POST
def template_apply_view(request: ClinicianRequest, patient_id: int) -> HttpResponse:
    clinic = request.clinician.clinic
    patient = patient_get_for(clinic=clinic, patient_id=patient_id)
    form = TemplateApplyForm(request.POST, templates=template_list_for(clinic=clinic))
    if not form.is_valid():
        messages.error(request, _("Choose one of your clinic's templates."))
        return redirect("patients:detail", patient_id=patient.pk)
    try:
        program, skipped = program_template_apply(
            actor=request.actor, template=form.cleaned_data["template"], patient=patient
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("patients:detail", patient_id=patient.pk)
    messages.success(
        request, _("Draft made from the template, with dosages for this patient's tier.")
    )
    if skipped:
        messages.warning(
            request,
            _("Left out for this patient: %(exercises)s.") % {"exercises": "; ".join(skipped)},
        )
    return redirect("prescribing:detail", program_id=program.pk)


def _render_program(
    request: ClinicianRequest,
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
        # One dosage form at most, the one asked for (?dosage=<item>) or the one that failed:
        # rendering every item's form took most of the page's time (bench/scale.py).
        form = None
        if item == failed_item:
            form = failed_form
        elif str(item.pk) == request.GET.get("dosage"):
            form = DosageForm(
                initial=item.dosage.as_dict() | {"notes": item.notes}, prefix=f"item{item.pk}"
            )
            form.fields["sets"].widget.attrs["autofocus"] = True
        rows.append({"item": item, "default": default, "excluded": excluded, "form": form})
    return render(
        request,
        "prescribing/program_detail.html",
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
def program_detail(request: ClinicianRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    program_record_view(actor=request.actor, program=program)
    return _render_program(request, program)


@clinician_required
@require_POST
def item_dosage(request: ClinicianRequest, program_id: int, item_id: int) -> HttpResponse:
    clinic = request.clinician.clinic
    item = program_item_get_for(clinic=clinic, program_id=program_id, item_id=item_id)
    form = DosageForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        try:
            program_item_change_dosage(actor=request.actor, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(
                request, _("Dosage of %(name)s changed.") % {"name": item.exercise.name}
            )
            return redirect("prescribing:detail", program_id=program_id)
    program = program_get_for(clinic=clinic, program_id=program_id)
    return _render_program(request, program, failed_item=item, failed_form=form, status=400)


@clinician_required
@require_POST
def item_add(request: ClinicianRequest, program_id: int) -> HttpResponse:
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
            return redirect("prescribing:detail", program_id=program_id)
    return _render_program(request, program, add_form=form, status=400)


def _item_action(
    request: ClinicianRequest,
    program_id: int,
    item_id: int,
    action: Callable[[ProgramItem], object],
) -> HttpResponse:
    item = program_item_get_for(
        clinic=request.clinician.clinic, program_id=program_id, item_id=item_id
    )
    try:
        action(item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("prescribing:detail", program_id=program_id)


@clinician_required
@require_POST
def item_remove(request: ClinicianRequest, program_id: int, item_id: int) -> HttpResponse:
    return _item_action(
        request,
        program_id,
        item_id,
        lambda item: program_item_remove(actor=request.actor, item=item),
    )


@clinician_required
@require_POST
def item_move(request: ClinicianRequest, program_id: int, item_id: int) -> HttpResponse:
    direction = request.POST.get("direction", "")
    return _item_action(
        request,
        program_id,
        item_id,
        lambda item: program_item_move(actor=request.actor, item=item, direction=direction),
    )


@clinician_required
@require_POST
def program_transition(request: ClinicianRequest, program_id: int, action: str) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    try:
        if action == "activate":
            form = ActivateForm(request.POST)
            start = form.cleaned_data.get("start_date") if form.is_valid() else None
            program_activate(actor=request.actor, program=program, start_date=start)
            messages.success(request, _("The program is active; the patient can follow it now."))
        elif action == "pause":
            program_pause(actor=request.actor, program=program)
            messages.success(request, _("The program is paused."))
        else:
            program_complete(actor=request.actor, program=program)
            messages.success(
                request,
                _(
                    "The program is completed. Enter the final outcome scores, then discharge "
                    "the patient (Discharge summary)."
                ),
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("prescribing:detail", program_id=program.pk)


@clinician_required
@require_POST
def template_save_view(request: ClinicianRequest, program_id: int) -> HttpResponse:
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
            messages.success(
                request, _("Saved as the template “%(name)s”.") % {"name": template.name}
            )
            return redirect("prescribing:detail", program_id=program.pk)
    return _render_program(request, program, template_form=form, status=400)


@clinician_required
def program_handout(request: ClinicianRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    program_record_handout(actor=request.actor, program=program, pdf=False)
    # The handout is the patient's, so it speaks their language, not the clinician's.
    with translation.override(program.patient.language):
        return render(request, "prescribing/program_handout.html", handout_context(program=program))


@clinician_required
@require_POST
def program_handout_email(request: ClinicianRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    try:
        email = handout_email_request(actor=request.actor, program=program)
    except (ValidationError, ProgramConflict) as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The handout is on its way to %(email)s.") % {"email": email.to_email}
        )
    return redirect("prescribing:detail", program_id=program.pk)


@clinician_required
def program_handout_pdf(request: ClinicianRequest, program_id: int) -> HttpResponse:
    from programs.prescribing.handout_pdf import handout_pdf  # WeasyPrint loads slowly

    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    program_record_handout(actor=request.actor, program=program, pdf=True)
    response = HttpResponse(handout_pdf(program=program), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="exercise-program-{program.pk}.pdf"'
    return response


@clinician_required
def template_list(request: ClinicianRequest) -> HttpResponse:
    templates = template_list_for(clinic=request.clinician.clinic)
    return render(request, "prescribing/template_list.html", {"templates": templates})


@clinician_required
def template_detail(request: ClinicianRequest, template_id: int) -> HttpResponse:
    template = template_get_for(clinic=request.clinician.clinic, template_id=template_id)
    return render(request, "prescribing/template_detail.html", {"template": template})
