import os

from django.core.wsgi import get_wsgi_application

from rightstrack.config.gc_tuning import tune_gc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.config.settings")
application = get_wsgi_application()


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


def warm_search(server: str) -> None:
    """Load the sentence encoder and the stored vectors before serving (gunicorn only).

    Loaded by the first search by meaning instead, they cost that process about 5 s of CPU (the
    multilingual encoder) while its other thread waits: a page stalled for 7 s under bench/load.py.
    """
    import logging

    from django.conf import settings
    from django.db import DatabaseError, connection

    if not (server.startswith("gunicorn") and settings.RIGHTSTRACK_WARM_SEARCH):
        return
    from rightstrack.assist.embeddings import configured_embedder, current_index

    try:
        configured_embedder().embed(["warm-up"])
        current_index()
    except (DatabaseError, OSError) as error:  # the site still starts; the first search pays it
        logging.getLogger("rightstrack.wsgi").warning("search not warmed at start: %s", error)
    finally:
        connection.close()


warm_search(os.environ.get("SERVER_SOFTWARE", ""))
tune_gc()  # after the warm-up: the encoder's objects are frozen with the rest of the start-up
