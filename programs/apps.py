from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = "Exercise programs"

    def ready(self) -> None:
        # patients may not import programs, so programs tells patients what a red flag means
        # for a program: it is paused in the assessment's own transaction.
        from patients.services import assessment_handler_register
        from programs.services.status import program_pause_for_red_flags

        assessment_handler_register(program_pause_for_red_flags)
