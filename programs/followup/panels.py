"""The follow-up panels of the patient page (patients.panels): alerts and suggestions waiting
for a decision, and the sessions with their charts."""

import zoneinfo
from typing import Any

from django.utils import timezone

from clinic.permissions import ClinicianRequest
from patients.models import Patient
from programs.followup.charts import adherence_chart, pain_chart
from programs.followup.selectors import (
    open_alerts_for,
    pain_points_for,
    session_history_for,
    suggestions_with_preview_for,
    weekly_adherence_for,
)


def attention_panel_context(request: ClinicianRequest, patient: Patient) -> dict[str, Any]:
    return {
        "alerts": open_alerts_for(patient=patient),
        "suggestions": suggestions_with_preview_for(patient=patient),
    }


def sessions_panel_context(request: ClinicianRequest, patient: Patient) -> dict[str, Any]:
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(patient.timezone)).date()
    return {
        "sessions": session_history_for(patient=patient)[:10],
        "pain_chart": pain_chart(pain_points_for(patient=patient)),
        "adherence_chart": adherence_chart(weekly_adherence_for(patient=patient, today=today)),
    }
