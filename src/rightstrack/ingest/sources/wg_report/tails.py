"""A recommendation's text and the States that made it, from "... (Chile, Peru and Spain);".

The recommending States stand in parentheses at the end ("the tail"). A paragraph that gathers
several recommendations has one group per clause: "Ratify CAT (Spain); accede to CAT (Peru);", or
"(Norway; Republic of Korea), without further delay (Norway)". Every group before the tail counts
when all its names are States (so "(CRPD)" or "(resolution 9/12)" do not). Names are split on
commas, semicolons and "and" ("Bosnia and Herzegovina" and "United Kingdom of Great Britain and
Northern Ireland" stay whole: a split is kept only when each part is a State).

>>> tail = read_tail("To consider ratifying CRPD (Slovenia); ratify CRPD (Republic of Korea);2")
>>> tail.text, tail.states, tail.unresolved
('To consider ratifying CRPD (Slovenia); ratify CRPD', ['Slovenia', 'Republic of Korea'], [])
>>> read_tail("Accede to ICRMW (Egypt, Peru and Algeria)").states
['Egypt', 'Peru', 'Algeria']
>>> read_tail("Go (Bosnia and Herzegovina; Trinidad and Tobago; Venezuela (Bolivarian Republic of))").states
['Bosnia and Herzegovina', 'Trinidad and Tobago', 'Venezuela (Bolivarian Republic of)']
>>> read_tail("Ratify OP-CAT (Brazil). The following recommendations were noted:").trailing
'The following recommendations were noted:'
>>> read_tail("Ratify CRPD (Hungary) (Spain);").text
'Ratify CRPD'
>>> read_tail("Set up frameworks (Iran (Islamic Republic of);").states
['Iran (Islamic Republic of)']
>>> tail = read_tail("Sign (Uganda) and ratify (Costa Rica, Sweden) OP-CAT;")
>>> tail.text, tail.states
('Sign (Uganda) and ratify (Costa Rica, Sweden) OP-CAT', ['Uganda', 'Costa Rica', 'Sweden'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from rightstrack.core.states import all_states, resolve_state

_SPACES = re.compile(r"\s+")
#: What may follow the final group of States: punctuation, a footnote number or mark ("(Brazil);*").
_AFTER_TAIL = re.compile(r"^[\s;.,:”\"’*\u2217]*\d{0,2}[\s;.,:”\"’*\u2217]*$")
#: Text after the last group of States is a note (the State's comment) from this many words on;
#: shorter, it ends the recommendation: "Sign (Uganda) and ratify (Costa Rica, Sweden) OP-CAT;".
NOTE_WORDS = 4
_LEADING_PUNCTUATION = re.compile(r"^[\s;.,:\d]+")
_SEPARATOR = re.compile(r"\s*[;,]\s*")
_AND = re.compile(r"\s+and\s+")
_SPACE = re.compile(r"\s+")
_UNCLOSED = re.compile(r"\(([^()]{1,40})$")
MAX_WORDS = 12  # a group piece longer than this is not cut at spaces into State names
_CODE_LIKE = re.compile(r"[A-Z]{2,5}")
_NAME_EDGES = " *.\u2019'\"“”"
_NOT_LETTER = re.compile(r"[^a-z]+")
#: How close a misspelt name must come to a State's name to be read as it (rapidfuzz ratio, 0–100).
FUZZY_CUTOFF = 90


@dataclass
class Tail:
    """``text`` without the final "(State);", the States as written, names that are no State, and any
    text after the last group of States (``trailing``: a note, not the recommendation)."""

    text: str
    states: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    trailing: str = ""
    corrected: list[tuple[str, str]] = field(default_factory=list)  # (as written, read as)


def _groups(text: str) -> list[tuple[int, int]]:
    """Spans of the top-level parenthesised groups, "(" to ")" inclusive, read from the end so that an
    unclosed "(" earlier in the text ("(ICERD, in line with ... (Peru);") does not swallow the tail.

    >>> _groups("Amend (ICERD, in line with CERD (Peru);")
    [(32, 38)]
    """
    spans: list[tuple[int, int]] = []
    depth, end = 0, 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            if depth == 0:
                end = index + 1
            depth += 1
        elif char == "(" and depth:
            depth -= 1
            if depth == 0:
                spans.append((index, end))
    return spans[::-1]


def _fold(name: str) -> str:
    return " ".join(_NOT_LETTER.sub(" ", name.casefold()).split())


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Every State's name and variants, folded, → its UN name (which :func:`resolve_state` reads)."""
    return {_fold(label): state.name for state in all_states() for label in (state.name, *state.variants)}


@lru_cache(maxsize=4096)
def _state(name: str, codes: bool = False) -> str | None:
    """The ISO code of a State name; codes and acronyms ("USA") only when ``codes``."""
    if not name or (not codes and _CODE_LIKE.fullmatch(name)):
        return None
    return resolve_state(name)


@lru_cache(maxsize=1024)
def _misspelt(name: str) -> str | None:
    """The UN name of the one State ``name`` is a slip for ("Lichtenstein", "Russia Federation"), if any."""
    folded = _fold(name)
    if len(folded) < 5:
        return None
    found = process.extract(folded, list(_spellings()), scorer=fuzz.ratio, limit=2, score_cutoff=FUZZY_CUTOFF)
    states = {_spellings()[label] for label, _, _ in found}
    return states.pop() if len(states) == 1 else None


