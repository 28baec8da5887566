"""Parser of the CCPR Centre's UPR fact sheets (PDF converted to text, tables as tab-separated rows).

Each sheet takes one ICCPR article or theme and lists the previous cycle's UPR recommendations with
the State's answer, the similar recommendations of the Human Rights Committee, the NGO coalition's
account of implementation and its suggested recommendations for the next cycle. ``README.md`` in
this folder describes the layout; the reference document is seed ``001`` (Kazakhstan, 2019).

>>> detect("# Kazakhstan\\n## Fact Sheet – Third UPR cycle\\nRecommendations presented during the 2nd "
...        "cycle\\tCountry\\tAnswer\\tSimilar recommendations of the Human Rights Committee")
True
>>> detect("Kazakhstan Mid-term Implementation Assessment")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import ParsedDocument, Place, Problem, ReviewKey, StakeholderRecord
from rightstrack.core.states import resolve_state
from rightstrack.core.upr_calendar import upr_review

from .build import COMMITTEE, Context, Records, add_sheet, sheet_key, treaty_records
from .table import Layout, read_layout

KIND = "ccpr-factsheet"
_DETECT_HEADER = re.compile(r"^Recommendations presented during the \w+ cycle\t", re.MULTILINE)
_FOOTER = re.compile(r"^An initiative of (?:the )?(.+?),\s*supporting an? (.+?)\s*$", re.MULTILINE)
_COMMITTEE_YEAR = re.compile(r"\bHR Committee (?:in (\d{4})\b|\(((?:\d{4},\s*)*\d{4})\))")
_YEAR = re.compile(r"\d{4}")
_FACT_SHEET_TAIL = re.compile(r"\s*Fact Sheet\b.*$", re.IGNORECASE)
_ACRONYMS = MappingProxyType({"Centre for Civil and Political Rights": "CCPR Centre"})


def detect(text: str) -> bool:
    """Whether ``text`` looks like a fact sheet: "Fact Sheet" near the top and the six-column header."""
    return (
        "Fact Sheet" in text[:4000]
        and "Similar recommendations of the Human Rights Committee" in text
        and _DETECT_HEADER.search(text) is not None
    )


def parse(text: str, issue_labels: Iterable[str] = ()) -> ParsedDocument:
    """Everything the fact sheets hold; raises :class:`DocumentRejected` (place, reason) on unreadable input.

    ``issue_labels`` is accepted for a common interface; the sheets are filed by ICCPR article, not by issue.
    """
    del issue_labels
    if not text.strip():
        raise DocumentRejected("the text is empty", Place(line=1))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = read_layout(lines)
    problems = list(layout.problems)
    state, title = _state_and_title(layout)
    author, coalition = _authors(text)
    context = Context(
        upr=_upr_key(state, layout, problems),
        ccpr=_ccpr_key(state, layout, text, problems),
        next_review=_upr_key(state, layout, problems, next_cycle=True),
        coalition=coalition,
    )
    records = Records()
    keys: set[str] = set()
    for position, sheet in enumerate(layout.sheets, start=1):
        key = sheet_key(sheet.title, position)
        key = key if key not in keys else f"{key}-{position}"
        keys.add(key)
        add_sheet(records, sheet, key, context)
    treaty_records(records, context)
    problems += records.problems
    return ParsedDocument(
        kind=KIND,
        title=title,
        review=context.upr,
        recommendations=records.recommendations,
        assessments=records.assessments,
        stakeholders=[coalition, author, COMMITTEE],
        author=author,
        problems=sorted(problems, key=lambda problem: problem.place.line or 0),
        links=records.links,
        suggestions=records.suggestions,
    )


def _state_and_title(layout: Layout) -> tuple[str, str]:
    """The State (from the ``# Kazakhstan`` headings) and the title ``Kazakhstan Fact Sheet – …``."""
    state_name = ""
    for _, heading in layout.headings:
        name = _FACT_SHEET_TAIL.sub("", heading)
        if name and resolve_state(name):
            state_name = name
            break
    if not state_name:
        raise DocumentRejected("no heading names the State the fact sheets are about", Place(line=1))
    sheet_heading = next((h for _, h in layout.headings if "fact sheet" in h.casefold()), "Fact Sheet")
    title = sheet_heading if sheet_heading.startswith(state_name) else f"{state_name} {sheet_heading}"
    return resolve_state(state_name) or "", title


def _authors(text: str) -> tuple[StakeholderRecord, StakeholderRecord]:
    """Who published the sheets and who wrote them: ``An initiative of X, supporting a Y``."""
    footer = _FOOTER.search(text)
    if footer is None:
        raise DocumentRejected("no 'An initiative of …, supporting …' line names the authors", Place(line=1))
    publisher, coalition = footer.group(1).strip(), footer.group(2).strip()
    return (
        StakeholderRecord(publisher, _ACRONYMS.get(publisher, ""), "ngo"),
        StakeholderRecord(coalition, "", "coalition"),
    )


def _upr_key(state: str, layout: Layout, problems: list[Problem], next_cycle: bool = False) -> ReviewKey:
    """The UPR review of the listed recommendations (or, ``next_cycle``, the one suggestions are for)."""
    cycles = {sheet.next_cycle if next_cycle else sheet.cycle for sheet in layout.sheets}
    first = layout.sheets[0]
    place = Place(line=first.header_line, section=first.title)
    if len(cycles) != 1 or None in cycles or 0 in cycles:
        what = "next cycle" if next_cycle else "cycle"
        if not next_cycle:
            raise DocumentRejected(
                f"the table headers disagree on the {what}: {sorted(map(str, cycles))}", place
            )
        problems.append(
            Problem(place, f"the table headers disagree on the {what}: {sorted(map(str, cycles))}")
        )
        return ReviewKey(state, "UPR")
    cycle = cycles.pop()
    known = upr_review(state, cycle)
    if known is None:
        return ReviewKey(state, "UPR", cycle)
    return ReviewKey(state, "UPR", cycle, known.session, known.year)


def _ccpr_key(state: str, layout: Layout, text: str, problems: list[Problem]) -> ReviewKey:
    """The concluding observations named in the headers (``CCPR/C/KAZ/CO/2``: the 2nd periodic report)."""
    symbols = {sheet.symbol for sheet in layout.sheets if sheet.symbol is not None}
    first = layout.sheets[0]
    if len(symbols) != 1:
        raise DocumentRejected(
            f"the table headers name {len(symbols)} different concluding observations, not one",
            Place(line=first.header_line, section=first.title),
        )
    symbol_state, report = symbols.pop()
    if symbol_state != state:
        raise DocumentRejected(
            f"the headers quote concluding observations on {symbol_state}, the sheets are about {state}",
            Place(line=first.header_line, section=first.title),
        )
    years = [int(y) for match in _COMMITTEE_YEAR.finditer(text) for y in _YEAR.findall(match.group(0))]
    if not years:
        problems.append(
            Problem(Place(line=first.header_line), "the sheets do not date the concluding observations")
        )
    return ReviewKey(state, "CCPR", report, year=max(years) if years else None)
