"""What a paragraph of concluding observations is: a recommendation, a concern, procedure, or the follow-up.

>>> is_recommendation("8. The State party should continue to review its reservations.")
True
>>> is_recommendation("22. The Committee encourages the State party to adopt legislation on torture.")
True
>>> is_recommendation("18. The Committee draws attention to target 16.9, recommends that the State party …")
True
>>> is_recommendation("25. The Committee is concerned, though the law says that it should be applied.")
False
>>> is_recommendation("9. The Committee is concerned at the absence of a national human rights institution.")
False
>>> follow_up("40. … the State party is requested to provide, within one year of the adoption of the present "
...           "concluding observations, information on the implementation of the recommendations made by the "
...           "Committee in paragraphs 20 (domestic violence), 24 (solitary confinement) and 32 (rights of "
...           "aliens, including migrants) above.")
... # doctest: +NORMALIZE_WHITESPACE
FollowUp(paragraphs=('20', '24', '32'),
         due_text='within one year of the adoption of the present concluding observations', due_on=None)
>>> follow_up("The Committee requests the State party to provide, by 15 July 2022, information on the "
...           "implementation of the recommendations made in paragraphs 12 (a) and 20 above.")
FollowUp(paragraphs=('12', '20'), due_text='by 15 July 2022', due_on='15 July 2022')
>>> follow_up("The Committee requests the State party to provide, within two years, written information on "
...           "the steps taken to implement the recommendations contained in paragraphs 15 (b) and 23 (a) "
...           "above.")
FollowUp(paragraphs=('15', '23'), due_text='within two years', due_on=None)
>>> follow_up("The Committee requests the State party to provide, by 12 May 2017, information on follow-up "
...           "to "
...           "the Committee's recommendations on safeguards (see paras. 12 (a), 20 and 24 above).")
FollowUp(paragraphs=('12', '20', '24'), due_text='by 12 May 2017', due_on='12 May 2017')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ACTS = re.compile(
    r"\b(?:State party|Government)\s+(?:should|must)\b|(?:^|[.:;]\s+)It\s+should\b"
    r"|\bCommittee\s+(?:(?:also|further|strongly|again)\s+)?"
    r"(?:recommends|urges|calls upon|calls on|encourages|"
    r"requests|invites|reiterates its recommendation)\b"
    r"|\bState party is (?:(?:also|further|strongly)\s+)?(?:urged|encouraged|requested|invited|called upon)\b"
    r"|\b(?:recommends|urges|calls upon|calls on|encourages|requests|invites) (?:that )?the State party\b"
)
#: Subject headings of the same parts (CEDAW files them as headings, not lettered sections).
_PROCEDURAL_HEADING = re.compile(
    r"^(?:dissemination|follow-up to (?:the )?concluding observations|preparation of (?:the )?next report"
    r"|next periodic report|common core document|technical assistance and cooperation)",
    re.IGNORECASE,
)
#: Sections whose paragraphs speak of the procedure, not of rights: dissemination, follow-up, next report.
_PROCEDURAL_SECTION = re.compile(
    r"dissemination|follow-up|next (?:periodic )?report|submission of|implementation and reporting"
    r"|introduction|positive aspects",
    re.IGNORECASE,
)
_PROCEDURAL = re.compile(
    r"disseminat\w*[^.]*present concluding observations|\bsubmit its [\w\s-]{0,40}?report\b"
    r"|list of issues prior to reporting|word limit|common core document",
    re.IGNORECASE,
)
_FOLLOW_UP = re.compile(
    r"(?P<due>(?:by|within) [^,]*?)?,?\s*(?:the State party is requested to )?provide,?\s*"
    r"(?P<due2>(?:by|within) [^,]*,)?\s*(?:written )?information (?:on|about)\b[^.]*?"
    r"(?:recommendations?|follow-up)[^.]*?"
    r"(?:\bparagraphs?|\bparas?\.)\s+(?P<list>.*?)(?:\s+above)?\)?\.(?:\s|$)",
    re.IGNORECASE | re.DOTALL,
)
_LISTED = re.compile(r"(?<![\w(])(\d{1,3})\b")
_PARENTHESES = re.compile(r"\([^()]*\)")
_DAY = re.compile(
    r"\b(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{4})\b"
)


@dataclass(frozen=True)
class FollowUp:
    paragraphs: tuple[str, ...]
    due_text: str
    due_on: str | None  # the date as written, when the deadline is one


def is_recommendation(text: str) -> bool:
    """Whether the committee recommends, urges, encourages, requests or says the State party should act."""
    return _ACTS.search(text) is not None


def is_procedural(text: str, section: str, heading: str = "") -> bool:
    """Dissemination, next report, follow-up procedure and the opening parts are not recommendations.

    >>> is_procedural("The Committee recommends that the State party include in its next periodic report "
    ...               "information on the measures taken.", "C. Principal subjects of concern")
    False
    >>> is_procedural("The Committee requests the State party to submit its seventh periodic report.", "")
    True
    >>> is_procedural("The Committee requests the State party to ensure the timely dissemination.", "",
    ...               "Dissemination")
    True
    """
    return (
        _PROCEDURAL_SECTION.search(section) is not None
        or _PROCEDURAL_HEADING.search(heading) is not None
        or _PROCEDURAL.search(text) is not None
    )


def follow_up(text: str) -> FollowUp | None:
    """The paragraphs selected for follow-up and the deadline, when ``text`` is the follow-up paragraph."""
    match = _FOLLOW_UP.search(text)
    if match is None:
        return None
    due = (match.group("due2") or match.group("due") or "").strip().rstrip(",").strip()
    listed = _PARENTHESES.sub(" ", match.group("list"))
    day = _DAY.search(due)
    numbers = tuple(dict.fromkeys(_LISTED.findall(listed)))
    if not numbers:
        return None
    return FollowUp(numbers, due, day.group(1) if day else None)
