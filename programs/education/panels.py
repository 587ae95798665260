"""The reading panel of the patient page (patients.panels): the pages pinned to the patient's
current program, and a form to pin another."""

from typing import Any

from clinic.permissions import ClinicianRequest
from patients.models import Patient
from programs.education.forms import PinForm
from programs.education.selectors import education_pages_for, pinned_pages_for
from programs.prescribing.selectors import current_program_for


def reading_panel_context(request: ClinicianRequest, patient: Patient) -> dict[str, Any]:
    program = current_program_for(patient=patient)
    pins = pinned_pages_for(program=program)
    pinned = [pin.page_id for pin in pins]
    pages = education_pages_for(clinic=request.clinician.clinic).exclude(pk__in=pinned)
    return {
        "reading_program": program,
        "reading_pins": pins,
        "pin_form": PinForm(pages=pages) if program else None,
    }
