from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "programs.followup"
    label = "followup"
    verbose_name = "Follow-up"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from patients.panels import PatientPanel, patient_panel_register
        from patients.services import assessment_handler_register, record_handler_register
        from programs.followup.panels import attention_panel_context, sessions_panel_context
        from programs.followup.services import (
            attention_follow_record,
            attention_refresh_on_assessment,
            attention_refresh_on_status_change,
            program_pause_for_red_flags,
        )
        from programs.followup.upgrade import attention_fill_after_upgrade
        from programs.prescribing.services import status_change_handler_register

        # An upgraded database gets its dashboard rows once every migration has run.
        post_migrate.connect(attention_fill_after_upgrade, sender=self)
        # A red flag pauses the active program in the assessment's own transaction
        # (patients never imports programs, so the pause is registered here).
        assessment_handler_register(program_pause_for_red_flags)
        # ...and the dashboard's reasons follow the referral it adds or clears.
        assessment_handler_register(attention_refresh_on_assessment)
        # ...and the archiving of a patient, a new clinician, a program's new status (the
        # dashboard reads its rows without joins, so they must hold only what it shows).
        record_handler_register(attention_follow_record)
        status_change_handler_register(attention_refresh_on_status_change)
        patient_panel_register(
            PatientPanel(
                name="attention",
                slot="attention",
                order=10,
                template="followup/_patient_followup.html",
                context=attention_panel_context,
            )
        )
        patient_panel_register(
            PatientPanel(
                name="sessions",
                slot="main",
                order=20,
                template="followup/_patient_sessions.html",
                context=sessions_panel_context,
            )
        )
