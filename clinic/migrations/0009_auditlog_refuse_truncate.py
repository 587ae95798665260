"""The audit log refuses TRUNCATE too (UPDATE and DELETE are refused since 0003).

A statement-level trigger: TRUNCATE fires no row triggers. A superuser (who could drop the
trigger anyway) is let through, so that the test suite can empty the database between
transactional tests; the app itself runs as a role that may only INSERT and SELECT on the
table (deploy/postgresql-app-role.sql), and the table's owner, who runs migrations, is refused.
SQLite (the laptop demo) has no such trigger.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION clinic_auditlog_no_truncate() RETURNS trigger AS $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'clinic_auditlog is append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER clinic_auditlog_no_truncate
    BEFORE TRUNCATE ON clinic_auditlog
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_auditlog_no_truncate();
"""
DROP = """
DROP TRIGGER IF EXISTS clinic_auditlog_no_truncate ON clinic_auditlog;
DROP FUNCTION IF EXISTS clinic_auditlog_no_truncate();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("clinic", "0008_staff_invitation")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
