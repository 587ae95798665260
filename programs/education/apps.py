from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "programs.education"
    label = "education"
    verbose_name = "Education"

    def ready(self) -> None:
        from patients.panels import PatientPanel, patient_panel_register
        from programs.education.panels import reading_panel_context

        patient_panel_register(
            PatientPanel(
                name="reading",
                slot="main",
                order=15,
                template="education/_patient_reading.html",
                context=reading_panel_context,
            )
        )
