"""Seed many rows fast, for the scale tests and bench/scale.py: PostgreSQL's COPY, through the
models' own field definitions, so the rows obey the same columns and constraints as the app's.

COPY checks every constraint (NOT NULL, CHECK, UNIQUE, foreign keys) like INSERT does; what it
skips is Python: no model instances, no save(), no signals.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Model


def copy_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """COPY `rows` (values in the order of `fields`, by field name) into the model's table."""
    columns = [model._meta.get_field(name).column for name in fields]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
