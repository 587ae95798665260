"""The patient page's panels that other apps contribute: a hook, so that the page stays with
the patient record while the apps above (programs, follow-up, outcomes) add their part of it,
and patients never imports them.

An app registers its panels from its AppConfig.ready(); the page asks each for its context
and includes its template in the slot it names, in order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from clinic.permissions import ClinicianRequest
from patients.models import Patient

# Where a panel goes on the page: above the record (what needs a decision now) or in the
# main column beside it.
SLOTS = ("attention", "main")


@dataclass(frozen=True)
class PatientPanel:
    name: str
    slot: str
    order: int
    template: str
    context: Callable[[ClinicianRequest, Patient], dict[str, Any]]


_panels: dict[str, PatientPanel] = {}


def patient_panel_register(panel: PatientPanel) -> None:
    """Add a panel to the patient page; registering a name again replaces it."""
    if panel.slot not in SLOTS:
        raise ValueError(f"Unknown slot {panel.slot!r}; choose one of {SLOTS}.")
    _panels[panel.name] = panel


def patient_panels_for(
    request: ClinicianRequest, patient: Patient
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The registered panels' merged context, and their templates per slot, in order."""
    context: dict[str, Any] = {}
    templates: dict[str, list[str]] = {slot: [] for slot in SLOTS}
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.name)):
        context.update(panel.context(request, patient))
        templates[panel.slot].append(panel.template)
    return context, templates
