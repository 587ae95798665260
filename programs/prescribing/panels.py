"""The prescribing panel of the patient page (patients.panels): the patient's programs and
how to start one."""

from typing import Any

from clinic.permissions import ClinicianRequest
from patients.models import Patient
from programs.prescribing.forms import TemplateApplyForm
from programs.prescribing.selectors import program_list_for_patient, template_list_for


def programs_panel_context(request: ClinicianRequest, patient: Patient) -> dict[str, Any]:
    templates = template_list_for(clinic=request.clinician.clinic)
    return {
        "programs": program_list_for_patient(patient=patient),
        "template_form": TemplateApplyForm(templates=templates),
    }
