"""Bulk downloads of a filtered list of recommendations: CSV, XLSX, JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from rightstrack.outputs.spreadsheets import TextWorkbook, csv_lines, workbook_bytes
from rightstrack.recommendations.chunks import in_chunks
from rightstrack.recommendations.models import Recommendation

COLUMNS = [
    "state",
    "mechanism",
    "cycle",
    "year",
    "refs",
    "text",
    "recommending_states",
    "response",
    "wg_stage",
    "position_qualifier",
    "position_conflict",
    "action_category",
    "terms",
    "level",
    "score",
    "url",
]


def rows(queryset: QuerySet[Recommendation]) -> Iterator[dict[str, Any]]:
    """Each recommendation of ``queryset`` in its order, read as plain values a chunk at a time with the
    chunk's references, States and terms in three queries (no model instances: several times faster)."""
    values = queryset.values_list(
        "id",
        "review__state_id",
        "review__mechanism__code",
        "review__cycle",
        "review__year",
        "text",
        "response",
        "wg_stage",
        "position_qualifier",
        "position_conflict",
        "action_category",
        "level",
        "level_score",
    )
    for chunk, related in in_chunks(values):
        refs = {pk: dict(found) for pk, found in related.refs.items()}  # one value per scheme, the last
        terms: dict[int, dict[str, list[str]]] = defaultdict(dict)
        for pk, found in related.terms.items():
            for vocabulary, label, unmatched in found:
                terms[pk].setdefault(f"{vocabulary}-unmatched" if unmatched else vocabulary, []).append(label)
        states = related.states
        for (
            pk,
            state,
            mechanism,
            cycle,
            year,
            text,
            response,
            stage,
            qualifier,
            conflict,
            category,
            level,
            score,
        ) in chunk:
            yield {
                "state": state,
                "mechanism": mechanism,
                "cycle": cycle,
                "year": year,
                "refs": refs.get(pk, {}),
                "text": text,
                "recommending_states": states[pk],
                "response": response,
                "wg_stage": stage,
                "position_qualifier": qualifier,
                "position_conflict": conflict,
                "action_category": category,
                "terms": terms[pk],
                "level": level,
                "score": float(score) if score is not None else None,
                "url": f"/recommendations/{pk}",
            }


def _flat(row: dict[str, Any]) -> list[Any]:
    return [
        row["state"],
        row["mechanism"],
        row["cycle"],
        row["year"],
        "; ".join(f"{k}:{v}" for k, v in row["refs"].items()),
        row["text"],
        "; ".join(row["recommending_states"]),
        row["response"],
        row["wg_stage"],
        row["position_qualifier"],
        row["position_conflict"],
        row["action_category"],
        "; ".join(f"{code}:{label}" for code, labels in row["terms"].items() for label in labels),
        row["level"],
        row["score"],
        row["url"],
    ]


def csv_chunks(queryset: QuerySet[Recommendation]) -> Iterator[bytes]:
    """The list as CSV, UTF-8 with a BOM (Excel reads Cyrillic), one row at a time for a streamed response."""
    for line in csv_lines(COLUMNS, (_flat(row) for row in rows(queryset)), bom=True):
        yield line.encode("utf-8")


def json_chunks(queryset: QuerySet[Recommendation]) -> Iterator[bytes]:
    """The list as ``{"recommendations": [...]}``, one recommendation at a time for a streamed response."""
    yield b'{"recommendations": ['
    for number, row in enumerate(rows(queryset)):
        yield (",\n" if number else "\n").encode() + json.dumps(row, ensure_ascii=False).encode("utf-8")
    yield b"\n]}\n"


def as_xlsx(queryset: QuerySet[Recommendation]) -> bytes:
    workbook = TextWorkbook(write_only=True)
    sheet = workbook.create_sheet("Recommendations")
    sheet.append(COLUMNS)
    for row in rows(queryset):
        sheet.append(_flat(row))
    return workbook_bytes(workbook)
