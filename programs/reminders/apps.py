from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "programs.reminders"
    label = "reminders"
    verbose_name = "Reminders"
