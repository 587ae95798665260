"""The periodic tasks beat runs (SPEC 4), installed into django-celery-beat's tables."""

SCHEDULE = [
    # (name, task, every N seconds)
    ("Dispatch due reminders", "programs.tasks.dispatch_reminders_task", 60),
    ("Missed-session nudges and inactivity alerts", "programs.tasks.check_inactivity_task", 1800),
    ("Clinician daily digests", "programs.tasks.dispatch_digests_task", 300),
    # Sends what a broker outage or a lost task left unsent (urgent alerts, invitations,
    # digests); each send claims its row first, so a second copy sends nothing.
    ("Outbox sweep: unsent emails", "programs.tasks.sweep_outbox_task", 60),
]


def install_schedule(interval_model, periodic_task_model) -> None:
    """Create or update the periodic tasks; takes the models so migrations can pass theirs."""
    for name, task, seconds in SCHEDULE:
        interval, _ = interval_model.objects.get_or_create(every=seconds, period="seconds")
        periodic_task_model.objects.update_or_create(
            name=name,
            defaults={"task": task, "interval": interval, "enabled": True, "expires": None},
        )
