import os

from django.core.wsgi import get_wsgi_application

from rightstrack.config.gc_tuning import tune_gc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.config.settings")
application = get_wsgi_application()
tune_gc()


def refuse_the_development_key(server: str) -> None:
    """A production server (gunicorn) does not start on the published development key unless debugging.

    ``rightstrack serve`` (Django's development server on loopback) and the tests keep it.
    """
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    development = settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY
    if server.startswith("gunicorn") and development and not settings.DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: RightsTrack will not serve the site with the development key, "
            "which anyone can read (sessions and password-reset links could be forged). Set SECRET_KEY "
            'in the environment (python3 -c "import secrets; print(secrets.token_urlsafe(50))"), '
            "see DEPLOY.md."
        )


refuse_the_development_key(os.environ.get("SERVER_SOFTWARE", ""))  # gunicorn sets it before loading us
