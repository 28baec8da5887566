"""Section "3. Feedbacks on recommendations": recommendations, their IRI, groups and responses.

The section is a run of blocks under theme headings ("CP Rights", "Justice"...)::

    Recommendation nº5: Amend legislation ... (Recommended by United Kingdom)
    IRI: not implemented
    +
    Recommendation nº57: Ensure that legislation ... (Recommended by Sweden)
    IRI: not implemented
    KIHRRLC response:
    Recommendation has not been implemented.
    ...

Recommendations joined by a "+" line (or following each other with no response in between) are
answered together: they form one group, and each response answers every member.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place, Problem
from rightstrack.core.states import resolve_state

from .lines import Line, join_paragraphs, strip_emphasis
from .responders import Responder, parse_header

SECTION = "feedback"

_RECOMMENDATION = re.compile(
    r"^Recommendation\s+n\s*[º°]\s*(?P<number>\d+)\s*:\s*(?P<text>.*)$", re.IGNORECASE
)
_RECOMMENDED_BY = re.compile(r"\(\s*Recommended\s+by\s*:?\s*(?P<states>[^()]+(?:\([^()]*\)[^()]*)*)\)$", re.I)
_IRI = re.compile(r"^IRI\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_PLUS = re.compile(r"^\+$")
_THEME = re.compile(r"^[A-Z][\w'’-]*(?:\s+(?:&|and|of|[A-Z][\w'’-]*)){0,4}$")
_NOT_THEMES = frozenset({"yes", "no", "none", "partially", "fully", "not"})
_STATE_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b)\s*")
_SPACES = re.compile(r"\s+")
_MAX_CONTINUATION_LINES = 3

#: Published IRI wordings and their level codes ("-" = assessed, no level given).
LEVELS: Mapping[str, str] = MappingProxyType(
    {
        "not implemented": "not",
        "partially implemented": "partially",
        "fully implemented": "fully",
        "-": "-",
        "–": "-",
        "—": "-",
    }
)


class Kind(Enum):
    RECOMMENDATION = "recommendation"
    IRI = "IRI"
    PLUS = "+"
    HEADER = "response header"
    TEXT = "text"


@dataclass(frozen=True)
class FeedbackRecommendation:
    number: int
    text: str
    states: tuple[str, ...]
    line: int  # 1-based line of its heading
    level: str  # "not" / "partially" / "fully" / "-"
    level_line: int
    theme: str


@dataclass(frozen=True)
class Response:
    responder: Responder
    text: str
    line: int  # 1-based line of its header


@dataclass
class Group:
    """Recommendations answered together, and the responses they got."""

    members: list[FeedbackRecommendation] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)

    @property
    def key(self) -> str:
        """``"5+57"`` for a group, ``""`` for a recommendation answered alone."""
        if len(self.members) < 2:
            return ""
        return "+".join(str(member.number) for member in self.members)


@dataclass(frozen=True)
class Feedback:
    groups: tuple[Group, ...]
    problems: tuple[Problem, ...]

    @property
    def recommendations(self) -> list[FeedbackRecommendation]:
        return [member for group in self.groups for member in group.members]


def classify(line: Line) -> Kind:
    """What a non-blank line of section 3 is, on its own."""
    text = line.clean
    if _RECOMMENDATION.match(text):
        return Kind.RECOMMENDATION
    if _IRI.match(text):
        return Kind.IRI
    if _PLUS.match(text):
        return Kind.PLUS
    if len(text) <= 200 and parse_header(text) is not None:
        return Kind.HEADER
    return Kind.TEXT


def read_feedback(items: Sequence[Line]) -> Feedback:
    """The groups of section 3, from its non-blank lines. Raises :class:`DocumentRejected`."""
    return _Reader(items).run()


def split_states(text: str) -> tuple[str, ...]:
    """Recommending States as written, without emphasis; split only where every part is a State.

    >>> split_states("*Ukraine*"), split_states("Bosnia and Herzegovina"), split_states("Chile, Peru")
    (('Ukraine',), ('Bosnia and Herzegovina',), ('Chile', 'Peru'))
    """
    whole = strip_emphasis(text).strip(" .;,")
    if resolve_state(whole) is not None:
        return (whole,)
    parts = tuple(part for part in _STATE_SEPARATORS.split(whole) if part)
    if len(parts) > 1 and all(resolve_state(part) is not None for part in parts):
        return parts
    return (whole,)


def parse_level(value: str) -> str | None:
    """The level code of a published IRI wording, ``None`` when it is not one."""
    return LEVELS.get(_SPACES.sub(" ", value).strip().casefold())


class _Reader:
    """Walks the section's lines once; raises on a broken structure, notes lesser oddities."""

    def __init__(self, items: Sequence[Line]) -> None:
        self.items = items
        self.kinds = [classify(item) for item in items]
        self.position = 0
        self.groups: list[Group] = []
        self.open: Group | None = None  # the group a "+" or a following recommendation may join
        self.plus: Line | None = None
        self.theme = ""
        self.problems: list[Problem] = []

    def run(self) -> Feedback:
        while self.position < len(self.items):
            item, kind = self.items[self.position], self.kinds[self.position]
            if kind is Kind.RECOMMENDATION:
                self._recommendation()
            elif kind is Kind.PLUS:
                self._plus(item)
            elif kind is Kind.HEADER:
                self._response(item)
            elif kind is Kind.IRI:
                raise DocumentRejected(
                    f"IRI line {item.clean!r} follows no recommendation heading", _place(item)
                )
            elif self._is_theme(self.position):
                self._theme(item)
            else:
                self._note(item.number, f"text outside any response, kept nowhere: {_excerpt(item.clean)!r}")
                self.position += 1
        self._close_open_group()
        return Feedback(tuple(self.groups), tuple(self.problems))

    def _recommendation(self) -> None:
        recommendation = self._read_recommendation()
        if self.open is not None and (self.plus is not None or not self.open.responses):
            if self.plus is None:
                previous = self.open.members[-1].number
                self._note(
                    recommendation.line,
                    f"no '+' line between n°{previous} (no response of its own) and n°{recommendation.number}"
                    ": taken as answered together",
                )
            self.open.members.append(recommendation)
        else:
            self.open = Group([recommendation])
            self.groups.append(self.open)
        self.plus = None

    def _read_recommendation(self) -> FeedbackRecommendation:
        heading = self.items[self.position]
        match = _RECOMMENDATION.match(heading.clean)
        assert match is not None
        number = int(match.group("number"))
        text = match.group("text").strip()
        self.position += 1
        found = _RECOMMENDED_BY.search(text)
        extra = 0
        while found is None and extra < _MAX_CONTINUATION_LINES and self._next_is(Kind.TEXT):
            text = f"{text} {self.items[self.position].clean}"
            self.position += 1
            extra += 1
            found = _RECOMMENDED_BY.search(text)
        if found is None:
            raise DocumentRejected(
                f"recommendation n°{number} has no '(Recommended by ...)' at the end of its text",
                _place(heading),
            )
        iri = self.items[self.position] if self._next_is(Kind.IRI) else None
        if iri is None:
            raise DocumentRejected(
                f"recommendation n°{number} is not followed by an 'IRI:' line", _place(heading)
            )
        self.position += 1
        value = _IRI.match(iri.clean)
        level = parse_level(value.group("value")) if value else None
        if level is None:
            raise DocumentRejected(f"unreadable IRI level in {iri.clean!r} (n°{number})", _place(iri))
        return FeedbackRecommendation(
            number=number,
            text=_SPACES.sub(" ", text[: found.start()]).strip(),
            states=split_states(found.group("states")),
            line=heading.number,
            level=level,
            level_line=iri.number,
            theme=self.theme,
        )

    def _plus(self, item: Line) -> None:
        if self.open is None or self.open.responses:
            self._note(item.number, "'+' line that follows no recommendation: ignored")
        else:
            self.plus = item
        self.position += 1

    def _response(self, header: Line) -> None:
        self._drop_pending_plus()
        if self.open is None:
            raise DocumentRejected(
                f"response header {header.clean!r} answers no recommendation", _place(header)
            )
        responder = parse_header(header.clean)
        assert responder is not None
        self.position += 1
        body: list[Line] = []
        while self.position < len(self.items) and self.kinds[self.position] is Kind.TEXT:
            if body and self._is_theme(self.position):
                break
            body.append(self.items[self.position])
            self.position += 1
        if not body:
            self._note(header.number, f"{header.clean!r} is followed by no text")
        self.open.responses.append(Response(responder, join_paragraphs(body), header.number))

    def _theme(self, item: Line) -> None:
        self._drop_pending_plus()
        self._close_open_group()
        self.theme = item.clean
        self.position += 1

    def _close_open_group(self) -> None:
        if self.open is not None and not self.open.responses:
            numbers = ", ".join(f"n°{member.number}" for member in self.open.members)
            self._note(self.open.members[0].line, f"{numbers}: no stakeholder response follows")
        self.open = None

    def _drop_pending_plus(self) -> None:
        if self.plus is not None:
            self._note(self.plus.number, "'+' line followed by no recommendation: ignored")
            self.plus = None

    def _is_theme(self, position: int) -> bool:
        text = self.items[position].clean
        if not _THEME.match(text) or text.casefold() in _NOT_THEMES:
            return False
        following = position + 1
        return following < len(self.items) and self.kinds[following] is Kind.RECOMMENDATION

    def _next_is(self, kind: Kind) -> bool:
        return self.position < len(self.items) and self.kinds[self.position] is kind

    def _note(self, line: int, message: str) -> None:
        self.problems.append(Problem(Place(line=line, section=SECTION), message))


def _place(item: Line) -> Place:
    return Place(line=item.number, section=SECTION)


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
