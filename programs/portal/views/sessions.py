"""What the log form and its offline sync share: recording the form's session, and where the
patient goes next."""

from django.urls import reverse

from clinic.services import Actor
from patients.models import Patient
from programs.followup.models import SessionLog
from programs.followup.progression import RED
from programs.followup.services import ItemReport, session_log_record
from programs.portal.forms import SessionLogForm


def session_record_from(
    form: SessionLogForm, *, actor: Actor, patient: Patient, program_id: int
) -> tuple[SessionLog, bool]:
    """Record the valid form's session against the program it was made for; (session,
    created): a repeated client token returns the session already kept."""
    data = form.cleaned_data
    return session_log_record(
        actor=actor,
        patient=patient,
        pain_before=data["pain_before"],
        pain_after=data["pain_after"],
        items=[ItemReport(**report) for report in form.reports()],
        symptoms=data["symptoms"],
        notes=data["notes"],
        client_token=data["client_token"],
        performed_at=data["performed_at"],
        made_for_program_id=program_id,
    )


def page_after(session: SessionLog) -> str | None:
    """Emergency advice after an emergency symptom, advice after a red session, else None."""
    if session.symptoms:
        return reverse("portal:emergency")
    if session.traffic_light == RED:
        return reverse("portal:session_advice", args=[session.pk])
    return None
