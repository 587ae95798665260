"""The discharge of a completed program: its results kept as they stand, with a summary."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clinic.errors import StateConflict
from clinic.models import AuditLog
from clinic.services import Actor, audit_record
from patients.models import Patient
from programs.outcomes.models import Discharge, DischargeOutcome
from programs.outcomes.selectors import outcome_summaries_for, patient_today, program_adherence_for
from programs.prescribing.models import Program


class DischargeConflict(StateConflict):
    """The program cannot be discharged in its state (the API would answer 409)."""


@transaction.atomic
def discharge_record(*, actor: Actor, program: Program, summary: str) -> Discharge:
    """Discharge a completed program once: final scores, verdicts and adherence as they stand."""
    Patient.objects.select_for_update().get(pk=program.patient_id)
    program = Program.objects.select_related("patient", "patient__clinic").get(pk=program.pk)
    patient = program.patient
    if program.status != Program.Status.COMPLETED:
        raise DischargeConflict(_("Complete the program before discharging the patient."))
    if Discharge.objects.filter(program=program).exists():
        raise DischargeConflict(_("This program has already been discharged."))
    summary = summary.strip()
    if not summary:
        raise ValidationError({"summary": _("Write a short summary for the referrer.")})
    adherence = program_adherence_for(program=program, today=patient_today(patient))
    discharge = Discharge(
        program=program,
        patient=patient,
        clinic=patient.clinic,
        condition=patient.condition,
        tier=program.tier,
        summary=summary,
        sessions_logged=adherence.logged,
        sessions_prescribed=adherence.prescribed,
        discharged_by=actor.user,
    )
    discharge.full_clean(exclude=["program", "patient", "clinic"])
    discharge.save()
    DischargeOutcome.objects.bulk_create(
        DischargeOutcome(
            discharge=discharge,
            instrument=row.spec.code,
            baseline=row.baseline.score,
            final=row.latest.score,
            verdict=row.verdict or "",
        )
        for row in outcome_summaries_for(patient=patient)
    )
    audit_record(
        actor=actor,
        action=AuditLog.Action.CREATE,
        obj=discharge,
        patient=patient,
        summary=f"Discharged from program {program.pk}",
    )
    return discharge
