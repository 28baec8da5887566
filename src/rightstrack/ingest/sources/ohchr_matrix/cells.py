"""The recommendation cell (paragraph, text, recommending States, source of position) and the position cell.

>>> cell = read_recommendation(
...     "186.23. Ratify the CPED (Argentina); Ratify OP-CAT (France, Germany);\\n"
...     "Source of position: A/HRC/25/5/Add.1 - Para. 186.23. "
... )
>>> cell.ref, cell.text, cell.position_source
('186.23', 'Ratify the CPED; Ratify OP-CAT', 'A/HRC/25/5/Add.1 - Para. 186.23.')
>>> cell.states
('Argentina', 'France', 'Germany')
>>> cell.tails.clauses
[('Ratify the CPED', ['Argentina']), ('Ratify OP-CAT', ['France', 'Germany'])]
>>> read_recommendation("28.4 Accede to the ICCPR (Iran (Islamic Republic of)) (Mali).").states
('Iran (Islamic Republic of)', 'Mali')
>>> read_position("Supported"), read_position("Supported/Noted")[0], read_position("")
(('accepted', ''), 'partially accepted', ('', 'no position given'))
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rightstrack.core.states import resolve_state

_NUMBER = re.compile(r"^\s*(?P<ref>\d{1,4}(?:\.\d{1,4})+)(?:\.\s*|\s+|$)")
_SOURCE = re.compile(r"source\s+of\s+position\s*:?\s*", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_COMMAS = re.compile(r"\s*[,;]\s*")
_AND = re.compile(r"\s+and\s+")
_TRAILING = " \t\n;.,"
_MAX_NAME_WORDS = 12
_POSITIONS = {
    "supported": "accepted",
    "accepted": "accepted",
    "noted": "noted",
    "not supported": "noted",
    "rejected": "rejected",
    "pending": "pending",
}
_SPLIT = re.compile(
    r"^(?:supported\s*/\s*noted|noted\s*/\s*supported|partially\s+(?:supported|accepted)|supported\s+in\s+part)$"
)


@dataclass
class Tails:
    """What the "(State);" tails of a recommendation say."""

    text: str = ""  # the recommendation without them
    states: list[str] = field(default_factory=list)  # as written, in order, once each
    unknown: list[str] = field(default_factory=list)  # names the State register does not know
    repaired: list[tuple[str, str]] = field(default_factory=list)  # (as written, as read): "Le one"
    #: The paragraph's clauses, each with the States of its own tail ("X (Slovenia); Y (Korea)"): more
    #: than one when several recommendations share the paragraph, as the Working Group report prints them.
    clauses: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, written: str, found: str | None) -> None:
        name = found or written
        if name not in self.states:
            self.states.append(name)
        if found is None:
            self.unknown.append(written)
        elif found != written:
            self.repaired.append((written, found))


@dataclass(frozen=True)
class RecommendationCell:
    ref: str  # the paragraph, e.g. "186.28"
    tails: Tails  # the text without the number, its tails and the source of position; the States
    position_source: str  # e.g. "A/HRC/25/5/Add.1 - Para. 186.28."

    @property
    def text(self) -> str:
        return self.tails.text

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(self.tails.states)


def tidy(text: str) -> str:
    """Single spaces per line, no blank lines, NFKC (non-breaking spaces become spaces)."""
    lines = (_SPACES.sub(" ", line).strip() for line in unicodedata.normalize("NFKC", text).splitlines())
    return "\n".join(line for line in lines if line)


def read_recommendation(cell: str) -> RecommendationCell | None:
    """The parts of a recommendation cell, or ``None`` when it does not start with a paragraph number."""
    text = tidy(cell)
    number = _NUMBER.match(text)
    if number is None:
        return None
    body, source = split_source(text[number.end() :])
    return RecommendationCell(number["ref"], split_tails(body.replace("\n", " ")), source)


def split_source(text: str) -> tuple[str, str]:
    """``text`` before "Source of position:" and what follows it (one line)."""
    found = _SOURCE.search(text)
    if found is None:
        return text.strip(), ""
    return text[: found.start()].strip(), " ".join(text[found.end() :].split())


def split_tails(text: str) -> Tails:
    """The text without its "(State) (State);" tails, and the recommending States they name.

    A tail is the run of parenthesised groups ending a part of the text (before ";" or at the end),
    from its last group back as long as the groups name States: all their names inside the text,
    any of them at its end (the others are kept as written and reported).
    """
    runs = _tail_runs(text)
    tails = Tails()
    pieces: list[str] = []
    kept_to = 0
    for index, run in enumerate(runs):
        last = index == len(runs) - 1 and not text[run[-1][1] :].strip(_TRAILING)
        taken: list[list[tuple[str, str | None]]] = []
        for start, end in reversed(run):
            names = [(name, _state_name(name)) for name in _split_names(text[start + 1 : end - 1].strip())]
            known = [found for _, found in names if found]
            if len(known) < len(names) and not (last and known):
                break
            taken.insert(0, names)
            tail_start = start
        if not taken:
            continue
        pieces.append(text[kept_to:tail_start].rstrip())
        kept_to = run[-1][1]
        for written, found in (name for names in taken for name in names):
            tails.add(written, found)
        clause = _SPACES.sub(" ", pieces[-1]).strip(_TRAILING + " ")
        if clause:
            tails.clauses.append((clause, [found or written for names in taken for written, found in names]))
    if text[kept_to:].strip(_TRAILING) or len(tails.clauses) < 2:
        tails.clauses = []  # text after the last tail, or one clause: the paragraph is one recommendation
    pieces.append(text[kept_to:])
    clean = "".join(pieces).strip()
    if kept_to and not text[kept_to:].strip(_TRAILING):  # the last tail went: so does its ";"
        clean = clean.rstrip(_TRAILING)
    tails.text = _SPACES.sub(" ", clean)
    return tails


def read_position(cell: str) -> tuple[str, str]:
    """The normalised response and, when it needs saying, what was odd about the position as written."""
    written = next((line for line in tidy(split_source(cell)[0]).splitlines() if line), "")
    key = written.strip(_TRAILING).casefold()
    if not key:
        return "", "no position given"
    if key in _POSITIONS:
        return _POSITIONS[key], ""
    if _SPLIT.match(key):
        return "partially accepted", (
            f"split position {written!r}: part of the paragraph supported, part noted; "
            "recorded as partially accepted"
        )
    shown = written if len(written) <= 60 else written[:60] + "…"
    return "", f"unknown position {shown!r}; response left blank"


def _tail_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of top-level (balanced) parenthesised groups followed by ";" or ending the text."""
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for position, char in enumerate(text):
        if char == "(":
            start = position if depth == 0 else start
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, position + 1))
    runs: list[list[tuple[int, int]]] = []
    for start, end in groups:
        if runs and not text[runs[-1][-1][1] : start].strip():
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
    return [run for run in runs if _ends_part(text[run[-1][1] :])]


def _ends_part(after: str) -> bool:
    after = after.lstrip()
    return not after.strip(_TRAILING) or after.startswith(";")


def _split_names(group: str) -> list[str]:
    """ "France, Germany" → two names; a name with "and" in it ("Trinidad and Tobago") stays whole."""
    if _state_name(group):
        return [group]
    names: list[str] = []
    for part in (part for part in _COMMAS.split(group) if part):
        halves = [half for half in _AND.split(part) if half]
        split = not _state_name(part) and len(halves) > 1 and all(_state_name(half) for half in halves)
        names += halves if split else [part]
    return names


def _state_name(name: str) -> str | None:
    """``name`` when the State register knows it, or its repair when a word was broken ("Sierra Le one")."""
    if resolve_state(name):
        return name
    words = name.split(" ")
    for index in range(1, min(len(words), _MAX_NAME_WORDS)):
        joined = " ".join([*words[: index - 1], words[index - 1] + words[index], *words[index + 1 :]])
        if resolve_state(joined):
            return joined
    return None
