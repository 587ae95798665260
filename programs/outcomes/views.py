"""Clinician pages of outcomes: score entry, the program's interval, discharge and its letter,
the instruments and their licences, and the clinic's results with their CSV export."""

import csv
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.forms import add_service_errors
from clinic.models import AuditLog
from clinic.permissions import ClinicianRequest, clinic_admin_required, clinician_required
from clinic.services import audit_patients_shown, audit_record
from patients.selectors import patient_get_for
from patients.services import patient_record_view
from programs.outcomes.charts import ResultRow, results_chart
from programs.outcomes.forms import (
    ClinicOutcomeFilterForm,
    DischargeForm,
    IntervalForm,
    PsfsForm,
    ScoreForm,
    taken_at_for,
)
from programs.outcomes.instruments import MATCHED_CARE, SPECS, Instrument, rule_text
from programs.outcomes.selectors import (
    clinic_outcomes_for,
    discharge_get_for,
    interval_weeks_for,
    outcome_summaries_for,
    patient_today,
    program_adherence_for,
    psfs_activities_for,
)
from programs.outcomes.selectors.clinic import clinic_clinicians_for
from programs.outcomes.selectors.due import clinic_due_for
from programs.outcomes.services import (
    clinic_outcome_interval_set,
    discharge_record,
    outcome_record,
    program_outcome_interval_set,
)
from programs.prescribing.selectors import dosage_history_for, program_get_for


def _spec(instrument: str):
    if instrument not in SPECS:
        raise Http404(_("No such instrument."))
    return SPECS[instrument]


@clinician_required
@require_http_methods(["GET", "POST"])
def score_create(request: ClinicianRequest, patient_id: int, instrument: str) -> HttpResponse:
    """Enter one instrument's score: the score only, never the licensed questionnaire."""
    spec = _spec(instrument)
    patient = patient_get_for(clinic=request.clinician.clinic, patient_id=patient_id)
    if patient.is_archived:
        messages.error(request, _("This patient is archived; archived records cannot be changed."))
        return redirect("patients:detail", patient_id=patient.pk)
    activities = psfs_activities_for(patient=patient)
    if request.method == "GET":
        patient_record_view(actor=request.actor, patient=patient)
    data = request.POST if request.method == "POST" else None
    form = (
        PsfsForm(data, activities=activities)
        if spec.code == Instrument.PSFS
        else ScoreForm(data, spec=spec)
    )
    if request.method == "POST" and form.is_valid():
        taken_at = taken_at_for(form.cleaned_data.get("taken_on"), patient.timezone)
        try:
            if isinstance(form, PsfsForm):
                row = outcome_record(
                    actor=request.actor,
                    patient=patient,
                    instrument=spec.code,
                    psfs=form.entries(),
                    taken_at=taken_at,
                )
            else:
                row = outcome_record(
                    actor=request.actor,
                    patient=patient,
                    instrument=spec.code,
                    score=form.cleaned_data["score"],
                    subscale=form.cleaned_data.get("subscale"),
                    taken_at=taken_at,
                )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            note = f" ({row.risk_group.label})" if row.risk_group else ""
            messages.success(
                request,
                _("%(instrument)s score %(score)s recorded%(note)s.")
                % {"instrument": spec.short, "score": row.display_score, "note": note},
            )
            return redirect("patients:detail", patient_id=patient.pk)
    return render(
        request,
        "outcomes/score_form.html",
        {
            "patient": patient,
            "spec": spec,
            "form": form,
            "rule": rule_text(spec.code),
            "matched_care": MATCHED_CARE,
        },
        status=400 if request.method == "POST" else 200,
    )


@clinician_required
@require_POST
def program_interval(request: ClinicianRequest, program_id: int) -> HttpResponse:
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    form = IntervalForm(request.POST)
    if form.is_valid():
        program_outcome_interval_set(
            actor=request.actor, program=program, interval_weeks=form.cleaned_data["interval_weeks"]
        )
        messages.success(request, _("The outcome schedule was saved."))
    else:
        messages.error(request, " ".join(str(e) for e in form.errors["interval_weeks"]))
    return redirect("patients:detail", patient_id=program.patient_id)


@clinician_required
def instrument_list(request: ClinicianRequest) -> HttpResponse:
    """The instruments, their ranges, licences and responder rules with their sources."""
    rows = [(spec, rule_text(code)) for code, spec in SPECS.items()]
    return render(
        request,
        "outcomes/instrument_list.html",
        {
            "rows": rows,
            "matched_care": MATCHED_CARE,
            "interval": interval_weeks_for(clinic=request.clinician.clinic, program=None),
            "interval_form": IntervalForm(
                initial={
                    "interval_weeks": interval_weeks_for(
                        clinic=request.clinician.clinic, program=None
                    )
                }
            ),
        },
    )


@clinic_admin_required
@require_POST
def clinic_interval(request: ClinicianRequest) -> HttpResponse:
    form = IntervalForm(request.POST)
    if form.is_valid() and form.cleaned_data["interval_weeks"]:
        clinic_outcome_interval_set(
            actor=request.actor, interval_weeks=form.cleaned_data["interval_weeks"]
        )
        messages.success(request, _("The clinic's outcome schedule was saved."))
    else:
        messages.error(request, _("Choose from 1 to 26 weeks between repeats."))
    return redirect("outcomes:instruments")


