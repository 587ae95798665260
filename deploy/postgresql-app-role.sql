-- The role the app runs as in production: it reads and writes every table except the audit
-- log, where it may only INSERT and SELECT (SPEC 6). Migrations run as the tables' owner.
--
-- Run as the owner (or a superuser) in the app's database, after `manage.py migrate`, and again
-- after each release whose migrations add tables:
--     psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 -f deploy/postgresql-app-role.sql
-- then give the role a password (\password backstrong_app) and point the app's DATABASE_URL
-- at it. Not being the owner, it cannot ALTER (or DISABLE TRIGGER on), DROP or TRUNCATE the
-- audit table, nor UPDATE or DELETE its rows; the owner is refused UPDATE, DELETE and
-- TRUNCATE by triggers (clinic/migrations/0003 and 0009).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'backstrong_app') THEN
        CREATE ROLE backstrong_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO backstrong_app', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO backstrong_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO backstrong_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO backstrong_app;
-- The audit log: append and read only.
REVOKE ALL ON clinic_auditlog FROM backstrong_app;
GRANT SELECT, INSERT ON clinic_auditlog TO backstrong_app;
