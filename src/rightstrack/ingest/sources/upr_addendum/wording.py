"""The words by which an addendum gives a final position, and the qualifier beside a supported one.

The values are those of ``rightstrack.core.positions``: final positions ``supported``, ``noted`` and
``supported/noted`` (the State split its answer); qualifiers ``already implemented``, ``in process of
implementation`` and ``already implemented or in process``.

>>> [(v.position, v.start) for v in verbs("The Government supports 122.1 and notes 122.2")]
[('supported', 15), ('noted', 34)]
>>> [v.position for v in verbs("Kazakhstan cannot support recommendation 89.4; it is rejected")]
['noted', 'noted']
>>> [v.position for v in verbs("Recommendation 89.3: partially accepted.")]
['supported/noted']
>>> [v.position for v in verbs("Recommendations 89.3 and 89.4 are supported in part.")]
['supported/noted']
>>> qualifier("accepts and considers already implemented or in the process of implementation")
'already implemented or in process'
>>> cell_position("Not accepted"), cell_position("Accepted – already implemented"), cell_position("Pending")
('noted', 'supported', '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPPORTED = "supported"
NOTED = "noted"
SPLIT = "supported/noted"
IMPLEMENTED = "already implemented"
IN_PROCESS = "in process of implementation"
IMPLEMENTED_OR_IN_PROCESS = "already implemented or in process"

_NEGATION = r"(?:not|cannot|can\s*not|unable\s+to|n[’']t|neither|nor)\s+(?:\w+\s+){0,5}?"
_SUPPORT_WORD = r"(?:accept|support|agree|endorse)\w*|enjoys?\s+(?:the\s+)?support"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        SPLIT,
        re.compile(
            r"\b(?:(?:accept|support)\w*\s+)?(?:partially|partly|in\s+part|supported\s*/\s*noted|"
            r"accepted\s*/\s*noted)\b(?:\s+(?:accept|support|note)\w*)?",
            re.I,
        ),
    ),
    (NOTED, re.compile(rf"\b{_NEGATION}(?:{_SUPPORT_WORD})", re.I)),
    (
        NOTED,
        re.compile(
            r"\b(?:takes?\s+note|taken\s+note|notes|noted|note(?=\s+(?:the\s+)?(?:following|recommendation))"
            r"|reject\w*|not\s+accepted|does\s+not\s+enjoy)\b",
            re.I,
        ),
    ),
    (SUPPORTED, re.compile(rf"\b(?:{_SUPPORT_WORD})", re.I)),
)
_IMPLEMENTED = re.compile(r"\balready\s+(?:been\s+|being\s+)?implemented\b|\balready\s+in\s+place\b", re.I)
_IN_PROCESS = re.compile(
    r"\bin\s+(?:the\s+)?process\s+of\s+(?:being\s+)?implement\w*|\bbeing\s+implemented\b|"
    r"\bimplementation\s+is\s+(?:under\s+way|ongoing|in\s+progress)",
    re.I,
)


@dataclass(frozen=True)
class Verb:
    position: str
    start: int
    end: int


def verbs(text: str) -> list[Verb]:
    """Every phrase in ``text`` that gives a position, in order (the first reading wins an overlap)."""
    found: list[Verb] = []
    for position, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < other.end and other.start < match.end() for other in found):
                continue
            found.append(Verb(position, match.start(), match.end()))
    return sorted(found, key=lambda verb: verb.start)


def qualifier(text: str) -> str:
    """The qualifier the words give a supported position, "" when none."""
    implemented = _IMPLEMENTED.search(text) is not None
    in_process = _IN_PROCESS.search(text) is not None
    if implemented and in_process:
        return IMPLEMENTED_OR_IN_PROCESS
    if implemented:
        return IMPLEMENTED
    return IN_PROCESS if in_process else ""


def cell_position(text: str) -> str:
    """The position a table cell or a short phrase gives ("Accepted", "Not accepted", "Noted"), or ""."""
    found = verbs(text)
    return found[0].position if found else ""
