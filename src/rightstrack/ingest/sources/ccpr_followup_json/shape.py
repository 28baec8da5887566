"""Typed access to decoded JSON: each getter names the path of what is missing or of the wrong type.

>>> field({"meta": {"n": 6}}, "meta", "hrc", dict)["n"]
6
>>> field({"meta": []}, "meta", "hrc", dict)
Traceback (most recent call last):
...
rightstrack.core.errors.DocumentRejected: document (hrc.meta): expected an object, found an array
"""

from __future__ import annotations

import re
from datetime import date
from types import MappingProxyType
from typing import Any

from rightstrack.core.dates import MONTH_NUMBERS
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

_KINDS = MappingProxyType({dict: "an object", list: "an array", str: "a string", int: "an integer"})
_MONTHS = MONTH_NUMBERS
_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
_RANGE = re.compile(
    r"^(\d{1,2})(?:\s+([A-Za-z]+))?(?:\s+(\d{4}))?\s*[–—-]\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$"
)


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return next((name for cls, name in _KINDS.items() if isinstance(value, cls)), type(value).__name__)


def child(path: str, key: str | int) -> str:
    return f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key


def expect[T](value: object, path: str, kind: type[T]) -> T:
    """``value`` when it is of ``kind`` (bool is no integer); else rejects, naming ``path``."""
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    raise DocumentRejected(f"expected {_KINDS[kind]}, found {kind_of(value)}", Place(section=path))


def field[T](container: dict[str, Any], key: str, path: str, kind: type[T]) -> T:
    """``container[key]`` of ``kind``; rejects when it is missing or of another type."""
    where = child(path, key)
    if key not in container:
        raise DocumentRejected(f"missing {key!r}", Place(section=path or "top level"))
    return expect(container[key], where, kind)


def day(text: str) -> date | None:
    """``11 July 2016`` as a date; None when it does not read as one."""
    match = _DATE.match(text.strip())
    if match is None or match.group(2).casefold() not in _MONTHS:
        return None
    return _safe_date(int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1)))


def day_range(text: str) -> tuple[date, date] | None:
    """``2–27 July 2018`` (or ``28 June–3 July 2018``) as its first and last day; None otherwise."""
    match = _RANGE.match(text.strip())
    if match is None:
        single = day(text)
        return (single, single) if single else None
    d1, m1, y1, d2, m2, y2 = match.groups()
    month2 = _MONTHS.get(m2.casefold())
    month1 = _MONTHS.get(m1.casefold()) if m1 else month2
    if month1 is None or month2 is None:
        return None
    first = _safe_date(int(y1 or y2), month1, int(d1))
    last = _safe_date(int(y2), month2, int(d2))
    return (first, last) if first and last and first <= last else None


def _safe_date(year: int, month: int, number: int) -> date | None:
    try:
        return date(year, month, number)
    except ValueError:
        return None
