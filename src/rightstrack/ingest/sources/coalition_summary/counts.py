"""The counts a slide states: the cycle's total for the issue, and how many were (not) implemented.

>>> total_line("3rd UPR cycle – about 40 recommendations:")
(3, 'about 40 recommendations', 40)
>>> status_line("Implemented/partially implemented (1/3) - e.g., holding the Congress")
Status(implemented=1, partially=3, not_implemented=None, note='')
>>> status_line("Partially implemented (38), incl. recommendations concerning violence")
Status(implemented=None, partially=38, not_implemented=None, note='')
>>> status_line("Implemented: on occupation (2); on freedom from slavery (6); on violence (8).")
Status(implemented=16, partially=None, not_implemented=None, note='implemented: 16, the sum of the per-topic \
counts 2 + 6 + 8')
>>> status_line("Not implemented recommendations include gender equality").note
"no count given for 'not implemented'"
>>> status_line("The 3rd Optional Protocol was ratified") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOTAL = re.compile(
    r"^(?P<cycle>\d+)(?:st|nd|rd|th)\s+UPR\s+cycle\s*[–—-]\s*"
    r"(?P<text>(?:(?:about|around|approximately|some|over|more than|nearly|almost)\s+)?"
    r"(?P<count>\d+)\s+recommendations?)\b",
    re.IGNORECASE,
)
_STATUS = re.compile(
    r"^(?P<label>implemented\s*/\s*partially\s+implemented|partially\s+implemented|not\s+implemented|implemented)"
    r"\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_DIRECT = re.compile(r"^\s*\((?P<first>\d+)(?:\s*/\s*(?P<second>\d+))?\)")
_TOPIC = re.compile(r"\((?P<count>\d+)\)")
_SPACES = re.compile(r"\s+")
_SLASH = re.compile(r"\s*/\s*")


@dataclass(frozen=True)
class Status:
    """The counts one status line gives (``None``: not given) and a note on how they were read."""

    implemented: int | None = None
    partially: int | None = None
    not_implemented: int | None = None
    note: str = ""


def total_line(text: str) -> tuple[int, str, int] | None:
    """(cycle, count as written, count) from ``"3rd UPR cycle – 9 recommendations"``."""
    match = _TOTAL.match(text)
    if match is None:
        return None
    return int(match.group("cycle")), match.group("text"), int(match.group("count"))


def status_line(text: str) -> Status | None:
    """The counts of ``"Not Implemented (5), ..."``-like lines; ``None`` when the line is no status."""
    match = _STATUS.match(text)
    if match is None:
        return None
    label = _SPACES.sub(" ", _SLASH.sub("/", match.group("label").casefold()))
    rest = match.group("rest")
    direct = _DIRECT.match(rest)
    if direct is not None:
        first, second = int(direct.group("first")), direct.group("second")
        if label == "implemented/partially implemented":
            if second is None:
                return Status(note=f"'{label} ({first})' does not say which is which: not counted")
            return Status(implemented=first, partially=int(second))
        if second is not None:
            return Status(note=f"'{label} ({first}/{second})' gives two counts for one status: not counted")
        return _one(label, first, "")
    topics = [int(count) for count in _TOPIC.findall(rest)] if rest.lstrip().startswith(":") else []
    if topics and label != "implemented/partially implemented":
        total = sum(topics)
        return _one(
            label, total, f"{label}: {total}, the sum of the per-topic counts {' + '.join(map(str, topics))}"
        )
    return Status(note=f"no count given for '{label}'")


def _one(label: str, count: int, note: str) -> Status:
    if label == "implemented":
        return Status(implemented=count, note=note)
    if label == "partially implemented":
        return Status(partially=count, note=note)
    return Status(not_implemented=count, note=note)
