"""Recommendation numbers as addenda write them: ``122.1``, lists over several lines and ranges.

A range names every number between its ends: ``122.17-18``, ``122.34- 35``, ``122.14–15``,
``122.14 – 122.16`` and ``122.14 to 122.16``.

>>> [found.refs for found in find_refs("accepts 122.1, 122.17-18, 122.34- 35 and 122.14 to 122.16.")]
[('122.1',), ('122.17', '122.18'), ('122.34', '122.35'), ('122.14', '122.15', '122.16')]
>>> find_refs("122.9–7")[0].problem
'the range 122.9–7 ends before it starts: read as 122.9 only'
>>> ref_key("122.10") > ref_key("122.9")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The longest range read as one (a longer one is a misreading, reported).
MAX_RANGE = 80
_DASHES = "-–—‐‑−"
REF = re.compile(
    r"(?<![\d./])(?P<para>\d{1,3})\.(?P<num>\d{1,3})(?![\d/]|\.\d)"
    rf"(?:(?P<sep>\s*[{_DASHES}]\s*|\s+to\s+)(?:(?P<para2>\d{{1,3}})\.)?(?P<num2>\d{{1,3}})(?![\d/]|\.\d))?"
)


@dataclass(frozen=True)
class FoundRefs:
    """One number or range as written, where it starts in the text, and the numbers it names."""

    written: str
    start: int
    end: int
    refs: tuple[str, ...]
    problem: str = ""


def ref_key(ref: str) -> tuple[int, int]:
    """Sort key of ``"122.10"``: (122, 10)."""
    para, _, num = ref.partition(".")
    return int(para), int(num or 0)


def _expand(found: re.Match[str]) -> tuple[tuple[str, ...], str]:
    para, num = int(found["para"]), int(found["num"])
    first = f"{para}.{num}"
    if found["num2"] is None:
        return (first,), ""
    para2 = int(found["para2"]) if found["para2"] else para
    num2 = int(found["num2"])
    written = found[0]
    if para2 != para:
        return (first, f"{para2}.{num2}"), f"the range {written} spans two paragraphs: read as its two ends"
    if num2 <= num:
        return (first,), f"the range {written} ends before it starts: read as {first} only"
    if num2 - num > MAX_RANGE:
        return (first,), f"the range {written} names more than {MAX_RANGE} numbers: read as {first} only"
    return tuple(f"{para}.{n}" for n in range(num, num2 + 1)), ""


def find_refs(text: str) -> list[FoundRefs]:
    """Every number or range in ``text``, in order."""
    found: list[FoundRefs] = []
    for match in REF.finditer(text):
        refs, problem = _expand(match)
        found.append(FoundRefs(match[0], match.start(), match.end(), refs, problem))
    return found
