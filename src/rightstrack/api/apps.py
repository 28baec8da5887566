from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rightstrack.api"
    verbose_name = "REST API"

    def ready(self) -> None:
        from rightstrack.api import (
            schema,  # noqa: F401  (registers the schema corrections)
            token,  # noqa: F401  (a password change deletes the API token)
        )
        from rightstrack.config import checks  # noqa: F401  (check --deploy refuses the development key)
