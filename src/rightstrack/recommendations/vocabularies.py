"""Loading a controlled vocabulary from a file of labels (one a line). Idempotent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
from rightstrack.recommendations.models import Term, TermAlias, Vocabulary

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


def terms_by_label(code: str, year: int | None = None) -> dict[str, Term] | None:
    """Labels, codes and aliases (case-folded) → terms of the latest version of vocabulary ``code``
    begun by ``year`` (any version when none had begun); ``None`` when the vocabulary is not loaded."""
    versions = list(Vocabulary.objects.filter(code=code))
    begun = [v for v in versions if first_year(v.version) <= (year or 9999)] or versions
    if not begun:
        return None
    vocabulary = max(begun, key=lambda v: first_year(v.version))
    mapping: dict[str, Term] = {}
    for term in vocabulary.terms.prefetch_related("aliases"):
        mapping[term.label.casefold()] = term
        if term.code:
            mapping[term.code.casefold()] = term
        for alias in term.aliases.all():
            mapping[alias.alias.casefold()] = term
    return mapping
