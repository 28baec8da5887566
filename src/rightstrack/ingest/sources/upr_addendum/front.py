"""The cover of an addendum: title, State under review, symbol, sessions, date of issue.

Since 2008 the cover reads: ``United Nations A/HRC/43/10/Add.1``, ``Distr.: General 20 February 2020``,
``Human Rights Council``, ``Forty-third session``, ``Report of the Working Group on the Universal
Periodic Review*``, the State, ``Addendum``, ``Views on conclusions and/or recommendations, voluntary
commitments and replies presented by the State under review``.

>>> looks_like_addendum("Report of the Working Group on the Universal Periodic Review*\\nChad\\nAddendum\\n"
...     "Views on conclusions and/or\\nrecommendations, voluntary commitments")
True
>>> looks_like_addendum("Report of the Working Group on the Universal Periodic Review*\\nChad\\n")
False
>>> cycle_of_hrc_session(14), cycle_of_hrc_session(28), cycle_of_hrc_session(43), cycle_of_hrc_session(58)
(1, 2, 3, 4)
>>> cycle_of_upr_session(7), cycle_of_upr_session(20), cycle_of_upr_session(34), cycle_of_upr_session(48)
(1, 2, 3, 4)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rightstrack.core.dates import MONTH_NUMBERS, MONTHS
from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place
from rightstrack.core.states import resolve_state

#: How far into the text the cover must stand (characters), and how many lines it spans.
COVER_WITHIN = 4000
COVER_LINES = 80
#: The Human Rights Council sessions that adopted the outcomes of each UPR cycle (first session → cycle):
#: cycle 1's reviews (UPR sessions 1–12) were adopted at HRC 8–19, cycle 2's (13–26) at 21–34,
#: cycle 3's (27–40) at 36–49, cycle 4's (41–) from 52.
HRC_CYCLE_STARTS = ((52, 4), (36, 3), (21, 2), (1, 1))
#: The first Working Group session of each cycle, as the Working Group report parser counts them.
UPR_CYCLE_STARTS = ((41, 4), (27, 3), (13, 2), (1, 1))

_NOT_LETTER = re.compile(r"[^a-z]+")
_TITLE_KEY = "reportoftheworkinggroupontheuniversalperiodicreview"
_VIEWS_KEY = "viewsonconclusionsandorrecommendations"
_TITLE = re.compile(
    r"report\s*of\s*the\s*working\s*group\s*on\s*the\s*universal\s*periodic\s*review[ \t*∗]*", re.I
)
SYMBOL = re.compile(r"\bA\s*/\s*HRC\s*/\s*(\d{1,2})\s*/\s*(\d{1,3})\s*/\s*Add\s*\.\s*(\d)\b")
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
_ADDENDUM = re.compile(r"^\s*Addendum\b", re.I)
_STARS = re.compile(r"[*∗\s]+$")
_ORDINALS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ],
        1,
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:[- ][a-z]+)?"
_UPR_SESSION = re.compile(
    rf"(?P<ordinal>{_ORDINAL})\s+session\s+of\s+the\s+(?:Universal\s+Periodic\s+Review\s+|UPR\s+)?"
    rf"Working\s+Group|Working\s+Group\s+on\s+the\s+Universal\s+Periodic\s+Review,?\s+(?:at|during)\s+its\s+"
    rf"(?P<ordinal2>{_ORDINAL})\s+session",
    re.I,
)


@dataclass(frozen=True)
class Cover:
    """What the cover says. ``title_line`` is 0-based; ``hrc_session`` is the Council's (from the symbol)."""

    title: str
    state_name: str
    state: str
    title_line: int
    symbol: str
    report_symbol: str
    hrc_session: int
    upr_session: int | None
    cycle: int
    issued_on: date | None


def letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.casefold())


