"""The State's comments on recommendations, numbered like recommendations but not recommendations.

Some reports of 2008–2011 follow a list of recommendations the State did not support with its
comments, numbered as the list is: "83. Burundi takes note of the recommendations reflected in
paragraphs 23, 24 (b) ... and offers the following comments: 1. With regard to recommendations
concerning rape ... Burundi clarified that ...", "92.1. Regarding the recommendation No. 91.1, the
Law on ...", "2. Costa Rica explained that it has not considered ... the ratification of ICRMW".
A recommendation opens with what the State should do ("Ratify", "Consider", "To ensure"); a
comment opens with the recommendation it answers ("With regard to the recommendation in paragraph
37", "Regarding recommendation 58 (a)", "The recommendation under paragraph 64 (d) ... was not
supported") or with the State reporting its view ("Costa Rica explained that").

>>> is_comment("With regard to the recommendation in paragraph 37 (b), Peru indicated that ...", "Peru")
True
>>> is_comment("Regarding recommendation No. 91.2, individual human rights violations are not ...", "X")
True
>>> is_comment("Costa Rica explained that it has not considered to date ... ICRMW.", "Costa Rica")
True
>>> is_comment("Ratify the Optional Protocol to CAT (Chile);", "Peru")
False
>>> is_comment("Continue to support Peru's initiatives in the region (Chile);", "Peru")
False
"""

from __future__ import annotations

import re

from rightstrack.core.records import Place, Problem

from .numbering import Numbering
from .tails import read_tail

SECTION = "recommendations"

_ANSWERS = re.compile(
    r"^[\s(“\"]*(?:with\s+regards?\s+to|regarding|as\s+regards|as\s+for|concerning|in\s+relation\s+to|"
    r"with\s+respect\s+to|in\s+respect\s+of|in\s+response\s+to|on)\s+(?:the\s+|all\s+|those\s+)?"
    r"(?:[\w-]+\s+){0,2}recommendations?\b"
    r"|^[\s(“\"]*the\s+recommendations?\s+(?:under|in|contained\s+in|made\s+in|included\s+in|of)\s+paragraphs?\b",
    re.I,
)
_REPORTS = (
    r"(?:explained|indicated|clarified|stated|noted|considers|considered|believes|informed|"
    r"wishe[sd]\s+to|affirm(?:s|ed)|reiterate[sd]|maintains|maintained|points?\s+out|pointed\s+out)"
)


def is_comment(text: str, state_name: str) -> bool:
    """Whether a numbered item is the State's comment on recommendations rather than a recommendation:
    it opens as a comment does and does not end with the States that made it ("Regarding
    recommendations made by the Human Rights Committee ..., raise the age ... (Slovenia);" is one).

    >>> is_comment("Regarding recommendations made by the Human Rights Committee, raise (Slovenia);", "X")
    False
    """
    who = rf"(?:{re.escape(state_name)}|government(?:\s+of\s+\w+)?|delegation)" if state_name else "(?!)"
    speaker = rf"^[\s“\"]*(?:the\s+)?{who}\s+{_REPORTS}\b"
    if not _ANSWERS.search(text) and not re.search(speaker, text, re.I):
        return False
    tail = read_tail(text)
    return not (tail.states and not tail.trailing and not tail.unresolved)


def set_aside(numbering: Numbering, state_name: str) -> list[Problem]:
    """Take the State's comments out of the paragraphs' recommendations; each is reported with its words."""
    problems: list[Problem] = []
    for paragraph in numbering.paragraphs:
        kept = []
        for item in paragraph.items:
            if not is_comment(item.text, state_name):
                kept.append(item)
                continue
            place = Place(line=item.line, section=SECTION, paragraph=item.ref)
            problems.append(
                Problem(
                    place, f"{item.ref} is the State's comment, not a recommendation: {item.text[:300]!r}"
                )
            )
        paragraph.items = kept
    return problems
