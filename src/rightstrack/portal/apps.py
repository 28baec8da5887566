from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "rightstrack.portal"
    verbose_name = "Stakeholder portal"
