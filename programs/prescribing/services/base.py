"""What every program service shares: the conflicts it raises, the patient lock that orders
changes per patient, and the checks made before prescribing."""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from clinic.errors import StateConflict
from clinic.services import Actor, FieldChange, audit_record
from patients.models import Assessment, Patient
from programs.library.dosage import Dosage, PatientProfile
from programs.library.models import CATEGORY_ORDER, Exercise
from programs.prescribing.models import Program, ProgramItem


class ProgramConflict(StateConflict):
    """The request conflicts with the program's or the patient's state (HTTP 409)."""


class ReferralRequired(ProgramConflict):
    """Red flags forbid generating or activating any program (SPEC 2.2)."""

    def __init__(self, assessment: Assessment):
        referral = assessment.referral
        self.flags = list(referral.emergency + referral.urgent)
        super().__init__(
            _(
                "Referral required: %(flags)s. No program can be generated or activated until a "
                "new assessment clears the red flags."
            )
            % {"flags": ", ".join(referral.named)}
        )


def patient_profile(patient: Patient) -> PatientProfile:
    """What the dosage engine needs to know of a patient."""
    return PatientProfile(condition=patient.condition, prone_tolerant=patient.prone_tolerant)


def program_order(exercise: Exercise) -> tuple[int, int, str]:
    return (CATEGORY_ORDER.index(exercise.category), exercise.progression_order, exercise.name)


def current_assessment(patient: Patient) -> Assessment:
    if patient.is_archived:
        raise ProgramConflict(_("This patient is archived; archived records cannot be changed."))
    assessment = patient.latest_assessment
    if assessment is None:
        raise ProgramConflict(_("Record an assessment before prescribing a program."))
    if assessment.referral_required:
        raise ReferralRequired(assessment)
    return assessment


def lock_patient(patient_id: int) -> Patient:
    # Serialises program changes per patient: the one-active rule is checked, then kept.
    return (
        Patient.objects.select_related("latest_assessment")
        .select_for_update(of=("self",))
        .get(pk=patient_id)
    )


def ensure_editable(program: Program) -> None:
    if not program.is_editable:
        raise ProgramConflict(_("This program is completed; completed programs cannot be changed."))


def audit_program(
    actor: Actor,
    action: str,
    program: Program,
    summary: str,
    *,
    changes: Sequence[FieldChange] = (),
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=program,
        patient=program.patient,
        summary=summary,
        changes=changes,
    )


def create_items(program: Program, rows: list[tuple[Exercise, Dosage, str]]) -> None:
    items = [
        ProgramItem(program=program, exercise=exercise, order=n, notes=notes, **dosage.as_dict())
        for n, (exercise, dosage, notes) in enumerate(rows, start=1)
    ]
    for item in items:
        item.full_clean(exclude=["program", "exercise"])
    ProgramItem.objects.bulk_create(items)
