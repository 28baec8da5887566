"""Bulk downloads of a filtered list of recommendations: CSV, XLSX, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from rightstrack.outputs.spreadsheets import TextWorkbook, csv_lines, workbook_bytes
from rightstrack.recommendations.models import Recommendation, RecommendationTerm

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
    prefetched = queryset.prefetch_related(
        "refs",
        "recommending_states",
        Prefetch(
            "recommendationterm_set", queryset=RecommendationTerm.objects.select_related("term__vocabulary")
        ),
    )
    for rec in prefetched.iterator(chunk_size=2000):
        terms: dict[str, list[str]] = {}
        for tag in rec.recommendationterm_set.all():
            terms.setdefault(tag.term.exported_under, []).append(tag.term.label)
        yield {
            "state": rec.review.state_id,
            "mechanism": rec.review.mechanism.code,
            "cycle": rec.review.cycle,
            "year": rec.review.year,
            "refs": {ref.scheme: ref.value for ref in rec.refs.all()},
            "text": rec.text,
            "recommending_states": [s.code for s in rec.recommending_states.all()],
            "response": rec.response,
            "wg_stage": rec.wg_stage,
            "position_qualifier": rec.position_qualifier,
            "position_conflict": rec.position_conflict,
            "action_category": rec.action_category,
            "terms": terms,
            "level": rec.level,
            "score": float(rec.level_score) if rec.level_score is not None else None,
            "url": f"/recommendations/{rec.pk}",
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
