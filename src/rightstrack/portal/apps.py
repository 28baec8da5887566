from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "rightstrack.portal"
    verbose_name = "Stakeholder portal"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from rightstrack.portal.roles import sync_editor_group

        post_migrate.connect(sync_editor_group, sender=self)
