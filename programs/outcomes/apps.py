from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "programs.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes"

    def ready(self) -> None:
        from patients.panels import PatientPanel, patient_panel_register
        from patients.services import assessment_handler_register
        from programs.outcomes.panels import outcomes_panel_context
        from programs.outcomes.services import outcome_record_assessment_pain

        # Each assessment's pain is an NPRS outcome score, written in its own transaction.
        assessment_handler_register(outcome_record_assessment_pain)
        patient_panel_register(
            PatientPanel(
                name="outcomes",
                slot="main",
                order=30,
                template="outcomes/_patient_outcomes.html",
                context=outcomes_panel_context,
            )
        )
