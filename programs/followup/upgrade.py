"""Filling the dashboard's kept reasons after an upgrade, once every migration has run.

The rows are worked out by the services' own rules, which read today's models: inside a
migration those may be ahead of the schema (a later migration adds their columns), so the
fill waits for `migrate` to finish (post_migrate). It runs only while no row exists at all,
i.e. once after the upgrade that introduced them, and again after an upgrade whose migration
empties them to change what they hold (followup 0003); the hourly rebuild keeps them after.
"""

from typing import Any

from django.db import connections

from clinic.models import Clinic
from programs.followup.models import PatientAttention
from programs.followup.services import attention_rebuild


def attention_fill_after_upgrade(*, using: str = "default", **_: Any) -> None:
    """Fill every clinic's dashboard rows if there are none yet (after `migrate`)."""
    connection = connections[using]
    if PatientAttention._meta.db_table not in connection.introspection.table_names():
        return  # migrated to a point before the dashboard's tables
    if PatientAttention.objects.using(using).exists():
        return
    for clinic in Clinic.objects.using(using).filter(patients__isnull=False).distinct():
        attention_rebuild(clinic=clinic)
