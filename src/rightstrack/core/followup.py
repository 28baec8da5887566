"""A treaty body's decision on its follow-up procedure, as a small vocabulary.

Each Human Rights Committee follow-up report ends a State's evaluation with the Committee's decision
("Recommended action: A letter should be sent informing the State party of the discontinuation of the
follow-up procedure. The information requested should be included in the State party's next periodic
report."). The words are kept as written; :func:`decision_kind` names what they decide:

============== ===================================================================================
kind           the report says
============== ===================================================================================
discontinued   the follow-up procedure is discontinued (ended); what is pending goes to the next
               periodic report or list of issues
next-report    the information requested is to come in the next periodic report (or list of
               issues), without saying the procedure ends
next-letter    a (next) letter reflecting the Committee's analysis: the procedure goes on
other          anything else (a meeting, a reminder, a decision in other words)
============== ===================================================================================

>>> decision_kind("A letter should be sent informing the State party of the discontinuation of the"
...               " follow-up procedure. The information requested should be included in the State"
...               " party's next periodic report.")
'discontinued'
>>> decision_kind("A letter should be sent reflecting the analysis of the Committee.")
'next-letter'
>>> decision_kind("Decision: information requested in the next periodic report.")
'next-report'
"""

from __future__ import annotations

import re

DISCONTINUED = "discontinued"
NEXT_REPORT = "next-report"
NEXT_LETTER = "next-letter"
OTHER = "other"

#: The kinds, in order, with their English meaning (the pages translate them).
DECISION_KINDS: dict[str, str] = {
    DISCONTINUED: "follow-up procedure ended",
    NEXT_REPORT: "information requested in the next periodic report",
    NEXT_LETTER: "follow-up goes on: letter to the State",
    OTHER: "other decision",
}

_DISCONTINUED = re.compile(
    r"discontinu|procedure (?:is |was |has been )?(?:ended|closed|concluded)"
    r"|end(?:ing)? (?:of )?the follow-up",
    re.I,
)
_NEXT_REPORT = re.compile(r"next (?:periodic )?report|list of issues", re.I)
_NEXT_LETTER = re.compile(r"\bletter\b", re.I)


def decision_kind(text: str) -> str:
    """The kind of the decision these words state (see the module's table)."""
    if _DISCONTINUED.search(text):
        return DISCONTINUED
    if _NEXT_LETTER.search(text) and not _NEXT_REPORT.search(text):
        return NEXT_LETTER
    if _NEXT_REPORT.search(text):
        return NEXT_REPORT
    return OTHER


_LIMBS = re.compile(r"^\s*(\([a-z]{1,5}\)(?:\s*(?:,\s*and|,|and|to)?\s*\([a-z]{1,5}\))*)")


def limb_of(sub_item: str) -> str:
    """The limbs a grade covers, from an assessment's sub-item: ``(a) and (b)``; ``""`` for the whole
    paragraph (or a sub-item that names no limb).

    >>> limb_of("(c) to (f)"), limb_of("(a) The Committee notes"), limb_of(""), limb_of("The State")
    ('(c) to (f)', '(a)', '', '')
    """
    match = _LIMBS.match(sub_item)
    return " ".join(match.group(1).split()) if match else ""


def address(paragraph: str, sub_item: str = "") -> str:
    """How a graded paragraph or limb is cited: ``24``, ``24 (b)``, ``24 (a) and (b)``.

    >>> address("24", "(a) and (b)"), address("18")
    ('24 (a) and (b)', '18')
    """
    limb = limb_of(sub_item)
    return f"{paragraph} {limb}" if limb else paragraph
