from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "rightstrack.reports"
    verbose_name = "Reports"
