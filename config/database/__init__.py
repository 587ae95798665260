"""The PostgreSQL backend of the app (DATABASES' ENGINE "config.database"): Django's own, reading
timestamps with psycopg's compiled parser (see base.py)."""
