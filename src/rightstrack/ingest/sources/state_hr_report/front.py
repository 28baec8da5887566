"""The report's title (naming the State), its author and the cheap detection marks.

>>> title_state("## Report on Human Rights in Kazakhstan")
'Kazakhstan'
>>> authors("Acquis EU Law & Policy – a firm providing legal services – was invited by the Ministry of "
...         "Foreign Affairs of the Republic of Kazakhstan to produce an independent report")
('Acquis EU Law & Policy', 'Ministry of Foreign Affairs of the Republic of Kazakhstan')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem, StakeholderRecord
from rightstrack.core.states import resolve_state

from .text import heading_text

_TITLE = re.compile(r"^Report on Human Rights in (?P<state>.+?)\s*$", re.IGNORECASE)
_HEAD = 2000  # characters where detection looks for the title
_PLAN_MARK = re.compile(r"Human Rights Priority Action Plan", re.IGNORECASE)
_PLAN_COLUMNS = re.compile(r"\tCompletion form\t", re.IGNORECASE)
_AUTHOR = re.compile(
    r"^(?P<author>[A-Z][^–—]*?)\s+[–—-]\s+a\s+(?:firm|company|consultancy|organisation|organization)\b.*?"
    r"\bwas (?:invited|commissioned|asked) by (?:the )?(?P<by>[^,.;]+?) to produce\b"
)
_NOT_THIS = "not a Government-commissioned 'Report on Human Rights in <State>'"


def looks_like_report(text: str) -> bool:
    """The title near the top, the action plan named and its table's columns."""
    head = text[:_HEAD]
    return bool(
        any(_TITLE.match(heading_text(line)) for line in head.splitlines())
        and _PLAN_MARK.search(text)
        and _PLAN_COLUMNS.search(text)
    )


def title_state(line: str) -> str | None:
    """The State a title line names, ``None`` when the line is not the title."""
    match = _TITLE.match(heading_text(line))
    return match.group("state") if match else None


def read_title(lines: Sequence[str]) -> tuple[int, str, str]:
    """(0-based title line, title, ISO code of its State); rejects a text whose first line is no title."""
    index = next(index for index, line in enumerate(lines) if line.strip())
    place = Place(line=index + 1, section="title")
    name = title_state(lines[index])
    if name is None:
        raise DocumentRejected(
            f"{_NOT_THIS}: the first line is not the title but {lines[index].strip()[:80]!r}", place
        )
    state = resolve_state(name)
    if state is None:
        raise DocumentRejected(f"the title names no known State: {name!r}", place)
    return index, heading_text(lines[index]), state


def authors(paragraph: str) -> tuple[str, str] | None:
    """(author, who commissioned the report) from the introduction's sentence, if it has one."""
    match = _AUTHOR.search(paragraph)
    return (match.group("author").strip(), match.group("by").strip()) if match else None


def read_authors(
    lines: Sequence[str], problems: list[Problem]
) -> tuple[StakeholderRecord | None, list[StakeholderRecord]]:
    """The author (kind unknown: a firm) and the commissioning ministry (kind ``state``)."""
    for index, raw in enumerate(lines):
        found = authors(raw.strip())
        if found is not None:
            author = StakeholderRecord(found[0])
            return author, [author, StakeholderRecord(found[1], kind="state")]
        if index > len(lines) // 4:
            break
    problems.append(Problem(Place(line=1, section="introduction"), "the introduction names no author"))
    return None, []
