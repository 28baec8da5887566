from django.apps import AppConfig


class AssistConfig(AppConfig):
    name = "rightstrack.assist"
    verbose_name = "Machine help"
