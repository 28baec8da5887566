"""One UHRI row → one recommendation record of its review.

The recommending body gives the mechanism (UPR, a treaty body, the special procedures); the document
symbol gives a treaty body's review (``CCPR/C/DNK/CO/6``: the Human Rights Committee's review of
Denmark's 6th periodic report); the UPR session gives the UPR review (cycle and year follow from the
calendar). ``Text`` begins with its paragraph number ("95.3. Ratify ...", "24. The State party
should ..."): the number is the record's reference, in the numbering the other documents of that
mechanism use, so that a UHRI row merges with the same paragraph imported from a Working Group report,
an addendum or the concluding observations.

>>> paragraph("95.3. Ratify the Optional Protocol")
('95.3', 'Ratify the Optional Protocol')
>>> paragraph("24. The State party should: (a) Adopt ...")
('24', 'The State party should: (a) Adopt ...')
>>> paragraph("Ratify the Convention") == ("", "Ratify the Convention")
True
>>> mechanism_of("Reccomending body is unknown", "CRC/C/DNK/CO/5-6"), mechanism_of("UPR", "")
('CRC', 'UPR')
>>> mechanism_of("Special Rapporteur on the right to food", "A/HRC/31/51/Add.2")
'SP'
>>> treaty_report("E/C.12/DNK/CO/6"), treaty_report("CRC/C/DNK/CO/5-6"), treaty_report("A/HRC/1")
(6, 6, None)
"""

from __future__ import annotations

import re

from rightstrack.core.mechanisms import MECHANISMS, SPECIAL_PROCEDURE, TREATY_BODY, UPR

#: The paragraph number the text opens with: "95.3." / "95.3" / "24." / "24 ".
_PARAGRAPH = re.compile(r"^\s*(?P<ref>\d{1,3}(?:\.\d{1,3})*)\.?\s+(?=\S)")
#: Treaty-body symbol prefixes (E/C.12 is the CESCR's).
_SYMBOL_PREFIX = (
    ("E/C.12/", "CESCR"),
    ("CCPR/", "CCPR"),
    ("CAT/OP/", "SPT"),
    ("CAT/", "CAT"),
    ("CEDAW/", "CEDAW"),
    ("CERD/", "CERD"),
    ("CRC/", "CRC"),
    ("CRPD/", "CRPD"),
    ("CMW/", "CMW"),
    ("CED/", "CED"),
)
_CO_REPORT = re.compile(r"/CO/(?:\d+-)?(?P<report>\d+)\b", re.IGNORECASE)
_SPECIAL = re.compile(
    r"special\s+(?:procedures?|rapporteur)|independent\s+expert|working\s+group\s+on\s+(?!the\s+universal)"
    r"|^sps?$|^sp\b",
    re.IGNORECASE,
)
_UPR = re.compile(r"^\s*upr\b|universal\s+periodic\s+review", re.IGNORECASE)
_FOLD = re.compile(r"[^a-z]+")
_BY_NAME = {
    _FOLD.sub("", m.name.lower()): code
    for code, m in MECHANISMS.items()
    if m.kind in (TREATY_BODY, UPR, SPECIAL_PROCEDURE)
}


def paragraph(text: str) -> tuple[str, str]:
    """The paragraph number a text opens with ("" when none) and the words after it."""
    found = _PARAGRAPH.match(text)
    if found is None:
        return "", text.strip()
    return found["ref"], text[found.end() :].strip()


def mechanism_of(body: str, symbol: str) -> str | None:
    """The mechanism code named by the recommending body, else by the document symbol."""
    cell = body.strip()
    if _UPR.search(cell):
        return "UPR"
    if cell.upper() in MECHANISMS and MECHANISMS[cell.upper()].kind in (TREATY_BODY, UPR, SPECIAL_PROCEDURE):
        return cell.upper()
    folded = _FOLD.sub("", cell.lower().replace("committee on the", "committee on"))
    for name, code in _BY_NAME.items():
        if folded and (
            folded == name or folded == _FOLD.sub("", name.replace("committeeonthe", "committeeon"))
        ):
            return code
    if _SPECIAL.search(cell):
        return "SP"
    for prefix, code in _SYMBOL_PREFIX:
        if symbol.strip().upper().startswith(prefix):
            return code
    return None


def treaty_report(symbol: str) -> int | None:
    """The periodic report a concluding-observations symbol reviews (the last of combined reports)."""
    found = _CO_REPORT.search(symbol)
    return int(found["report"]) if found else None
