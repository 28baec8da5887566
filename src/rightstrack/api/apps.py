from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rightstrack.api"
    verbose_name = "REST API"

    def ready(self) -> None:
        from rightstrack.api import schema  # noqa: F401  (registers the schema corrections)
