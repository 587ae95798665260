"""Make the audit log append-only in the database: UPDATE and DELETE raise on PostgreSQL.

SQLite (the laptop demo) has no such trigger; the app never updates or deletes audit rows.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION clinic_auditlog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'clinic_auditlog is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER clinic_auditlog_append_only
    BEFORE UPDATE OR DELETE ON clinic_auditlog
    FOR EACH ROW EXECUTE FUNCTION clinic_auditlog_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS clinic_auditlog_append_only ON clinic_auditlog;
DROP FUNCTION IF EXISTS clinic_auditlog_append_only();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # the SQL has a literal %

    return run


class Migration(migrations.Migration):
    dependencies = [("clinic", "0002_initial")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
