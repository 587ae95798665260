from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "programs.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes"

    def ready(self) -> None:
        from patients.panels import PatientPanel, patient_panel_register
        from patients.services import assessment_handler_register
        from programs.outcomes.panels import outcomes_panel_context
        from programs.outcomes.selectors.reminders import checkin_reminders_due
        from programs.outcomes.services import outcome_record_assessment_pain
        from programs.reminders.models import Reminder
        from programs.reminders.sources import reminder_source_register

        # Each assessment's pain is an NPRS outcome score, written in its own transaction.
        assessment_handler_register(outcome_record_assessment_pain)
        # Due check-ins are reminded through the reminder pipeline, in the patient's slots.
        reminder_source_register(Reminder.Kind.CHECKIN, checkin_reminders_due)
        patient_panel_register(
            PatientPanel(
                name="outcomes",
                slot="main",
                order=30,
                template="outcomes/_patient_outcomes.html",
                context=outcomes_panel_context,
            )
        )
