"""History rows as people read them: "level: partially implemented → fully implemented", never
``grade_id 2``. The rows keep raw values (ids, codes) so nothing is lost; this is their display."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rightstrack.assessments.models import AssessmentHistory, Grade, Status
from rightstrack.documents.models import SourceDocument

#: Each tracked field (``history.TRACKED_FIELDS``) as people name it; an unknown one is shown as it is.
FIELD_LABELS = {
    "grade_id": _("level"),
    "level_basis": _("how the level is known"),
    "original_text": _("own words"),
    "public_text": _("public text"),
    "source_note": _("source"),
    "assessed_on": _("date of the assessment"),
    "status": _("status"),
    "return_reason": _("reason for returning it"),
    "document_id": _("document"),
}

ACTIONS = {"created": _("created"), "changed": _("changed"), "deleted": _("deleted")}


@dataclass(frozen=True)
class ShownChange:
    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ShownRow:
    row: AssessmentHistory
    action: str
    changes: list[ShownChange]


class _Lookups:
    """The names behind the ids a batch of rows mentions, read once."""

    def __init__(self, rows: list[AssessmentHistory]) -> None:
        grade_ids: set[int] = set()
        document_ids: set[int] = set()
        for row in rows:
            for name, ids in (("grade_id", grade_ids), ("document_id", document_ids)):
                ids.update(v for v in row.changes.get(name, ()) if isinstance(v, int))
        self.grades = {g.pk: g for g in Grade.objects.filter(pk__in=grade_ids).select_related("scheme")}
        self.documents = {d.pk: d.title or d.name for d in SourceDocument.objects.filter(pk__in=document_ids)}

    def value(self, field: str, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if field == "grade_id":
            grade = self.grades.get(value)
            if grade is None:
                return gettext("a level since removed")
            label = gettext(grade.label)  # the IRI's levels are in the catalogue; other schemes as written
            return label if grade.scheme.code == "iri" else f"{grade.code}: {label}"
        if field == "status":
            return str(Status(value).label) if value in Status.values else str(value)
        if field == "assessed_on" and isinstance(value, str):
            try:
                return formats.date_format(date.fromisoformat(value), "DATE_FORMAT")
            except ValueError:
                return value
        if field == "level_basis":
            return gettext(str(value))  # the portal's "stated by the contributor" is in the catalogue
        if field == "document_id":
            return self.documents.get(value, gettext("a document since removed"))
        return str(value)


def shown(rows: Iterable[AssessmentHistory]) -> list[ShownRow]:
    """``rows`` with each field's label and each value's display, in the active language."""
    rows = list(rows)
    lookups = _Lookups(rows)
    result = []
    for row in rows:
        changes = []
        for name, values in row.changes.items():
            if not (isinstance(values, list) and len(values) == 2):
                continue
            before, after = lookups.value(name, values[0]), lookups.value(name, values[1])
            if before != after:  # a field created empty says nothing
                changes.append(ShownChange(str(FIELD_LABELS.get(name, name)), before, after))
        result.append(ShownRow(row, str(ACTIONS.get(row.action, row.action)), changes))
    return result
