"""The State's answers a document gives: kept as statements, and each recommendation's position decided.

Every record that carries an answer leaves a :class:`PositionStatement` (the document, its words, its
place, what they mean); the recommendation's final position, Working Group stage, qualifier and
conflict flag are then decided from all the statements about it, whatever order the documents came
in (:func:`rightstrack.core.positions.resolve`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rightstrack.core import positions
from rightstrack.core.records import ParsedDocument, RecommendationRecord
from rightstrack.documents.models import PositionStatement, SourceDocument
from rightstrack.documents.store.places import BATCH
from rightstrack.documents.store.rows import insert_rows
from rightstrack.recommendations.models import Recommendation

FIELDS = ["response", "wg_stage", "position_qualifier", "position_conflict"]
#: A statement's columns, as :meth:`Answers.write` writes them.
COLUMNS = [
    "document_id",
    "recommendation_id",
    "kind",
    "authority",
    "words",
    "stage",
    "position",
    "qualifier",
    "place",
]


#: Readings and decisions are pure functions of a few words: an export repeats the same ones row after row.
_read = lru_cache(maxsize=4096)(positions.read)
_resolve = lru_cache(maxsize=4096)(positions.resolve)


@dataclass
class Answers:
    """The answers of one document, by recommendation (keyed by the Python object until it has an id)."""

    parsed: ParsedDocument
    statements: dict[int, tuple[Recommendation, dict[str, tuple[positions.Reading, str]]]] = field(
        default_factory=dict
    )

    def add(self, obj: Recommendation, record: RecommendationRecord) -> None:
        kind, authority = positions.DOCUMENT_KINDS.get(self.parsed.kind, (positions.KIND_SECONDARY, ""))
        if record.response_kind:
            kind = record.response_kind
        words = record.response
        if record.position_qualifier and record.response.lower() in ("supported", "accepted"):
            words = record.position_qualifier
        if not words:
            return
        reading = _read(words, kind, authority)
        _, readings = self.statements.setdefault(id(obj), (obj, {}))
        place = record.place.describe()
        if record.position_source:
            place = f"{place}; source of position: {record.position_source}"
        readings.setdefault(words, (reading, place[:200]))

    def decide_new(self) -> None:
        """Positions of the recommendations this document creates (no other statement exists yet)."""
        for obj, readings in self.statements.values():
            if obj.pk is None:
                _apply(obj, _resolve(tuple(reading for reading, _ in readings.values())))

    def write(self, document: SourceDocument) -> list[Recommendation]:
        """Store the statements; decide again the positions of recommendations that existed before.

        Returns the existing recommendations whose position changed (to be saved by the caller).
        """
        existing = [obj for obj, _ in self.statements.values() if obj.pk is not None]
        earlier = _stored_readings([obj.pk for obj in existing])
        rows = [
            (
                document.pk,
                obj.pk,
                _kind(reading),
                reading.authority,
                words[:64],
                reading.stage,
                reading.position,
                reading.qualifier,
                place,
            )
            for obj, readings in self.statements.values()
            for words, (reading, place) in readings.items()
        ]
        insert_rows(PositionStatement, COLUMNS, rows)  # a statement the document made already is kept
        changed = []
        for obj in existing:
            _, readings = self.statements[id(obj)]
            decision = positions.resolve([*earlier[obj.pk], *(reading for reading, _ in readings.values())])
            if _apply(obj, decision):
                changed.append(obj)
        return changed


def _stored_readings(ids: list[int]) -> dict[int, list[positions.Reading]]:
    """The readings of the statements stored about the recommendations ``ids``, by recommendation."""
    readings: dict[int, list[positions.Reading]] = defaultdict(list)
    for start in range(0, len(ids), BATCH):
        for rec_id, stage, position, qualifier, authority in PositionStatement.objects.filter(
            recommendation_id__in=ids[start : start + BATCH]
        ).values_list("recommendation_id", "stage", "position", "qualifier", "authority"):
            readings[rec_id].append(positions.Reading(stage, position, qualifier, authority))
    return readings


def _kind(reading: positions.Reading) -> str:
    if reading.authority >= positions.AUTHORITY[positions.KIND_FINAL]:
        return positions.KIND_FINAL
    return positions.KIND_STAGE if reading.authority == positions.AUTHORITY[positions.KIND_STAGE] else ""


def _apply(obj: Recommendation, decision: positions.Decision) -> bool:
    values = (decision.position, decision.stage, decision.qualifier, decision.conflict)
    before = tuple(getattr(obj, name) for name in FIELDS)
    for name, value in zip(FIELDS, values, strict=True):
        setattr(obj, name, value)
    return before != values


def redecide(recommendations: list[Recommendation]) -> None:
    """Decide the positions of ``recommendations`` again from their stored statements (after a merge or
    a deletion)."""
    readings = _stored_readings([obj.pk for obj in recommendations])
    changed = [obj for obj in recommendations if _apply(obj, positions.resolve(readings[obj.pk]))]
    Recommendation.objects.bulk_update(changed, FIELDS, batch_size=BATCH)


def inherit_positions(pairs: list[tuple[Recommendation, Recommendation]]) -> None:
    """Each (clause, paragraph) pair: the clause, new, takes the statements made of its whole paragraph
    before the paragraph was known to hold several recommendations (an addendum read before its report)."""
    copied = COLUMNS[:1] + COLUMNS[2:]
    by_whole: dict[int, list[tuple[object, ...]]] = defaultdict(list)
    wholes = sorted({whole.pk for _, whole in pairs})
    for start in range(0, len(wholes), BATCH):
        statements = PositionStatement.objects.filter(recommendation_id__in=wholes[start : start + BATCH])
        for rec_id, *values in statements.values_list("recommendation_id", *copied):  # model's order
            by_whole[rec_id].append(tuple(values))
    rows = [(values[0], clause.pk, *values[1:]) for clause, whole in pairs for values in by_whole[whole.pk]]
    insert_rows(PositionStatement, COLUMNS, rows)
    redecide([clause for clause, _ in pairs])
