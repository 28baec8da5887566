"""Addenda that number the recommendations serially (1 … N) instead of by the report's paragraph.

Some addenda of 2010–2015 write "accepts the recommendations 1–5, 14–16, …" and "Rec. 18 …", with a
note that "the serial numbers of recommendations follow the list in paragraph 115 of the report":
recommendation 18 is then the report's 115.18. Without such a note the numbers cannot be tied to the
report, and the addendum is refused with that reason.

>>> serial_paragraph("1 The serial numbers of recommendations follow the list in paragraph 115 of the Report")
115
>>> serial_lists("accepts the recommendations 1–5, 14– 16 and 20. It notes 2 others.", 115)
'accepts the recommendations 115.1–5, 115.14– 16 and 115.20. It notes 2 others.'
>>> serial_line("      Recs. 6–13 The Government", 115), serial_line("Rec. 18  We consider", 115)
('      Recs. 115.6–13 The Government', 'Rec. 115.18  We consider')
>>> bare_lists("The Government accepts the recommendations 1–5, 14–16."), bare_lists("recommendations 2019")
(True, False)
"""

from __future__ import annotations

import re

_NOTE = re.compile(
    r"numb\w*\s+(?:of\s+(?:the\s+)?recommendations\s+)?(?:follows?|correspond\w*\s+to|refers?\s+to|is\s+that\s+of)"
    r"\s+(?:the\s+(?:list|numbering|order)\s+(?:in|of)\s+)?paragraph\s+(\d{2,3})\b",
    re.I,
)
_ITEM = r"\d{1,3}(?!\d)(?:\s*[–—-]\s*\d{1,3}(?!\d))?(?!\.\d)"
_LIST = re.compile(rf"(recommendations?\s+(?:Nos?\.?\s*)?)({_ITEM}(?:\s*(?:,|and|&)\s*{_ITEM})*)", re.I)
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3})(?=\s*[–—-]\s*\d|\b)(?!\.\d)")
_LEAD = re.compile(r"^(\s*(?:Recs?\.|Recommendations?)\s+(?:Nos?\.?\s*)?)(\d{1,3})(?![\d]|\.\d)", re.I)


def serial_paragraph(text: str) -> int | None:
    """The report's paragraph whose list the addendum's serial numbers follow, when it says so."""
    found = _NOTE.search(" ".join(text.split()))
    return int(found[1]) if found else None


def _items(found: re.Match[str], paragraph: int) -> str:
    items = re.sub(r"(?<![\d.–—-])(\d{1,3})(?=\s*[–—-]\s*\d|\b)", rf"{paragraph}.\1", found[2])
    return found[1] + re.sub(rf"([–—-]\s*){paragraph}\.", r"\1", items)


def serial_lists(text: str, paragraph: int) -> str:
    """``text`` with every serial list after "recommendation(s)" written as the report numbers it."""
    return _LIST.sub(lambda found: _items(found, paragraph), text)


def serial_line(line: str, paragraph: int) -> str:
    """A reply line "Rec. 18 …" / "Recs. 6–13 …" written "Rec. 115.18 …"."""
    return _LEAD.sub(lambda found: f"{found[1]}{paragraph}.{found[2]}", line, count=1)


def bare_lists(text: str) -> bool:
    """Whether ``text`` lists recommendations by bare serial numbers ("recommendations 1–5, 14")."""
    return any(re.search(r"\d", found[2]) and "." not in found[2] for found in _LIST.finditer(text))
