"""Reference data every install has: the State register and the mechanisms (upserted after migrate)."""

from __future__ import annotations

from typing import Any

from rightstrack.core.mechanisms import MECHANISMS
from rightstrack.core.states import all_states
from rightstrack.recommendations.models import Mechanism, State


def sync_reference_data(**kwargs: Any) -> None:
    """Create or update States and mechanisms. Idempotent; runs after every ``migrate``."""
    known = {state.code: state for state in State.objects.all()}
    for info in all_states():
        row = known.get(info.code)
        variants = list(info.variants)
        if row is None:
            State.objects.create(code=info.code, name=info.name, variants=variants)
        elif row.name != info.name or row.variants != variants:
            row.name, row.variants = info.name, variants
            row.save(update_fields=["name", "variants"])
    for definition in MECHANISMS.values():
        Mechanism.objects.update_or_create(
            code=definition.code, defaults={"name": definition.name, "kind": definition.kind}
        )
