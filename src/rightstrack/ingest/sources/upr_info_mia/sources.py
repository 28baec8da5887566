"""Section "1. Sources and results": who was contacted, who answered, and the IRI summary.

The section states its figures in sentences, e.g. "18 NGOs were contacted.", "9 NGOs responded to
our enquiry.", "The UN agencies did not respond.", then sums the IRI up:
"IRI: 66 recommendations are not implemented, ... No answer was received for 9 out of 129
recommendations". Sentences are read by their words, not by their position.

>>> read_summary("IRI: 3 recommendations are not implemented, 1 recommendation is fully implemented. "
...              "No answer was received for 2 out of 7 recommendations")
{'not implemented': 3, 'fully implemented': 1, 'no answer': 2, 'total': 7}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from rightstrack.core.records import ContactFigure, Place, Problem

from .lines import Line

SECTION = "sources and results"

_SUMMARY_LINE = re.compile(r"^IRI\s*:.*\brecommendations?\b", re.IGNORECASE)
_STATED_LEVEL = re.compile(
    r"(?P<count>\d+)\s+recommendations?\s+(?:are|is|were|was|have\s+been|has\s+been)\s+"
    r"(?P<level>not|partially|fully)\s+implemented",
    re.IGNORECASE,
)
_NO_ANSWER = re.compile(r"(?P<count>\d+)\s+out\s+of\s+(?P<total>\d+)\s+recommendations", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[.!?]\*)\s+")
_NUMBER = re.compile(
    r"\b(?P<number>\d+|"
    + "|".join(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
    + r")\b",
    re.IGNORECASE,
)
_WORD_NUMBERS: Mapping[str, int] = MappingProxyType(
    {
        word: value
        for value, word in enumerate(
            ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1
        )
    }
)
_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reports", re.compile(r"\breports?\b.*\bsubmitted\b", re.IGNORECASE)),
    ("state", re.compile(r"Permanent\s+Mission|State\s+under\s+Review|\bthe\s+State\b|\bGovernment\b", re.I)),
    ("nhri", re.compile(r"\bNHRIs?\b|National\s+Institutions?\b|human\s+rights\s+institution", re.I)),
    ("un_agency", re.compile(r"\bUN\s+agenc|United\s+Nations\s+agenc", re.IGNORECASE)),
    ("ngo", re.compile(r"\bNGOs?\b|non-governmental\s+organi[sz]ations?", re.IGNORECASE)),
)
_CONTACTED = re.compile(r"\bcontacted\b", re.IGNORECASE)
_ANSWERED = re.compile(r"\b(?:respond\w*|repl\w+|answer\w*|participat\w*|active|submitted)\b", re.IGNORECASE)
_NEGATIVE = re.compile(r"\b(?:not|no|never|neither|nor)\b|n't\b", re.IGNORECASE)
_SINGULAR = re.compile(r"\b(?:was|is|has)\b", re.IGNORECASE)

_LEVEL_KEYS: Mapping[str, str] = MappingProxyType(
    {"not": "not implemented", "partially": "partially implemented", "fully": "fully implemented"}
)


def is_summary(text: str) -> bool:
    """Whether a cleaned line is the IRI summary sentence."""
    return bool(_SUMMARY_LINE.match(text))


def read_summary(text: str) -> dict[str, int]:
    """The document's own totals from its summary sentence (keys absent when not stated)."""
    counts: dict[str, int] = {}
    for match in _STATED_LEVEL.finditer(text):
        counts[_LEVEL_KEYS[match.group("level").lower()]] = int(match.group("count"))
    no_answer = _NO_ANSWER.search(text)
    if no_answer is not None:
        counts["no answer"] = int(no_answer.group("count"))
        counts["total"] = int(no_answer.group("total"))
    return counts


@dataclass
class _Figure:
    group: str
    line: int
    contacted: int | None = None
    responded: int | None = None
    sentences: list[str] = field(default_factory=list)


def read_contact_figures(items: Sequence[Line]) -> tuple[list[ContactFigure], list[Problem]]:
    """One figure per group of stakeholders the section speaks of, in order of first mention."""
    figures: dict[str, _Figure] = {}
    problems: list[Problem] = []
    for item in items:
        if is_summary(item.clean):
            continue
        for sentence in _SENTENCE_BREAK.split(item.raw.strip()):
            group = _group_of(sentence)
            if group is None:
                continue
            figure = figures.setdefault(group, _Figure(group, item.number))
            if not _read_sentence(figure, sentence):
                problems.append(
                    Problem(Place(line=item.number, section=SECTION), f"figure not understood: {sentence!r}")
                )
    return [_freeze(figure) for figure in figures.values()], problems


def _group_of(sentence: str) -> str | None:
    if not (_CONTACTED.search(sentence) or _ANSWERED.search(sentence)):
        return None
    return next((group for group, pattern in _GROUPS if pattern.search(sentence)), None)


def _read_sentence(figure: _Figure, sentence: str) -> bool:
    """Folds one sentence into ``figure``; ``False`` when it gives no figure."""
    number = _number_in(sentence)
    understood = True
    if figure.group == "reports" or _CONTACTED.search(sentence):
        if number is None and _SINGULAR.search(sentence):
            number = 1
        figure.contacted = number if number is not None else figure.contacted
        understood = number is not None
    elif _ANSWERED.search(sentence):
        if _NEGATIVE.search(sentence):
            figure.responded = 0
        else:
            figure.responded = number if number is not None else figure.contacted
        understood = figure.responded is not None
    figure.sentences.append(sentence)
    return understood


def _number_in(sentence: str) -> int | None:
    match = _NUMBER.search(sentence)
    if match is None:
        return None
    word = match.group("number").lower()
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]


def _freeze(figure: _Figure) -> ContactFigure:
    return ContactFigure(
        group=figure.group,
        contacted=figure.contacted,
        responded=figure.responded,
        note=" ".join(figure.sentences),
        place=Place(line=figure.line, section=SECTION),
    )