def _segment(piece: str, codes: bool, joiner: re.Pattern[str] = _AND) -> list[str] | None:
    """``piece`` cut (at "and", or at spaces: "United Kingdom France") into State names, or None when no
    cut gives only States."""
    parts = joiner.split(piece)
    glue = " and " if joiner is _AND else " "
    best: list[list[str] | None] = [[]] + [None] * len(parts)
    for end in range(1, len(parts) + 1):
        for start in range(end):
            name = glue.join(parts[start:end])
            before = best[start]
            if before is not None and best[end] is None and _state(name, codes):
                best[end] = [*before, name]
    return best[len(parts)]


@dataclass
class Names:
    """What a group of names holds: States as written, other pieces, and slips read as a State."""

    states: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    corrected: list[tuple[str, str]] = field(default_factory=list)


def names(content: str, tail: bool = False) -> Names:
    """The State names of a group's content (the tail group also takes acronyms and slips).

    >>> found = names("United Kingdom of Great Britain and Northern Ireland and France; NA")
    >>> found.states, found.others
    (['United Kingdom of Great Britain and Northern Ireland', 'France'], ['NA'])
    >>> names("United Kingdom France, Mexico", tail=True).states
    ['United Kingdom', 'France', 'Mexico']
    >>> names("Venezuela, Bolivarian Republic of; Chile").states
    ['Venezuela, Bolivarian Republic of', 'Chile']
    >>> names("Lichtenstein, USA", tail=True)
    Names(states=['Liechtenstein', 'USA'], others=[], corrected=[('Lichtenstein', 'Liechtenstein')])
    """
    found = Names()
    previous = ""
    for raw in _SEPARATOR.split(content):
        piece = raw.strip(_NAME_EDGES).removeprefix("and ").strip(_NAME_EDGES)
        if not piece:
            continue
        inverted = f"{previous}, {piece}"  # "Venezuela, Bolivarian Republic of"
        previous = piece
        if (
            found.states
            and found.states[-1] == inverted.split(", ")[0]
            and not _state(piece)
            and _state(inverted)
        ):
            found.states[-1] = inverted
            continue
        split = [piece] if _state(piece, tail) else _segment(piece, tail)
        if not split and len(piece.split()) <= MAX_WORDS:
            split = _segment(piece, tail, _SPACE)
        misspelt = _misspelt(piece) if tail and not split else None
        if split:
            found.states.extend(split)
        elif misspelt:
            found.states.append(misspelt)
            found.corrected.append((piece, misspelt))
        else:
            found.others.append(piece)
    return found


def _interior(content: str) -> Names | None:
    """The States of a group inside the text, when all its names are States (a slip among exact
    names is read as its State: "(Azerbeijan, Czech Republic)"); else None ("(CRPD)")."""
    found = names(content)
    if found.states and found.others:
        found = names(content, tail=True)
    return found if found.states and not found.others else None


class _Collector:
    """Recommending States in the order written, each once, with the slips read as States."""

    def __init__(self) -> None:
        self.states: list[str] = []
        self.corrected: list[tuple[str, str]] = []
        self.seen: set[str] = set()

    def add(self, found: Names) -> None:
        self.corrected += found.corrected
        for name in found.states:
            key = _state(name, True) or name
            if key not in self.seen:
                self.seen.add(key)
                self.states.append(name)

    def add_interior(self, text: str, spans: list[tuple[int, int]], before: int) -> None:
        for start, end in spans:
            if start >= before:
                break
            inner = _interior(text[start + 1 : end - 1])
            if inner:
                self.add(inner)


def _close_lost_parenthesis(text: str, tail: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """Mend "(Iran (Islamic Republic of);", whose ")" was lost, into "(Iran (Islamic Republic of))"."""
    unclosed = _UNCLOSED.search(text[: tail[0]])
    if not unclosed or not names(text[tail[0] + 1 : tail[1] - 1]).others:
        return text, tail
    whole = f"{unclosed[1]}{text[tail[0] : tail[1]]}"
    if names(whole, tail=True).others:
        return text, tail
    start = unclosed.start()
    return f"{text[:start]}({whole}){text[tail[1] :]}", (start, start + len(whole) + 2)


def read_tail(raw: str) -> Tail:
    """Split a recommendation paragraph's text into its words and its recommending States."""
    text = _SPACES.sub(" ", raw).strip()
    spans = _groups(text)
    if not spans:
        return Tail(text)
    tail = spans[-1]
    collector = _Collector()
    if not _AFTER_TAIL.match(text[tail[1] :]):
        stateful = [span for span in spans if names(text[span[0] + 1 : span[1] - 1]).states]
        if not stateful or names(text[stateful[-1][0] + 1 : stateful[-1][1] - 1]).others:
            return Tail(text)
        tail = stateful[-1]
        if len(text[tail[1] :].split()) < NOTE_WORDS:  # the States stand inside the recommendation
            collector.add_interior(text, spans, len(text))
            return Tail(text.rstrip(" ,;:"), collector.states, corrected=collector.corrected)
    collector.add_interior(text, spans, tail[0])
    text, tail = _close_lost_parenthesis(text, tail)
    last = names(text[tail[0] + 1 : tail[1] - 1], tail=True)
    collector.add(last)
    trailing = _LEADING_PUNCTUATION.sub("", text[tail[1] :]).strip()
    words = text[: _tail_start(text, spans, tail)].rstrip(" ,;:")
    return Tail(words, collector.states, last.others, trailing, collector.corrected)


def _tail_start(text: str, spans: list[tuple[int, int]], tail: tuple[int, int]) -> int:
    """Where the tail starts, taking in the groups of States right before it: "(Hungary) (Spain);"."""
    start = tail[0]
    for span in reversed([span for span in spans if span[1] <= tail[0]]):
        if text[span[1] : start].strip(" ,") or not _interior(text[span[0] + 1 : span[1] - 1]):
            break
        start = span[0]
    return start
