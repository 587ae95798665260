"""The audit log keeps the indexes its trail is read by and no more: every page that shows
patients writes a row per patient, and each index is one more entry per row to write."""

import pytest
from django.conf import settings
from django.db import connection

from clinic.models import AuditLog
from clinic.selectors import clinic_audit_rows_for
from tests.factories import api_key_for

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.TEST_DATABASE_BACKEND != "postgresql", reason="PostgreSQL's plans and indexes"
    ),
]

INDEXES = {
    ("id",),
    ("clinic_id", "patient_id", "at"),
    ("clinic_id", "at", "id"),
    ("actor_id", "at", "id"),  # partial: rows with a person
    ("api_key_id", "at", "id"),  # partial: rows with an API key
    ("clinic_id", "action", "at", "id"),  # partial: every action but a view
}


def test_a_row_is_written_to_these_indexes_only():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, AuditLog._meta.db_table)
    indexes = {tuple(c["columns"]) for c in constraints.values() if c["index"] or c["primary_key"]}
    assert indexes == INDEXES


def _index_used(rows) -> str:
    with connection.cursor() as cursor:
        # A test database is too small for PostgreSQL to prefer an index on its own.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        sql, params = rows.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


@pytest.mark.parametrize(
    ("narrowed_by", "index"),
    [
        ({}, "auditlog_clinic_at"),
        ({"action": "change"}, "auditlog_clinic_action_at"),
    ],
)
def test_the_clinics_trail_is_read_by_an_index(clinic, narrowed_by, index):
    assert index in _index_used(clinic_audit_rows_for(clinic=clinic, **narrowed_by)[:25])


def test_a_person_or_a_keys_trail_is_read_by_its_partial_index(clinic, clinician):
    key, _ = api_key_for(clinic)
    by_person = clinic_audit_rows_for(clinic=clinic, actor_id=clinician.user.pk)[:25]
    by_key = clinic_audit_rows_for(clinic=clinic, api_key_id=key.pk)[:25]
    assert "auditlog_actor_at" in _index_used(by_person)
    assert "auditlog_api_key_at" in _index_used(by_key)
