"""The State's decision on each list of recommendations, as the introductory paragraphs word it.

Normalised responses: ``accepted`` ("enjoy the support of"), ``already implemented`` ("enjoy the
support of X, which considers that they are already implemented or in the process of
implementation"), ``will examine`` ("will be examined by X, which will provide responses in due
time", and the 2008–2009 "the following recommendations were made to X" whose answer was to come in
the outcome report), ``noted`` ("did not enjoy the support", "were noted", "cannot be accepted")
and ``rejected`` (where the text says "rejected"/"rejects").

>>> decision("The following recommendations did not enjoy the support of Kazakhstan and would thus be noted:")
'noted'
>>> decision("The following recommendations enjoy the support of Chad, which considers that they are already "
...          "implemented")
'already implemented'
>>> decision("In the course of the discussion, the following recommendations were made to Benin:")
'will examine'
>>> overrides("Yemen considers that recommendations Nos. 2, 7 and 31 above are already implemented.", 91)
{'91.2': 'already implemented', '91.7': 'already implemented', '91.31': 'already implemented'}
>>> iran = overrides("Iran considers that recommendations 90.102 to 90.104 are in the process of "
...                  "implementation", 90)
>>> iran == dict.fromkeys(["90.102", "90.103", "90.104"], "in process of implementation")
True
>>> decision("The following recommendations enjoy the support of Kazakhstan, which considers that they are "
...          "in the process of being implemented.")
'in process of implementation'
>>> decision("The following recommendations enjoy the support of Chad, which considers that they are already "
...          "implemented or in the process of implementation")
'already implemented or in process'
"""

from __future__ import annotations

import re
from collections.abc import Collection

ACCEPTED = "accepted"
IMPLEMENTED = "already implemented"
IN_PROCESS = "in process of implementation"
IMPLEMENTED_OR_IN_PROCESS = "already implemented or in process"
#: The answers that support a recommendation.
SUPPORTING = frozenset({ACCEPTED, IMPLEMENTED, IN_PROCESS, IMPLEMENTED_OR_IN_PROCESS})
EXAMINE = "will examine"
NOTED = "noted"
REJECTED = "rejected"
#: Normalised response → the researcher's ``wg_decision`` (support / implemented / consider / reject).
WG_DECISIONS = {
    ACCEPTED: "support",
    IMPLEMENTED: "implemented",
    IN_PROCESS: "implemented",
    IMPLEMENTED_OR_IN_PROCESS: "implemented",
    EXAMINE: "consider",
    NOTED: "reject",
    REJECTED: "reject",
}

_NEGATIVE = re.compile(
    r"\b(?:did|do|does|has|have|had)\s+not\s+(?:enjoy|receive|accept|support)|\bnot\s+(?:be\s+)?(?:accepted|supported)"
    r"|cannot\s+(?:be\s+)?(?:accept|support)|not\s+in\s+a\s+position\s+to\s+accept|unable\s+to\s+(?:accept|support)",
    re.I,
)
_REJECT = re.compile(r"\breject(?:s|ed)?\b", re.I)
_IMPLEMENTED = re.compile(
    r"already\s+(?:been\s+|being\s+)?implemented|in\s+the\s+process\s+of\s+(?:being\s+)?implement"
    r"|being\s+implemented|have\s+been\s+implemented|(?:are|is)\s+(?:already\s+)?implemented",
    re.I,
)
_ALREADY = re.compile(
    r"already\s+(?:been\s+)?implemented|have\s+been\s+implemented|(?:are|is)\s+(?:already\s+)?implemented",
    re.I,
)
_IN_PROCESS = re.compile(r"in\s+the\s+process\s+of\s+(?:being\s+)?implement|being\s+implemented", re.I)
_EXAMINE = re.compile(
    r"will\s+be\s+(?:further\s+)?examined|will\s+(?:further\s+)?examine|will\s+(?:provide|give)\s+(?:\w+\s+){0,3}"
    r"(?:responses?|answers?)|will\s+respond|respon(?:se|d)s?\s+in\s+due|responses?\s+of\s+.{0,80}?will\s+be\s+"
    r"(?:included|provided)|will\s+study",
    re.I,
)
#: 2008–2009: "the following recommendations were made to X" (its answer to come in the outcome report).
_MADE = re.compile(r"were\s+made\s+to|it\s+was\s+recommended\s+that|recommendations\s+were\s+made", re.I)
_ACCEPTED = re.compile(
    r"enjoys?\s+(?:the\s+|its\s+)?support|enjoyed\s+its\s+support|\baccept(?:s|ed)\b|\bsupported\b", re.I
)
_NOTED = re.compile(r"\bnoted\b|\btakes?\s+note\b|\btook\s+note\b|\bnotes\s+(?:the|those|these)\b", re.I)

