"""The periodic tasks of Celery beat, read by the base settings."""

from typing import Any

# The periodic tasks (SPEC 4). Beat's DatabaseScheduler writes them into its tables when it
# starts, by name, so every installation runs the same schedule and a changed entry updates in
# place; the admin shows them.
BEAT_SCHEDULE: dict[str, dict[str, Any]] = {
    "Dispatch due reminders": {
        "task": "programs.reminders.tasks.dispatch_reminders_task",
        "schedule": 60.0,
    },
    "Missed-session nudges and inactivity alerts": {
        "task": "programs.reminders.tasks.check_inactivity_task",
        "schedule": 1800.0,
    },
    "Clinician daily digests": {
        "task": "programs.reminders.tasks.dispatch_digests_task",
        "schedule": 300.0,
    },
    # The dashboard's reasons are kept by the services as things happen; adherence changes as
    # days pass without any event, so every clinic's are worked out afresh each hour.
    "Dashboard attention rebuild": {
        "task": "programs.followup.tasks.attention_rebuild_task",
        "schedule": 3600.0,
    },
    # Sends what a broker outage or a lost task left unsent (urgent alerts, invitations,
    # digests); each send claims its row first, so a second copy sends nothing.
    "Outbox sweep: unsent emails": {
        "task": "programs.reminders.tasks.sweep_outbox_task",
        "schedule": 60.0,
    },
}
