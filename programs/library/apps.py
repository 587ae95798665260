from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "programs.library"
    label = "library"
    verbose_name = "Exercise library"
