from django.apps import AppConfig


class ActionPlansConfig(AppConfig):
    name = "rightstrack.actionplans"
    verbose_name = "Action plans"
