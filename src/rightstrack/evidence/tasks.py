"""Evidence linking in the background: queued after every import that stored evidence."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task


@task()
def link_pending(states: list[str]) -> dict[str, int]:
    """Link the evidence of ``states`` to their recommendations, then suggest their levels per kind."""
    from rightstrack.evidence.linking import link_evidence
    from rightstrack.evidence.suggesting import suggest_for_states

    made = link_evidence(states)
    suggest_for_states(made)
    return made


def queue_after_import(states: list[str]) -> None:
    """Queue the linking (unless ``RIGHTSTRACK_MACHINE_HELP`` is off)."""
    if settings.RIGHTSTRACK_MACHINE_HELP and states:
        link_pending.enqueue(sorted(set(states)))
