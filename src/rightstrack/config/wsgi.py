import os

from django.core.wsgi import get_wsgi_application

from rightstrack.config.gc_tuning import tune_gc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.config.settings")
application = get_wsgi_application()
tune_gc()


def _refuse_the_development_key() -> None:
    """The site (gunicorn) does not start on the published development key unless debugging."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY and not settings.DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: RightsTrack will not serve the site with the development key, which "
            "anyone can read (sessions and password-reset links could be forged). Set SECRET_KEY in the "
            'environment (python3 -c "import secrets; print(secrets.token_urlsafe(50))"), see DEPLOY.md.'
        )


_refuse_the_development_key()
