"""Audit rows of a page that showed patients: one view row per patient, in the order shown."""

import pytest
from django.db import connection
from django.db.models import ProtectedError

from clinic.models import AuditLog
from clinic.services import audit_patients_shown
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

FIELDS = (
    "clinic_id",
    "actor_id",
    "api_key_id",
    "channel",
    "action",
    "object_type",
    "object_id",
    "patient_id",
    "summary",
    "ip_address",
    "changes",
)


def _rows():
    return list(AuditLog.objects.order_by("id").values_list(*FIELDS))


@pytest.fixture(params=["database", "portable"])
def path(request, monkeypatch):
    """The PostgreSQL statement and the portable bulk INSERT must write the same rows."""
    if request.param == "portable":
        monkeypatch.setattr(connection, "vendor", "portable")
    elif connection.vendor != "postgresql":
        pytest.skip("the array INSERT is PostgreSQL's")
    return request.param


def test_each_patient_shown_gets_one_view_row_in_the_order_shown(path, actor, clinic):
    first, second, third = (PatientFactory(clinic=clinic) for _ in range(3))
    before = AuditLog.objects.count()
    audit_patients_shown(
        actor=actor,
        patient_ids=[third.pk, first.pk, third.pk, second.pk],
        object_type="Patient",
        summary="Patient list: q=smith",
    )
    rows = _rows()[before:]
    assert [row[FIELDS.index("patient_id")] for row in rows] == [third.pk, first.pk, second.pk]
    for row, patient in zip(rows, (third, first, second), strict=True):
        assert dict(zip(FIELDS, row, strict=True)) == {
            "clinic_id": clinic.pk,
            "actor_id": actor.user.pk,
            "api_key_id": None,
            "channel": "ui",
            "action": "view",
            "object_type": "Patient",
            "object_id": str(patient.pk),
            "patient_id": patient.pk,
            "summary": "Patient list: q=smith",
            "ip_address": "127.0.0.1",
            "changes": [],
        }


def test_a_page_that_showed_nobody_still_leaves_one_row(path, actor):
    before = AuditLog.objects.count()
    audit_patients_shown(actor=actor, patient_ids=[], object_type="Patient", summary="empty")
    rows = _rows()[before:]
    assert len(rows) == 1
    assert rows[0][FIELDS.index("patient_id")] is None
    assert rows[0][FIELDS.index("summary")] == "empty"


def test_the_log_keeps_no_foreign_keys_in_the_database_but_still_protects_what_it_names(
    actor, clinic
):
    """Checking foreign keys at each commit locked every patient a list showed (bench/api.py);
    the log has none in the database, and Django still refuses to delete a patient it names."""
    patient = PatientFactory(clinic=clinic)
    audit_patients_shown(actor=actor, patient_ids=[patient.pk], object_type="Patient", summary="")
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, AuditLog._meta.db_table)
    assert not [name for name, facts in constraints.items() if facts["foreign_key"]]
    with pytest.raises(ProtectedError):
        patient.delete()
    with pytest.raises(ProtectedError):
        clinic.delete()
