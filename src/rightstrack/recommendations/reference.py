"""Reference data every install has (upserted after migrate): the State register, the mechanisms and
the vocabularies the package ships."""

from __future__ import annotations

from typing import Any

from rightstrack.core.mechanisms import MECHANISMS
from rightstrack.core.states import all_states
from rightstrack.core.uhri import VERSIONS
from rightstrack.core.vocab import (
    UPR_INFO_ISSUE_ALIASES,
    UPR_INFO_ISSUES,
    parse_label_list,
    read_shipped,
    shipped_upr_info_issue_files,
    version_from_filename,
)
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
    """The vocabularies the package ships (UPR Info issues, UHRI themes and groups, SDGs), every version.

    Idempotent: a version is created once; terms the package added to a version since are added; no
    term is ever removed or renamed. Each term is linked to the terms of the version before it continues.
    """
    for definitions in VERSIONS.values():
        earlier: dict[str, Term] = {}
        for definition in definitions:
            vocabulary = _vocabulary(definition.code, definition.version, definition.name, definition.source)
            terms = _terms(vocabulary, [(term.label, term.code, term.aliases) for term in definition.terms])
            for term in definition.terms:
                previous = [earlier[key] for key in term.previous if key in earlier]
                if previous:
                    terms[term.label].previous.add(*previous)
            earlier = {term.key: terms[term.label] for term in definition.terms}
    for name in shipped_upr_info_issue_files():
        version = version_from_filename(name)
        listing = parse_label_list(read_shipped(name), name)
        vocabulary = _vocabulary(UPR_INFO_ISSUES, version, "UPR Info issues", f"rightstrack: {name}")
        _terms(vocabulary, [(label, "", _issue_aliases(label, listing.labels)) for label in listing.labels])


def _issue_aliases(label: str, labels: tuple[str, ...]) -> tuple[str, ...]:
    """Other spellings of an issue label that are not labels of the same list themselves."""
    return tuple(alias for alias, to in UPR_INFO_ISSUE_ALIASES.items() if to == label and alias not in labels)


def _vocabulary(code: str, version: str, name: str, source: str) -> Vocabulary:
    vocabulary, _ = Vocabulary.objects.get_or_create(
        code=code, version=version, defaults={"name": name, "source": source}
    )
    return vocabulary


def _terms(vocabulary: Vocabulary, wanted: list[tuple[str, str, tuple[str, ...]]]) -> dict[str, Term]:
    """The terms labelled ``wanted`` (label, code, aliases) of ``vocabulary``, created when missing."""
    have = {term.label: term for term in vocabulary.terms.all()}
    missing = [
        Term(vocabulary=vocabulary, label=label, code=code) for label, code, _ in wanted if label not in have
    ]
    for term in Term.objects.bulk_create(missing):
        have[term.label] = term
    TermAlias.objects.bulk_create(
        [
            TermAlias(term=have[label], alias=alias)
            for label, _, aliases in wanted
            for alias in aliases
            if alias != label
        ],
        ignore_conflicts=True,
    )
    return have
