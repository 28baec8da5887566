"""Loading a controlled vocabulary from a file of labels (one a line), idempotent; finding the version
a document uses. (The vocabularies the package ships load on ``migrate``: ``reference.py``.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.vocab import (
    UPR_INFO_ISSUE_ALIASES,
    UPR_INFO_ISSUES,
    first_year,
    parse_label_list,
    version_from_filename,
)
from rightstrack.ingest.reading import load
from rightstrack.recommendations.models import RecommendationTerm, Term, TermAlias, TermMapping, Vocabulary

NAMES = {UPR_INFO_ISSUES: "UPR Info issues"}
ALIASES = {UPR_INFO_ISSUES: UPR_INFO_ISSUE_ALIASES}


@dataclass(frozen=True)
class VocabularyReport:
    code: str
    version: str
    labels: int
    created: int
    problems: list[str]


def import_vocabulary(path: Path, code: str = UPR_INFO_ISSUES, version: str = "") -> VocabularyReport:
    """Load the labels of ``path`` as version ``version`` (default: the year range in the file name)."""
    loaded = load(path)
    version = version or version_from_filename(path.name)
    if not version:
        raise DocumentRejected("no version given and none in the file name (e.g. issues_2008-2014.txt)")
    listing = parse_label_list(loaded.text, path.name)
    if not listing.labels:
        raise DocumentRejected("the file holds no labels")
    created = 0
    with transaction.atomic():
        vocabulary, _ = Vocabulary.objects.get_or_create(
            code=code, version=version, defaults={"name": NAMES.get(code, code), "source": path.name}
        )
        existing = set(vocabulary.terms.values_list("label", flat=True))
        for label in listing.labels:
            if label not in existing:
                Term.objects.create(vocabulary=vocabulary, label=label)
                created += 1
        terms = {term.label: term for term in vocabulary.terms.all()}
        for alias, label in ALIASES.get(code, {}).items():
            if label in terms and alias not in terms:
                TermAlias.objects.get_or_create(term=terms[label], alias=alias)
    return VocabularyReport(
        code, version, len(listing.labels), created, [p.describe() for p in listing.problems]
    )


def vocabulary_version(code: str, year: int | None = None) -> Vocabulary | None:
    """The latest version of vocabulary ``code`` begun by ``year`` (the earliest when none had begun);
    ``None`` when the vocabulary is not loaded."""
    versions = list(Vocabulary.objects.filter(code=code))
    if not versions:
        return None
    begun = [v for v in versions if first_year(v.version) <= (year or 9999)]
    if not begun:
        return min(versions, key=lambda v: first_year(v.version))
    return max(begun, key=lambda v: first_year(v.version))


def terms_by_label(code: str, year: int | None = None, unmatched: bool = False) -> dict[str, Term] | None:
    """Labels, codes and aliases (case-folded) → terms of the version of vocabulary ``code`` a document
    of ``year`` uses (:func:`vocabulary_version`); ``None`` when the vocabulary is not loaded.

    With ``unmatched``, the unmatched labels already kept in that version are there too, unless an
    editor mapped them (their label is then an alias of the term they were mapped to); a known term
    wins over an unmatched one.
    """
    vocabulary = vocabulary_version(code, year)
    if vocabulary is None:
        return None
    mapping: dict[str, Term] = {}
    terms = vocabulary.terms.filter(mapped_to=None) if unmatched else vocabulary.terms.filter(unmatched=False)
    terms = terms.prefetch_related("aliases").order_by("-unmatched", "id")
    for term in terms:  # unmatched first: known terms and their aliases overwrite them
        mapping[term.label.casefold()] = term
        if term.code:
            mapping[term.code.casefold()] = term
        for alias in term.aliases.all():
            mapping[alias.alias.casefold()] = term
    return mapping


class MappingError(ValueError):
    """What an editor asked cannot be done (said in words)."""


@transaction.atomic
def map_unmatched(term: Term, target: Term, editor: Any = None) -> TermMapping:
    """Map the unmatched label ``term`` to the known term ``target`` of the same vocabulary version:
    the label becomes an alias of ``target`` (later documents find it), every recommendation tagged with
    it is re-tagged with ``target``, and a history row says who did it, when, and to how many."""
    if not term.unmatched or term.mapped_to_id is not None:
        raise MappingError(f"{term.label!r} is not an unmatched label waiting for an editor")
    if target.unmatched or target.vocabulary_id != term.vocabulary_id:
        raise MappingError(f"{target.label!r} is not a term of {term.vocabulary}")
    TermAlias.objects.get_or_create(term=target, alias=term.label)
    retagged = _retag(term, target)
    term.mapped_to = target
    term.save(update_fields=["mapped_to"])
    return TermMapping.objects.create(
        term=term, target=target, action=TermMapping.Action.MAPPED, retagged=retagged, editor=editor
    )


@transaction.atomic
def add_to_new_version(terms: list[Term], version: str, editor: Any = None) -> Vocabulary:
    """A new version ``version`` of the vocabulary of ``terms`` (unmatched labels of one version): every
    term of that version (each continuing its older twin) and these labels as terms; the records tagged
    with them are re-tagged with the new terms, with a history row each. The old version is kept."""
    if not terms or any(not term.unmatched or term.mapped_to_id is not None for term in terms):
        raise MappingError("only unmatched labels waiting for an editor can be added to a new version")
    old = terms[0].vocabulary
    if any(term.vocabulary_id != old.id for term in terms):
        raise MappingError("the labels belong to different vocabularies")
    if Vocabulary.objects.filter(code=old.code, version=version).exists() or first_year(version) < first_year(
        old.version
    ):
        raise MappingError(f"version {version!r} of {old.code} exists already or is older than {old.version}")
    new = Vocabulary.objects.create(
        code=old.code, version=version, name=old.name, source=f"{old.source}; editors"
    )
    for known in old.terms.filter(unmatched=False).prefetch_related("aliases"):
        twin = Term.objects.create(vocabulary=new, label=known.label, code=known.code)
        twin.previous.add(known)
        TermAlias.objects.bulk_create([TermAlias(term=twin, alias=a.alias) for a in known.aliases.all()])
    for term in terms:
        added = Term.objects.create(vocabulary=new, label=term.label)
        retagged = _retag(term, added)
        term.mapped_to = added
        term.save(update_fields=["mapped_to"])
        TermMapping.objects.create(
            term=term, target=added, action=TermMapping.Action.ADDED, retagged=retagged, editor=editor
        )
    return new


def _retag(term: Term, target: Term) -> int:
    """Move every recommendation tagged ``term`` to ``target`` (as an editor's tag); how many moved."""
    tags = RecommendationTerm.objects.filter(term=term)
    has_target = RecommendationTerm.objects.filter(term=target).values("recommendation_id")
    retagged = tags.count()
    tags.filter(recommendation_id__in=has_target).delete()
    tags.update(term=target, origin=RecommendationTerm.Origin.EDITOR, confirmed=True)
    return retagged
