"""Machine help in the background: queued after every import that changed recommendations."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.tasks import task


@task()
def analyse_pending() -> dict[str, Any]:
    """Embed, classify and link whatever recommendations still need it."""
    from rightstrack.assist.pipeline import analyse

    return analyse(relink="changed").as_json()


def queue_after_import() -> None:
    """Queue a pass of machine help (unless ``RIGHTSTRACK_MACHINE_HELP`` is off)."""
    if settings.RIGHTSTRACK_MACHINE_HELP:
        analyse_pending.enqueue()
