"""Rows written in bulk (link tables, provenance, statements of position) keep every value as given."""

from __future__ import annotations

from pathlib import Path

from django.db import connection

from rightstrack.documents.models import PositionStatement, SourceDocument
from rightstrack.documents.store.positions import COLUMNS
from rightstrack.documents.store.rows import insert_rows
from rightstrack.recommendations.models import Recommendation, RecommendationTerm, Term


def test_bulk_rows_keep_their_words_numbers_and_flags_and_skip_what_is_already_there(
    kazakhstan_mia: Path,
) -> None:
    document = SourceDocument.objects.get()
    first, second = Recommendation.objects.order_by("id")[:2]
    words = ["accepted", "Принята — «частично»", "7", ""]
    if connection.vendor == "sqlite":  # PostgreSQL refuses a NUL in any text
        words.append("noted\x00 (a NUL the file held)")
    rows = [
        (document.pk, first.pk, "final", 30 + at, word, "", "noted", "", f"line {at}")
        for at, word in enumerate(words)
    ]
    before = PositionStatement.objects.filter(recommendation=first).count()
    insert_rows(PositionStatement, COLUMNS, [*rows, rows[0]])  # the repeated row is skipped
    stored = PositionStatement.objects.filter(recommendation=first, place__startswith="line ")
    assert sorted(stored.values_list("words", "authority", "place")) == sorted(
        (word, 30 + at, f"line {at}") for at, word in enumerate(words)
    )
    assert PositionStatement.objects.filter(recommendation=first).count() == before + len(words)

    term = Term.objects.filter(unmatched=False).first()
    assert term is not None
    RecommendationTerm.objects.filter(recommendation=second, term=term).delete()
    insert_rows(
        RecommendationTerm,
        ["recommendation_id", "term_id", "origin", "confirmed"],
        [(second.pk, term.pk, "document", False)],
    )
    tag = RecommendationTerm.objects.get(recommendation=second, term=term)
    assert (tag.origin, tag.confirmed) == ("document", False)
