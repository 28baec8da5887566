from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "rightstrack.web"
    verbose_name = "Public site"
