"""Pages of the reminders app: the clinic's reminder emails, and the one-click unsubscribe
pages that reminder and digest emails link to."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from clinic.permissions import ClinicianRequest, clinician_required
from clinic.services import audit_patients_shown
from programs.reminders.models import Reminder
from programs.reminders.selectors import (
    digest_clinician_for,
    reminder_list_for,
    reminders_enabled_for,
    unsubscribe_patient_for,
)
from programs.reminders.services import (
    digests_resubscribe,
    digests_unsubscribe,
    reminders_unsubscribe,
)


@csrf_exempt  # mail clients POST the one-click unsubscribe without a CSRF token (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe from reminder emails, without signing in.

    GET asks for confirmation (mail scanners follow links); POST, also sent by mail clients
    that honour List-Unsubscribe-Post, turns reminders off.
    """
    patient = unsubscribe_patient_for(token=token)
    if patient is None:
        # A damaged or forged link is bad input: say so plainly, change nothing.
        return render(request, "reminders/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        changed = reminders_unsubscribe(patient=patient)
        state = "done" if changed else "already"
    else:
        state = "ask" if reminders_enabled_for(patient=patient) else "already"
    return render(request, "reminders/unsubscribe.html", {"state": state, "patient": patient})


@csrf_exempt  # mail clients POST the one-click unsubscribe without a CSRF token (RFC 8058)
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe from a clinician's daily digest, without signing in.

    GET asks for confirmation (mail scanners follow links); POST, also sent by mail clients
    that honour List-Unsubscribe-Post, stops the digest. The page also turns it back on.
    """
    clinician = digest_clinician_for(token=token)
    if clinician is None:
        return render(
            request, "reminders/digest_unsubscribe.html", {"state": "invalid"}, status=400
        )
    if request.method == "POST" and request.POST.get("action") == "resubscribe":
        digests_resubscribe(clinician=clinician)
        state = "resubscribed"
    elif request.method == "POST":
        state = "done" if digests_unsubscribe(clinician=clinician) else "already"
    else:
        state = "already" if clinician.digest_opt_out else "ask"
    return render(
        request, "reminders/digest_unsubscribe.html", {"state": state, "clinician": clinician}
    )


@clinician_required
def reminder_list(request: ClinicianRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    reminders = list(reminder_list_for(clinic=request.clinician.clinic, status=status)[:200])
    audit_patients_shown(
        actor=request.actor,
        patient_ids=[reminder.patient_id for reminder in reminders],
        object_type="Reminder",
        summary="Reminder emails" + (f", status {status}" if status else ""),
    )
    return render(
        request,
        "reminders/reminder_list.html",
        {
            "reminders": reminders,
            "status": status,
            "statuses": Reminder.Status.choices,
            "failed": reminder_list_for(clinic=request.clinician.clinic, status="failed").count(),
        },
    )