@clinician_required
@require_http_methods(["GET", "POST"])
def discharge_create(request: ClinicianRequest, program_id: int) -> HttpResponse:
    """Discharge a completed program: its results, adherence and history, and a summary."""
    program = program_get_for(clinic=request.clinician.clinic, program_id=program_id)
    patient = program.patient
    if hasattr(program, "discharge"):
        return redirect("outcomes:letter", discharge_id=program.discharge.pk)
    form = DischargeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            discharge = discharge_record(
                actor=request.actor, program=program, summary=form.cleaned_data["summary"]
            )
        except ValidationError as exc:
            add_service_errors(exc, form)
        else:
            messages.success(request, _("%(name)s was discharged.") % {"name": patient.full_name})
            return redirect("outcomes:letter", discharge_id=discharge.pk)
    else:
        patient_record_view(actor=request.actor, patient=patient)
    return render(
        request,
        "outcomes/discharge_form.html",
        {
            "patient": patient,
            "program": program,
            "form": form,
            "summaries": outcome_summaries_for(patient=patient),
            "adherence": program_adherence_for(program=program, today=patient_today(patient)),
            "dosage_changes": list(dosage_history_for(program=program)),
            "sessions": program.sessions.count(),
        },
        status=400 if request.method == "POST" else 200,
    )


def _letter_context(request: ClinicianRequest, discharge_id: int) -> dict[str, Any]:
    discharge = discharge_get_for(clinic=request.clinician.clinic, discharge_id=discharge_id)
    patient_record_view(actor=request.actor, patient=discharge.patient)
    program = program_get_for(clinic=request.clinician.clinic, program_id=discharge.program_id)
    return {
        "discharge": discharge,
        "patient": discharge.patient,
        "program": program,
        "clinic": request.clinician.clinic,
        "outcomes": [
            (o, SPECS[o.instrument], rule_text(o.instrument)) for o in discharge.outcomes.all()
        ],
        "dosage_changes": list(dosage_history_for(program=program)),
    }


@clinician_required
def discharge_letter(request: ClinicianRequest, discharge_id: int) -> HttpResponse:
    """The discharge letter for the referrer, styled for print."""
    return render(request, "outcomes/discharge_letter.html", _letter_context(request, discharge_id))


@clinician_required
def discharge_letter_pdf(request: ClinicianRequest, discharge_id: int) -> HttpResponse:
    """The same letter as an A4 PDF, to attach to a referrer's record."""
    from programs.prescribing.handout_pdf import pdf_from_template  # WeasyPrint loads slowly

    context = _letter_context(request, discharge_id)
    pdf = pdf_from_template("outcomes/discharge_letter.html", context | {"pdf": True})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="discharge-letter-{discharge_id}.pdf"'
    return response


CSV_HEADER = [
    "patient_id",
    "external_id",
    "condition",
    "tier",
    "discharged_at",
    "discharged_by",
    "sessions_logged",
    "sessions_prescribed",
    "adherence_percent",
    *[f"{code}_{part}" for code in SPECS for part in ("baseline", "final", "verdict")],
]


@clinician_required
def clinic_outcomes(request: ClinicianRequest) -> HttpResponse:
    """The clinic's results per condition and tier; `?export=csv` downloads one row per
    discharge (audited as an export)."""
    clinic = request.clinician.clinic
    form = ClinicOutcomeFilterForm(
        request.GET or None, clinicians=clinic_clinicians_for(clinic=clinic)
    )
    results = clinic_outcomes_for(clinic=clinic, **form.filters())
    query = request.GET.copy()
    query["export"] = "csv"
    due = clinic_due_for(clinic=clinic)
    context = {
        "form": form,
        "results": results,
        "csv_query": query.urlencode(),
        "due": due,
        "results_chart": results_chart(
            [
                ResultRow(r.short, r.responders, r.unchanged, r.worse)
                for r in results.total.results()
            ]
        ),
    }
    if form.is_bound and not form.is_valid():
        # Shown unfiltered with the errors; never exported under filters it could not read.
        return render(request, "outcomes/clinic_outcomes.html", context, status=400)
    if request.GET.get("export") != "csv":
        # The due list names patients: a view of their records, as the dashboard's is.
        audit_patients_shown(
            actor=request.actor,
            patient_ids=[item.patient.pk for item in due],
            object_type="Patient",
            summary="Clinic outcomes: scores due",
        )
    if request.GET.get("export") == "csv":
        audit_record(
            actor=request.actor,
            action=AuditLog.Action.EXPORT,
            obj=clinic,
            summary=f"Outcomes CSV exported ({len(results.discharges)} discharges)",
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="outcomes.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_HEADER)
        for d in results.discharges:
            by_code = {o.instrument: o for o in d.outcomes.all()}
            cells: list[object] = []
            for code in SPECS:
                o = by_code.get(code)
                cells += [o.baseline, o.final, o.verdict] if o else ["", "", ""]
            writer.writerow(
                [
                    d.patient_id,
                    _csv_safe(d.patient.external_id),
                    d.condition,
                    d.tier,
                    d.discharged_at.isoformat(),
                    _csv_safe(d.discharged_by.email if d.discharged_by else ""),
                    d.sessions_logged,
                    d.sessions_prescribed,
                    "" if d.adherence_percent is None else d.adherence_percent,
                    *cells,
                ]
            )
        return response
    return render(request, "outcomes/clinic_outcomes.html", context)


def _csv_safe(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
