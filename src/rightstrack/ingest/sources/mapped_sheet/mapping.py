"""Which column of a spreadsheet holds what: ``--columns text=Recommendation,state=Country`` or a JSON file.

A field is mapped to a column by its header (``field=Header``), or given one value for every row
(``field:=value``, e.g. ``mechanism:=CCPR`` or ``cycle:=3``). ``text`` and ``state`` are required.

>>> mapping = parse_columns("text=Recommendation, state=Country,paragraph=No.,position=Response,cycle:=3")
>>> mapping.columns["paragraph"], mapping.values
('No.', {'cycle': '3'})
>>> mapping.describe()
'text=Recommendation, state=Country, paragraph=No., position=Response, cycle:=3'
>>> parse_columns("text=A,colour=B")
Traceback (most recent call last):
...
rightstrack.core.errors.DocumentRejected: document (mapping): unknown field 'colour'; fields: text, \
state, paragraph, position, recommending, mechanism, symbol, session, cycle, year, theme
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

FIELDS = (
    "text",
    "state",
    "paragraph",
    "position",
    "recommending",
    "mechanism",
    "symbol",
    "session",
    "cycle",
    "year",
    "theme",
)
REQUIRED = ("text", "state")
_PLACE = Place(section="mapping")


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # field → header of its column
    values: dict[str, str] = field(default_factory=dict)  # field → one value for every row

    def describe(self) -> str:
        parts = [f"{name}={header}" for name, header in self.columns.items()]
        parts += [f"{name}:={value}" for name, value in self.values.items()]
        return ", ".join(parts)


def make(columns: dict[str, str], values: dict[str, str]) -> Mapping:
    """The mapping of ``columns`` (field → header) and ``values`` (field → one value), checked."""
    return _checked(
        {k.lower(): v.strip() for k, v in columns.items() if v.strip()},
        {k.lower(): v.strip() for k, v in values.items() if v.strip()},
    )


def _checked(columns: dict[str, str], values: dict[str, str]) -> Mapping:
    for name in (*columns, *values):
        if name not in FIELDS:
            raise DocumentRejected(f"unknown field {name!r}; fields: {', '.join(FIELDS)}", _PLACE)
    both = sorted(set(columns) & set(values))
    if both:
        raise DocumentRejected(f"{', '.join(both)}: given both a column and a value", _PLACE)
    missing = [name for name in REQUIRED if name not in columns and name not in values]
    if missing:
        raise DocumentRejected(f"the mapping lacks the field(s) {', '.join(missing)}", _PLACE)
    return Mapping(columns, values)


def parse_columns(text: str) -> Mapping:
    """``field=Header`` and ``field:=value`` pairs, comma-separated."""
    columns: dict[str, str] = {}
    values: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sign, rest = part.partition("=")
        if not sign or not rest.strip():
            raise DocumentRejected(f"{part.strip()!r}: write field=Header or field:=value", _PLACE)
        if name.endswith(":"):
            values[name[:-1].strip().lower()] = rest.strip()
        else:
            columns[name.strip().lower()] = rest.strip()
    return _checked(columns, values)


def parse_json(text: str) -> Mapping:
    """``{"columns": {"text": "Recommendation", ...}, "values": {"mechanism": "CCPR"}}``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentRejected(f"the mapping is not JSON: {error.msg}", Place(line=error.lineno)) from None
    if not isinstance(data, dict) or not isinstance(data.get("columns", {}), dict):
        raise DocumentRejected('write {"columns": {"text": "Header", ...}, "values": {...}}', _PLACE)
    columns, values = data.get("columns", {}), data.get("values", {})
    if not isinstance(values, dict):
        raise DocumentRejected('"values" must be an object', _PLACE)
    return _checked(
        {str(k).lower(): str(v) for k, v in columns.items()},
        {str(k).lower(): str(v) for k, v in values.items()},
    )
