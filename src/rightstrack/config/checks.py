"""``manage.py check --deploy`` errors that Django's own checks do not see."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=True)
def development_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """The development key is long enough for Django's W009, and published: refuse it in production."""
    if settings.SECRET_KEY != settings.DEVELOPMENT_SECRET_KEY:
        return []
    return [
        Error(
            "SECRET_KEY is not set: the development key is public.",
            hint='Set SECRET_KEY (python3 -c "import secrets; print(secrets.token_urlsafe(50))").',
            id="rightstrack.E001",
        )
    ]