_NUMBER = r"\d{1,3}(?:\.\s?\d{1,3})?"
_REFS = re.compile(
    r"recommendations?\s+(?:marked\s+with\s+an\s+asterisk,\s+)?(?:nos?\.?\s*)?(?:in\s+paragraphs?\s+)?"
    rf"(?P<refs>{_NUMBER}(?:(?:\s*(?:,|and|to|-|–)\s*|\s+){_NUMBER})*)(?!\s*\(\w\))(?![\d.])",
    re.I,
)
_IN_PARAGRAPH = re.compile(r"^\s*(?:above\s+)?in\s+paragraph\s+(\d{1,3})\b")
_ALL_ABOVE = re.compile(
    r"(?:above(?:-mentioned)?\s+recommendations|recommendations\s+(?:listed\s+|set\s+out\s+)?above)", re.I
)
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])|[:;]|$")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|\band\b)\s*|(?<![.\d]\s)(?<!to\s)(?<![-–]\s)(?<=\d)\s+(?=\d)")
#: How far after "the recommendations listed above" its verb may stand.
_ABOVE_WINDOW = 40
_RANGE = re.compile(rf"({_NUMBER})\s*(?:to|-|–)\s*({_NUMBER})")


def decision(text: str) -> str | None:
    """The normalised decision an introductory text states, or None."""
    if _NEGATIVE.search(text):
        return REJECTED if _REJECT.search(text) else NOTED
    if _REJECT.search(text):
        return REJECTED
    if _IMPLEMENTED.search(text):
        return _implemented(text)
    for pattern, response in ((_EXAMINE, EXAMINE), (_ACCEPTED, ACCEPTED)):
        if pattern.search(text):
            return response
    if _NOTED.search(text):
        return NOTED
    return EXAMINE if _MADE.search(text) else None


def _override_decision(clause: str) -> str | None:
    """Only "already implemented" and "did not enjoy the support" re-decide listed recommendations."""
    if _NEGATIVE.search(clause):
        return NOTED
    return _implemented(clause) if _IMPLEMENTED.search(clause) else None


def _implemented(text: str) -> str:
    """Which of "already implemented", "in process of implementation" (or both) a text says."""
    already, in_process = bool(_ALREADY.search(text)), bool(_IN_PROCESS.search(text))
    if already and in_process:
        return IMPLEMENTED_OR_IN_PROCESS
    return IN_PROCESS if in_process else IMPLEMENTED


def _expand(refs: str, paragraph: int) -> list[str]:
    found: list[str] = []
    for piece in _LIST_SEPARATOR.split(refs):
        span = _RANGE.fullmatch(piece.strip())
        ends = [span[1], span[2]] if span else [piece.strip()]
        full = [end.replace(" ", "") if "." in end else f"{paragraph}.{end}" for end in ends if end]
        if len(full) == 2 and full[0].split(".")[0] == full[1].split(".")[0]:
            head, first, last = full[0].split(".")[0], int(full[0].split(".")[1]), int(full[1].split(".")[1])
            found.extend(f"{head}.{sub}" for sub in range(first, last + 1))
        else:
            found.extend(full)
    return found


def overrides(text: str, paragraph: int | None, listings: Collection[int] = ()) -> dict[str, str]:
    """Refs a text re-decides ("X considers that recommendations Nos. 7, 8 above are already implemented").

    Bare numbers ("Nos. 7, 8") are items of ``paragraph`` (the list they follow or introduce), or of
    the paragraph the text names ("Nos. 18, 19 above in paragraph 99") when that one is among
    ``listings`` (the paragraphs that list recommendations; a report may name the wrong one).
    """
    found: dict[str, str] = {}
    for match in _REFS.finditer(text):
        rest = text[match.end() :]
        end = _SENTENCE_END.search(rest)
        clause = match[0] + rest[: end.start() if end else len(rest)]
        response = _override_decision(clause)
        named = _IN_PARAGRAPH.match(rest)
        base = int(named[1]) if named and int(named[1]) in listings else paragraph
        if response is None or base is None:
            continue
        for ref in _expand(match["refs"], base):
            found[ref] = response
    return found


def all_above(text: str) -> str | None:
    """The decision a text gives to every recommendation listed above it: "the recommendations listed
    above are either already implemented", "The recommendations listed above enjoy the support of X".

    >>> all_above("Nicaragua considers that the recommendations listed above are either already implemented.")
    'already implemented'
    >>> all_above("X takes note of the recommendations above and in the interim would like to state "
    ...           "that, among the recommendations, there are some that enjoy the support of X")
    """
    found = _ALL_ABOVE.search(text)
    if not found or _REFS.search(text):
        return None
    return decision(text[found.start() : found.end() + _ABOVE_WINDOW])


def strip_overrides(text: str) -> str:
    """The text without its clauses that re-decide numbered recommendations (for the list's own decision)."""
    pieces: list[str] = []
    position = 0
    for match in _REFS.finditer(text):
        rest = text[match.end() :]
        end = _SENTENCE_END.search(rest)
        clause_end = match.end() + (end.start() if end else len(rest))
        if _override_decision(text[match.start() : clause_end]):
            pieces.append(text[position : match.start()])
            position = clause_end
    pieces.append(text[position:])
    return "".join(pieces)
