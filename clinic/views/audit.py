"""The clinic-wide audit trail for clinic admins, with filters and a CSV export (SPEC 6)."""

import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clinic.forms import AuditFilterForm
from clinic.models import AuditLog
from clinic.permissions import ClinicianRequest, clinic_admin_required
from clinic.selectors import api_keys_for, clinic_audit_rows_for, staff_for
from clinic.services import audit_patients_shown, audit_record

ROWS_PER_PAGE = 50
CSV_COLUMNS = [
    "at_utc",
    "who",
    "action",
    "object",
    "object_id",
    "patient_id",
    "summary",
    "changes",
    "via",
    "ip_address",
]


@never_cache
@clinic_admin_required
@require_GET
def clinic_audit(request: ClinicianRequest) -> HttpResponse:
    """Every audited access and change in the clinic; `?format=csv` downloads the filtered rows."""
    clinic = request.clinician.clinic
    people = [(f"user:{m.user_id}", m.user.email) for m in staff_for(clinic=clinic)]
    people += [(f"key:{key.pk}", f"API key “{key.name}”") for key in api_keys_for(clinic=clinic)]
    form = AuditFilterForm(request.GET or None, people=people)
    if form.is_bound and not form.is_valid():
        context = {"form": form, "page": None, "query": ""}
        return render(request, "clinic/audit_list.html", context, status=400)
    rows = clinic_audit_rows_for(clinic=clinic, **form.filters())
    if request.GET.get("format") == "csv":
        return _csv(request, rows)
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    # The trail names patients and their changed values: reading it is recorded too.
    audit_patients_shown(
        actor=request.actor,
        patient_ids=[row.patient_id for row in page.object_list if row.patient_id],
        object_type="AuditLog",
        summary=f"Audit trail, page {page.number}" + (f": {query.urlencode()}" if query else ""),
    )
    return render(
        request,
        "clinic/audit_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _csv(request: ClinicianRequest, rows) -> HttpResponse:
    rows = list(rows)
    audit_record(
        actor=request.actor,
        action=AuditLog.Action.EXPORT,
        obj=request.clinician.clinic,
        summary=f"Audit trail exported as CSV: {len(rows)} rows ({request.GET.urlencode()})"[:255],
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row.at.isoformat(),
                _safe_cell(row.who),
                row.action,
                row.object_label,
                row.object_id,
                row.patient_id or "",
                _safe_cell(row.summary),
                _safe_cell(_changes_text(row)),
                row.get_channel_display(),
                row.ip_address or "",
            ]
        )
    return response


def _safe_cell(value: str) -> str:
    # A cell starting with =, +, - or @ runs as a formula in spreadsheets: quote it.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _changes_text(row: AuditLog) -> str:
    return "; ".join(f"{c.label}: {c.old} → {c.new}" for c in row.readable_changes)
