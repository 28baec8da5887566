"""The State's own totals in the opening paragraphs, and whether what was read reproduces them.

>>> read_totals("Chad received 215 recommendations. Of these, 58 recommendations were immediately "
...     "supported at the time of the review. Of the remaining 157, 124 are now supported and 33 noted.")
{'total': 215, 'immediately supported': 58, 'remaining': 157, 'now supported': 124, 'now noted': 33}
>>> read_totals("Of the 190 recommendations received, Chad supports 150 and notes 40.")
{'total': 190, 'supported': 150, 'noted': 40}
>>> stated = {'total': 215, 'immediately supported': 58, 'remaining': 157, 'now supported': 124}
>>> stated['now noted'] = 33
>>> for message in disagreements(stated, {'supported': 123, 'noted': 33}): print(message)
the addendum gives positions on 157 remaining recommendations; 156 references were read with a position
the addendum's totals make 124 of the remaining 157 supported; 123 references were read supported
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_N = r"(\d{1,4})"
_RECS = r"(?:\s+(?:of\s+(?:these|them|the)\s+)?(?:recommendations?|of\s+them))?"
_BE = r"(?:\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been|enjoy(?:ed)?|be))?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "total",
        re.compile(rf"(?:received|receives|made|contains|total\s+of|the)\s+{_N}\s+recommendations", re.I),
    ),
    (
        "immediately supported",
        re.compile(
            rf"{_N}{_RECS}{_BE}\s+(?:immediately|already)\s+(?:supported|accepted)"
            rf"|(?:immediately|already)\s+(?:supported|accepted)\s+{_N}",
            re.I,
        ),
    ),
    (
        "remaining",
        re.compile(
            rf"\bremaining\s+{_N}\b|{_N}\s+remaining\b|{_N}\s+(?:recommendations\s+)?"
            r"(?:were|was)\s+(?:left\s+)?pending",
            re.I,
        ),
    ),
    ("now supported", re.compile(rf"{_N}{_RECS}{_BE}\s+now\s+(?:supported|accepted)", re.I)),
    (
        "now noted",
        re.compile(
            rf"{_N}{_RECS}{_BE}\s+now\s+noted|now\s+supported\s+and\s+{_N}\s+(?:are\s+|were\s+)?(?:now\s+)?noted",
            re.I,
        ),
    ),
    (
        "supported",
        re.compile(
            rf"(?:supports|accepts|supported|accepted)\s+{_N}\b|{_N}{_RECS}{_BE}\s+(?:supported|accepted)"
            r"(?!\s+at\s+the\s+time)",
            re.I,
        ),
    ),
    (
        "noted",
        re.compile(
            rf"(?:notes|noted|takes\s+note\s+of|rejects|(?:does\s+not|cannot)\s+(?:accept|support))\s+{_N}\b"
            rf"|{_N}{_RECS}{_BE}\s+(?:noted|rejected|not\s+accepted)",
            re.I,
        ),
    ),
)


def _first(pattern: re.Pattern[str], text: str, used: set[int]) -> tuple[int, int] | None:
    for found in pattern.finditer(text):
        for group in range(1, (pattern.groups or 0) + 1):
            if found[group] is not None and found.start(group) not in used:
                return int(found[group]), found.start(group)
    return None


def read_totals(text: str) -> dict[str, int]:
    """The totals ``text`` states, by name; each number counts once (the first name that claims it)."""
    totals: dict[str, int] = {}
    used: set[int] = set()
    for name, pattern in _PATTERNS:
        if name in {"supported", "noted"} and ("now supported" in totals or "now noted" in totals):
            continue
        found = _first(pattern, text, used)
        if found is not None:
            totals[name] = found[0]
            used.add(found[1])
    return totals


def disagreements(stated: Mapping[str, int], read: Mapping[str, int]) -> list[str]:
    """What the stated totals say that the positions read (``supported``/``noted``/``supported/noted``
    counts of references) do not reproduce."""
    supported, noted, split = read.get("supported", 0), read.get("noted", 0), read.get("supported/noted", 0)
    listed = supported + noted + split
    found: list[str] = []
    if "now supported" in stated or "now noted" in stated:
        remaining, whole = stated.get("remaining"), stated.get("total")
        if whole is not None and listed == whole and listed != remaining:
            scope = f"all {whole} recommendations"
            expected = {
                "supported": stated.get("immediately supported", 0) + stated.get("now supported", 0),
                "noted": stated.get("now noted", 0),
            }
        else:
            scope = f"the remaining {remaining}" if remaining is not None else "the pending"
            expected = {"supported": stated.get("now supported", 0), "noted": stated.get("now noted", 0)}
            if remaining is not None and listed != remaining:
                found.append(
                    f"the addendum gives positions on {remaining} remaining recommendations; "
                    f"{listed} references were read with a position"
                )
    else:
        scope = "the recommendations"
        expected = {name: stated[name] for name in ("supported", "noted") if name in stated}
        if "total" in stated and stated["total"] != listed:
            found.append(
                f"the addendum says {stated['total']} recommendations; "
                f"{listed} references were read with a position"
            )
    for name, count in (("supported", supported), ("noted", noted)):
        if name in expected and expected[name] != count + split:
            found.append(
                f"the addendum's totals make {expected[name]} of {scope} {name}; "
                f"{count} references were read {name}" + (f" and {split} {name} in part" if split else "")
            )
    return found
