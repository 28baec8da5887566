from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "rightstrack.evidence"
    verbose_name = "Evidence"
