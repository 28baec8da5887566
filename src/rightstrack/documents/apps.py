from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "rightstrack.documents"
    verbose_name = "Source documents"
