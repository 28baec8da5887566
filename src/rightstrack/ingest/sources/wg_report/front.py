"""The front of a Working Group report: title, State under review, symbol, session and dates.

>>> looks_like_report("United Nations\\nReport of the Working\\nGroup on the Universal Periodic  Review*")
True
>>> session_number("seventh"), session_number("twenty-first"), session_number("12th")
(7, 21, 12)
>>> read_date("19 February 2010"), read_date("on 14th October 2011"), read_date("on 12 October.", 2011)
(datetime.date(2010, 2, 19), datetime.date(2011, 10, 14), datetime.date(2011, 10, 12))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rightstrack.core.dates import MONTHS
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place
from rightstrack.core.states import resolve_state

#: How far into the text the title must stand (characters), and how many lines the front spans.
TITLE_WITHIN = 3000
FRONT_LINES = 120

#: The title with its letters only ("Working on the" in one report: "Group" may be lost).
_TITLE_KEY = re.compile(r"reportoftheworking(?:group)?ontheuniversalperiodicreview")
_NOT_LETTER = re.compile(r"[^a-z]+")
_TITLE = re.compile(
    r"report\s*of\s*the\s*working\s*(?:group\s*)?on\s*the\s*universal\s*periodic\s*review", re.I
)
_SYMBOL = re.compile(r"\bA/HRC/(\d{1,2})/(\d{1,3})(?:/Add\.\d+)?\b")
_DRAFT_SYMBOL = re.compile(r"\bA/HRC/WG\.6/(\d{1,2})/L\.\d+\b")
_DOCUMENT_SESSION = re.compile(r"\bA/HRC/WG\.6/(\d{1,2})/")
_MONTHS = MONTHS
_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\b(?:\s+((?:19|20)\d\d)\b)?", re.I
)
_SESSION = re.compile(
    r"held\s+its\s+(?P<ordinal>[\w-]+(?:\s+[\w-]+)?)\s+session\s+from\s+(?P<dates>.{0,60}?(?:19|20)\d\d)",
    re.S,
)
_HELD = re.compile(
    r"review\s+of\s+.{0,120}?\s+was\s+held\s+.{0,60}?\bon\s+(?P<date>\d{1,2}\w{0,2}\s+[A-Za-z]+(?:\s+\d{4})?)",
    re.S,
)
_ADOPTED = re.compile(r"Working\s+Group\s+adopted")
_STAR = re.compile(r"[*\u2217\s.]+$")
_MARKS = " *\u2217"
#: The 2008 cover that gives only "UNIVERSAL PERIODIC REVIEW" and the State under it (no report title).
_COVER = re.compile(r"^[ \t]*UNIVERSAL[ \t]+PERIODIC[ \t]+REVIEW[ \t]*$", re.M)
#: ... whose introduction then names the Working Group ("The Working Group on the Universal Periodic Review
#: (UPR), established in accordance with ...").
_WORKING_GROUP = re.compile(r"working\s+group\s+on\s+the\s+universal\s+periodic\s+review", re.I)
#: How far into the text a cover-only report must name the Working Group.
INTRODUCTION_WITHIN = 8000
_SPACES = re.compile(r"\s+")
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
_ORDINALS: dict[str, int] = {word: n for n, word in enumerate(_UNITS, 1)}
_ORDINALS.update({word: n for n, word in enumerate(_TEENS.split(), 10)})
_ORDINALS.update({"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50})
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_WORD_BREAK = re.compile(r"[\s-]+")
_REVIEW_OF = re.compile(r"[Tt]he\s+review\s+of\s+(.{3,80}?)\s+was\s+held")
_NUMERIC_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


@dataclass(frozen=True)
class Front:
    """What the front of the report says. ``title_line`` is 0-based."""

    title: str
    state_name: str
    state: str
    title_line: int
    symbol: str
    draft_symbol: str
    session: int | None
    session_line: int | None
    year: int | None
    held_on: date | None
    adopted_on: date | None
    issued_on: date | None  # "Distr.: General 23 March 2010"
    year_conflict: str = ""  # the session's year as stated, when the review date says another


def looks_like_report(text: str) -> bool:
    """Whether the WG report title stands near the top, whatever the line breaks and stray characters,
    or a 2008 cover "UNIVERSAL PERIODIC REVIEW" / State that the introduction follows.

    >>> looks_like_report("UNIVERSAL PERIODIC REVIEW\\n\\nPeru *\\nIntroduction\\n1. The Working Group "
    ...                   "on the Universal Periodic Review (UPR), established ...")
    True
    >>> looks_like_report("UNIVERSAL PERIODIC REVIEW\\nMid-term report of Peru")
    False
    """
    head = _NOT_LETTER.sub("", text[:TITLE_WITHIN].casefold())
    if _TITLE_KEY.search(head):
        return True
    lines = text[:INTRODUCTION_WITHIN].split("\n")
    return _cover(lines) is not None and bool(_WORKING_GROUP.search(text[:INTRODUCTION_WITHIN]))


def _cover(lines: Sequence[str]) -> tuple[int, str] | None:
    """The line of a cover "UNIVERSAL PERIODIC REVIEW" and the State named right under it, if any."""
    head = "\n".join(lines[:FRONT_LINES])
    head = head[: head.find("\n", TITLE_WITHIN) if len(head) > TITLE_WITHIN else len(head)]
    for found in _COVER.finditer(head):
        index = head.count("\n", 0, found.start())
        following = [line for line in lines[index + 1 : index + 4] if line.strip()]
        name = _STAR.sub("", following[0]).strip(_MARKS) if following else ""
        if name and resolve_state(name):
            return index, name
    return None


def session_number(word: str) -> int | None:
    """The number of an ordinal written in words or figures ("seventh", "twenty-first", "7th")."""
    word = word.strip().casefold()
    numeric = _NUMERIC_ORDINAL.fullmatch(word)
    if numeric:
        return int(numeric[1])
    if word in _ORDINALS:
        return _ORDINALS[word]
    parts = _WORD_BREAK.split(word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINALS and _ORDINALS[parts[1]] < 10:
        return _TENS[parts[0]] + _ORDINALS[parts[1]]
    return None


def read_date(text: str, year: int | None = None) -> date | None:
    """The first "19 February 2010" date in ``text`` ("14th October 2011"; "12 October" in ``year``)."""
    found = _DATE.search(text)
    stated = int(found[3]) if found and found[3] else year
    if not found or stated is None:
        return None
    try:
        return date(stated, _MONTHS.index(found[2].casefold()) + 1, int(found[1]))
    except ValueError:
        return None


def _title(lines: Sequence[str]) -> tuple[int, str]:
    """The line of the title and the State name printed after it (same line or the next ones)."""
    front = "\n".join(lines[:FRONT_LINES])
    found = _TITLE.search(front)
    if found is None and (cover := _cover(lines)) is not None:
        return cover
    if found is None:
        raise DocumentRejected(
            "no title 'Report of the Working Group on the Universal Periodic Review' in the first lines: "
            "not a UPR Working Group report",
            Place(line=1, section="front"),
        )
    index = front.count("\n", 0, found.end())
    rest = _STAR.sub("", front[found.end() :].split("\n", 1)[0]).strip(f"{_MARKS}:–-")
    if rest:
        return index, rest
    for following in lines[index + 1 : index + 6]:
        name = _STAR.sub("", following).strip(_MARKS)
        if name and not following.lstrip().startswith(("*", "\u2217")):
            return index, name
    return index, ""


def _joined(lines: Sequence[str]) -> str:
    return _SPACES.sub(" ", " ".join(lines))


def read_front(lines: Sequence[str]) -> Front:
    """Read the front; raise :class:`DocumentRejected` when the title or the State cannot be read."""
    title_line, name = _title(lines)
    front = lines[:FRONT_LINES]
    text = _joined(front)
    state = resolve_state(name) if name else None
    if state is None:
        review_of = _REVIEW_OF.search(text)
        if review_of:
            name = review_of[1].removeprefix("the ").strip()
            state = resolve_state(name)
    if state is None:
        raise DocumentRejected(
            f"the State under review ({name!r}) is not a known State",
            Place(line=title_line + 2, section="front"),
        )
    session, session_line, year = _session(front, text)
    held = _HELD.search(text)
    held_on = read_date(held["date"], year) if held else None
    conflict = ""
    if held_on is not None and year is not None and held_on.year != year:
        conflict = f"the session is said to end in {year}, the review was held on {held_on.isoformat()}"
        year = held_on.year
    symbol = _SYMBOL.search(_joined(lines[:40]))
    draft = _DRAFT_SYMBOL.search(text)
    adopted = _ADOPTED.search(text)
    return Front(
        title=f"Report of the Working Group on the Universal Periodic Review: {name}",
        state_name=name,
        state=state,
        title_line=title_line,
        symbol=symbol[0] if symbol else "",
        draft_symbol=draft[0] if draft else "",
        session=session,
        session_line=session_line,
        year=year,
        held_on=held_on,
        adopted_on=_last_date(text[max(0, adopted.start() - 90) : adopted.start()], year)
        if adopted
        else None,
        issued_on=read_date(_joined(lines[: title_line + 1])),
        year_conflict=conflict,
    )


def _last_date(text: str, year: int | None) -> date | None:
    dates = [read_date(found[0], year) for found in _DATE.finditer(text)]
    return dates[-1] if dates else None


def _session(front: Sequence[str], text: str) -> tuple[int | None, int | None, int | None]:
    """Session number, the line that states it (0-based) and the year the session ended."""
    found = _SESSION.search(text)
    session = session_number(found["ordinal"]) if found else None
    year = int(found["dates"][-4:]) if found else None
    if session is None:
        document = _DOCUMENT_SESSION.search(text)
        session = int(document[1]) if document else None
    line = None
    if found:
        words = found["ordinal"].split()[0]
        line = next((i for i, item in enumerate(front) if words in item and "session" in item), None)
    return session, line, year
