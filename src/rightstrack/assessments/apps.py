from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "rightstrack.assessments"
    verbose_name = "Assessments and follow-up"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from rightstrack.assessments import history, levels
        from rightstrack.assessments.reference import sync_grading_schemes

        history.connect()
        levels.connect()
        post_migrate.connect(sync_grading_schemes, sender=self)
