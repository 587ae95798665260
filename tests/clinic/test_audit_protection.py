"""The audit log cannot be rewritten: the app's database role (deploy/postgresql-app-role.sql)
may only INSERT and SELECT on it, and triggers refuse UPDATE, DELETE and TRUNCATE to everyone
else but a superuser (SPEC 6)."""

import secrets
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from clinic.models import AuditLog

ROLE_SQL = Path(settings.BASE_DIR, "deploy", "postgresql-app-role.sql")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.TEST_DATABASE_BACKEND != "postgresql", reason="PostgreSQL's roles and triggers"
    ),
]


def _connect(**overrides) -> psycopg.Connection:
    params = {**connection.get_connection_params(), **overrides}
    params.pop("cursor_factory", None)
    params.pop("prepare_threshold", None)
    return psycopg.connect(**params, autocommit=True)


@pytest.fixture
def app_role():
    """A role made by the deploy script (under a throwaway name), and its password."""
    name = f"backstrong_app_test_{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(16)
    with _connect() as owner:
        owner.execute(ROLE_SQL.read_text().replace("backstrong_app", name))
        owner.execute(f"ALTER ROLE {name} PASSWORD '{password}'")
    yield name, password
    with _connect() as owner:
        owner.execute(f"DROP OWNED BY {name}")
        owner.execute(f"DROP ROLE {name}")


@pytest.fixture
def audit_row(clinic):
    return AuditLog.objects.create(
        clinic=clinic, action="view", channel="ui", object_type="Patient", object_id="1"
    )


REFUSED = [
    "UPDATE clinic_auditlog SET summary = 'tampered'",
    "DELETE FROM clinic_auditlog",
    "TRUNCATE clinic_auditlog",
    "ALTER TABLE clinic_auditlog DISABLE TRIGGER clinic_auditlog_append_only",
    "ALTER TABLE clinic_auditlog DISABLE TRIGGER ALL",
    "DROP TABLE clinic_auditlog CASCADE",
    "DROP TRIGGER clinic_auditlog_append_only ON clinic_auditlog",
]


def test_the_app_role_may_only_insert_and_read_the_audit_log(app_role, audit_row):
    name, password = app_role
    with _connect(user=name, password=password) as app:
        assert app.execute("SELECT count(*) FROM clinic_auditlog").fetchone()[0] == 1
        app.execute(
            "INSERT INTO clinic_auditlog (clinic_id, action, channel, object_type, object_id,"
            " summary, changes, at) VALUES (%s, 'view', 'ui', 'Patient', '1', '', '[]', now())",
            [audit_row.clinic_id],
        )
        for statement in REFUSED:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(statement)
        # Its other tables are read and written as usual.
        app.execute("UPDATE clinic_clinic SET name = name")
    assert AuditLog.objects.count() == 2
    assert AuditLog.objects.get(pk=audit_row.pk).summary == ""


def test_triggers_refuse_update_delete_and_truncate_to_a_role_with_the_privileges(audit_row):
    """Even a role granted every privilege on the table (but not its owner) is refused."""
    name = f"backstrong_writer_test_{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(16)
    with _connect() as owner:
        owner.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        owner.execute(f"GRANT ALL ON clinic_auditlog TO {name}")
    try:
        with _connect(user=name, password=password) as writer:
            for statement in REFUSED[:3]:
                with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                    writer.execute(statement)
    finally:
        with _connect() as owner:
            owner.execute(f"DROP OWNED BY {name}")
            owner.execute(f"DROP ROLE {name}")
    assert AuditLog.objects.filter(pk=audit_row.pk).exists()
