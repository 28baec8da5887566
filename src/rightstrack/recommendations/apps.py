from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "rightstrack.recommendations"
    verbose_name = "Recommendations"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from rightstrack.recommendations.reference import sync_reference_data

        post_migrate.connect(sync_reference_data, sender=self)