def looks_like_addendum(text: str) -> bool:
    """The Working Group report's title, "Addendum" and "Views on conclusions..." (or an ``/Add.`` symbol)."""
    head = text[:COVER_WITHIN]
    key = letters(head)
    if _TITLE_KEY not in key or "addendum" not in key:
        return False
    return _VIEWS_KEY in key or SYMBOL.search(head) is not None


def cycle_of_hrc_session(session: int) -> int:
    return next(cycle for first, cycle in HRC_CYCLE_STARTS if session >= first)


def cycle_of_upr_session(session: int) -> int:
    return next(cycle for first, cycle in UPR_CYCLE_STARTS if session >= first)


def ordinal(word: str) -> int | None:
    """ "thirty-fourth" → 34, "34th" → 34, "seventh" → 7."""
    word = word.strip().casefold()
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    if digits:
        return int(digits[1])
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word in _TENTHS:
        return _TENTHS[word]
    parts = re.split(r"[- ]+", word)
    if len(parts) == 2 and parts[0] in _TENS and _ORDINALS.get(parts[1], 10) < 10:
        return _TENS[parts[0]] + _ORDINALS[parts[1]]
    return None


def upr_session(text: str) -> int | None:
    """The Working Group's session when the text names it ("during its thirty-fourth session")."""
    for found in _UPR_SESSION.finditer(text):
        words = found["ordinal"] or found["ordinal2"]
        number = ordinal(words) or ordinal(words.split()[-1])
        if number is not None:
            return number
    return None


def _state_name(lines: Sequence[str], title_line: int, after_title: str) -> str:
    rest = _STARS.sub("", after_title).strip(" *∗:–-")
    if rest and not _ADDENDUM.match(rest):
        return _ADDENDUM.split(rest)[0].strip() if "Addendum" in rest else rest
    for following in lines[title_line + 1 : title_line + 6]:
        name = _STARS.sub("", following).strip(" *∗")
        if _ADDENDUM.match(name):
            break
        if name and not following.lstrip().startswith(("*", "∗")):
            return name
    return ""


def read_cover(lines: Sequence[str], body_text: str) -> Cover:
    """Read the cover; raise :class:`DocumentRejected` when the symbol or the State cannot be read."""
    cover = "\n".join(lines[:COVER_LINES])
    found = _TITLE.search(cover)
    if found is None:
        raise DocumentRejected(
            "no title 'Report of the Working Group on the Universal Periodic Review' on the cover",
            Place(line=1, section="cover"),
        )
    title_line = cover.count("\n", 0, found.end())
    after = cover[found.end() :].split("\n", 1)[0]
    name = _state_name(lines, title_line, after)
    state = resolve_state(name) if name else None
    if state is None:
        raise DocumentRejected(
            f"the State under review ({name!r}) is not a known State",
            Place(line=title_line + 2, section="cover"),
        )
    symbol = SYMBOL.search(cover)
    if symbol is None:
        raise DocumentRejected(
            "no addendum symbol (A/HRC/NN/NN/Add.N) on the cover: the review's session cannot be known",
            Place(line=1, section="cover"),
        )
    hrc = int(symbol[1])
    issued = _DATE.search(" ".join(lines[: title_line + 1]))
    issued_on = None
    if issued:
        try:
            issued_on = date(int(issued[3]), MONTH_NUMBERS[issued[2].casefold()], int(issued[1]))
        except ValueError:
            issued_on = None
    session = upr_session(body_text)
    return Cover(
        title=f"Views on conclusions and/or recommendations presented by {name} (addendum to the "
        "report of the Working Group on the Universal Periodic Review)",
        state_name=name,
        state=state,
        title_line=title_line,
        symbol=f"A/HRC/{symbol[1]}/{symbol[2]}/Add.{symbol[3]}",
        report_symbol=f"A/HRC/{symbol[1]}/{symbol[2]}",
        hrc_session=hrc,
        upr_session=session,
        cycle=cycle_of_upr_session(session) if session else cycle_of_hrc_session(hrc),
        issued_on=issued_on,
    )
