from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "rightstrack.treaties"
    verbose_name = "Treaties"
