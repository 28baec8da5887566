"""The State's answer to a UPR recommendation, as the field models it.

A UPR recommendation is answered twice. At the end of the interactive dialogue, the **Working Group
report** files it under a *stage*: supported, will be examined (an answer promised for the plenary),
noted (or "rejected", in early reports), or supported as already implemented / in the process of
implementation. Before the Human Rights Council adopts the outcome, the State gives its **final
position** in an addendum (``…/Add.1``): supported or noted ("supported/noted" where it split its
answer). OHCHR's thematic lists and UPR Info's database record that final position.

Parsers keep the words of their document (``RecommendationRecord.response``, normalised to the
older vocabulary: accepted, noted, rejected, pending, will examine, already implemented...) and say
what they are (``response_kind``): ``"stage"``, ``"final"``, or ``""`` for a secondary source that
repeats a position (a fact sheet, an MIA). :func:`read` turns each into a :class:`Reading`, and
:func:`resolve` decides a recommendation's position from every document that spoke of it:

- the final position comes from the most authoritative statement: an addendum, then a thematic list,
  then UPR Info's database, then the position the Working Group stage implies (supported, already
  implemented and in process → supported; noted and rejected → noted; will examine → still pending),
  then a secondary source;
- the stage is the Working Group report's, kept beside it;
- a qualifier ("already implemented", "in process of implementation") stays beside a supported position;
- two statements that imply different positions are a *conflict*: the decision stands, and the
  conflict is shown (nothing is overwritten silently).

>>> read("already implemented", "stage")
Reading(stage='already implemented', position='supported', qualifier='already implemented', authority=1)
>>> read("Accepted", "final").position, read("will examine", "stage").position
('supported', '')
>>> read("noted", "final").authority, read("noted", "final", "addendum").authority
(3, 5)
>>> decision = resolve([read("noted", "stage"), read("accepted", "")])
>>> (decision.position, decision.stage, decision.conflict)
('noted', 'noted', True)
>>> resolve([read("will examine", "stage"), read("supported", "final", "addendum")]).position
'supported'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Final positions
SUPPORTED = "supported"
NOTED = "noted"
SPLIT = "supported/noted"
PENDING = ""  # no final position known (yet)
POSITIONS = (SUPPORTED, NOTED, SPLIT)

# Working Group stages, as the reports word them
STAGE_SUPPORTED = "supported"
STAGE_EXAMINE = "will examine"
STAGE_NOTED = "noted"
STAGE_REJECTED = "rejected"
STAGE_IMPLEMENTED = "already implemented"
STAGE_IN_PROCESS = "in process of implementation"
STAGE_IMPLEMENTED_OR_IN_PROCESS = "already implemented or in process"
STAGES = (
    STAGE_SUPPORTED,
    STAGE_EXAMINE,
    STAGE_NOTED,
    STAGE_REJECTED,
    STAGE_IMPLEMENTED,
    STAGE_IN_PROCESS,
    STAGE_IMPLEMENTED_OR_IN_PROCESS,
)
QUALIFIERS = (STAGE_IMPLEMENTED, STAGE_IN_PROCESS, STAGE_IMPLEMENTED_OR_IN_PROCESS)

# What a statement is; the larger the authority, the more its final position counts.
KIND_STAGE = "stage"
KIND_FINAL = "final"
KIND_SECONDARY = ""
AUTHORITY = {"addendum": 5, "thematic list": 4, "final": 3, KIND_STAGE: 1, KIND_SECONDARY: 0}

#: What each kind of document's answers are, when its records do not say: (kind, document authority).
DOCUMENT_KINDS: dict[str, tuple[str, str]] = {
    "upr-wg-report": (KIND_STAGE, ""),
    "upr-addendum": (KIND_FINAL, "addendum"),
    "ohchr-matrix": (KIND_FINAL, "thematic list"),
    "upr-info-export": (KIND_FINAL, ""),
}

#: Every older word for an answer → (stage it names, final position it implies, qualifier).
#: The table of DATA.md ("Positions").
VOCABULARY: dict[str, tuple[str, str, str]] = {
    "accepted": (STAGE_SUPPORTED, SUPPORTED, ""),
    "supported": (STAGE_SUPPORTED, SUPPORTED, ""),
    "accepted/supported": (STAGE_SUPPORTED, SUPPORTED, ""),
    "noted": (STAGE_NOTED, NOTED, ""),
    "rejected": (STAGE_REJECTED, NOTED, ""),
    "not accepted": (STAGE_REJECTED, NOTED, ""),
    "pending": (STAGE_EXAMINE, PENDING, ""),
    "will examine": (STAGE_EXAMINE, PENDING, ""),
    "will be examined": (STAGE_EXAMINE, PENDING, ""),
    "already implemented": (STAGE_IMPLEMENTED, SUPPORTED, STAGE_IMPLEMENTED),
    "in process of implementation": (STAGE_IN_PROCESS, SUPPORTED, STAGE_IN_PROCESS),
    "in the process of implementation": (STAGE_IN_PROCESS, SUPPORTED, STAGE_IN_PROCESS),
    STAGE_IMPLEMENTED_OR_IN_PROCESS: (
        STAGE_IMPLEMENTED_OR_IN_PROCESS,
        SUPPORTED,
        STAGE_IMPLEMENTED_OR_IN_PROCESS,
    ),
    "partially accepted": ("", SPLIT, ""),
    "supported/noted": ("", SPLIT, ""),
    "": ("", PENDING, ""),
}

#: Other spellings trackers and translations use → the word of :data:`VOCABULARY` they mean.
ALIASES: dict[str, str] = {
    "not supported": "rejected",
    "partially supported": "supported/noted",
    "partly supported": "supported/noted",
    "supported in part": "supported/noted",
    "accepted in part": "partially accepted",
    "noted/supported": "supported/noted",
    "поддержана": "supported",
    "поддержано": "supported",
    "поддержаны": "supported",
    "принята": "accepted",
    "принято": "accepted",
    "принята к сведению": "noted",
    "принято к сведению": "noted",
    "приняты к сведению": "noted",
    "отклонена": "rejected",
    "отклонено": "rejected",
    "частично поддержана": "supported/noted",
    "частично поддержано": "supported/noted",
    "частично принята": "partially accepted",
    "будет рассмотрена": "will be examined",
    "на рассмотрении": "pending",
}

#: The words a refusal lists as known (the rest: DATA.md, "Positions").
KNOWN_WORDS = (
    "supported, noted, supported/noted, accepted, rejected, will examine, already implemented, "
    "in process of implementation, partially supported (DATA.md, Positions)"
)

# A footnote sign or number after the word ("Noted*", "Supported (1)", "Noted [2]").
_MARK = re.compile(r"\s*(?:[*†‡]+|\(\d+\)|\[\d+\]|\d+)$")
# "supported-noted", "Supported / Noted", "supported – noted": one split answer.
_PAIR = re.compile(r"\s*[-–—/|]\s*")


def normalised(response: str) -> str:
    """The word of :data:`VOCABULARY` that ``response`` spells, or ``response`` cut to lower case and
    single spaces when it spells none.

    >>> [normalised(word) for word in ("Noted*", "Supported (1)", "supported-noted", "Частично поддержана")]
    ['noted', 'supported', 'supported/noted', 'supported/noted']
    >>> normalised("  Will   be examined "), normalised("Perhaps")
    ('will be examined', 'perhaps')
    """
    word = " ".join(response.split()).lower()
    while (bare := _MARK.sub("", word)) != word:
        word = bare
    paired = _PAIR.sub("/", word)
    for candidate in (word, paired):
        if candidate in VOCABULARY:
            return candidate
        if candidate in ALIASES:
            return ALIASES[candidate]
    return word


@dataclass(frozen=True)
class Reading:
    """What one document's answer says: the stage (Working Group reports only), the final position
    it states or implies ("" = none), the qualifier, and how much its position counts."""

    stage: str
    position: str
    qualifier: str
    authority: int


@dataclass(frozen=True)
class Decision:
    position: str
    stage: str
    qualifier: str
    conflict: bool


def known(response: str) -> bool:
    return normalised(response) in VOCABULARY


def read(response: str, kind: str, document: str = "") -> Reading:
    """The reading of ``response`` given as ``kind`` (stage, final, secondary) by a ``document`` kind
    ("addendum", "thematic list" raise a final position's authority)."""
    stage, position, qualifier = VOCABULARY.get(normalised(response), ("", PENDING, ""))
    if kind == KIND_FINAL:
        authority = (
            AUTHORITY[document] if document in ("addendum", "thematic list") else AUTHORITY[KIND_FINAL]
        )
        stage = ""  # a final position is not a Working Group stage
    elif kind == KIND_STAGE:
        authority = AUTHORITY[KIND_STAGE]
    else:
        authority = AUTHORITY[KIND_SECONDARY]
        stage = ""
    return Reading(stage, position, qualifier, authority)


def resolve(readings: Iterable[Reading]) -> Decision:
    """The position of a recommendation from every reading of it (see the module's rules)."""
    readings = list(readings)
    positioned = sorted((r for r in readings if r.position), key=lambda r: -r.authority)
    position = positioned[0].position if positioned else PENDING
    stages = [r.stage for r in readings if r.stage]
    stage = stages[0] if stages else ""
    qualifiers = [r.qualifier for r in sorted(readings, key=lambda r: -r.authority) if r.qualifier]
    qualifier = qualifiers[0] if qualifiers and position in (SUPPORTED, SPLIT) else ""
    conflict = len({r.position for r in positioned}) > 1 or len(set(stages)) > 1
    return Decision(position, stage, qualifier, conflict)
