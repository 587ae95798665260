from django.apps import AppConfig


class PrescribingConfig(AppConfig):
    name = "programs.prescribing"
    label = "prescribing"
    verbose_name = "Prescribing"

    def ready(self) -> None:
        from patients.panels import PatientPanel, patient_panel_register
        from programs.prescribing.panels import programs_panel_context

        patient_panel_register(
            PatientPanel(
                name="programs",
                slot="main",
                order=10,
                template="prescribing/_patient_programs.html",
                context=programs_panel_context,
            )
        )
