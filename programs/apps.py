from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """The top of the clinical floor: what draws on all its apps (the FHIR export, the demo
    clinic) and the migration history of the days when programs was one app."""

    name = "programs"
    verbose_name = "Exercise programs"
