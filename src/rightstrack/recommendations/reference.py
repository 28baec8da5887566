"""Reference data every install has: the State register and the mechanisms (upserted after migrate)."""

from __future__ import annotations

from typing import Any

from rightstrack.core.mechanisms import MECHANISMS
from rightstrack.core.states import all_states
from rightstrack.core.uhri import VOCABULARIES
from rightstrack.recommendations.models import Mechanism, State, Term, TermAlias, Vocabulary


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
    sync_builtin_vocabularies()


def sync_builtin_vocabularies() -> None:
    """The vocabularies defined in code (UHRI themes and groups, SDGs): created once per version."""
    for definition in VOCABULARIES.values():
        vocabulary, created = Vocabulary.objects.get_or_create(
            code=definition.code,
            version=definition.version,
            defaults={"name": definition.name, "source": definition.source},
        )
        if not created:
            continue
        terms = Term.objects.bulk_create(
            [Term(vocabulary=vocabulary, label=term.label, code=term.code) for term in definition.terms]
        )
        TermAlias.objects.bulk_create(
            [
                TermAlias(term=row, alias=alias)
                for row, term in zip(terms, definition.terms, strict=True)
                for alias in term.aliases
                if alias != term.label
            ],
            ignore_conflicts=True,
        )
