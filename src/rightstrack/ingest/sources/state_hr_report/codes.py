"""Short codes of the treaties the inventory names.

UN core treaties and their protocols get the usual codes (``ICCPR``, ``CRC-OPAC``...), ILO conventions
``ILO-C029`` from their number, Council of Europe treaties ``ETS-<n>`` from the table below; any other
treaty gets ``""``.

>>> core_code("Second Optional Protocol to the International Covenant on Civil and Political Rights")
'ICCPR-OP2'
>>> core_code("Optional Protocol to the Convention on the Rights of the Child on a communications procedure")
'CRC-OPIC'
>>> core_code("Convention Against Torture and Other Cruel Inhuman or Degrading Treatment (CAT), 1987")
'CAT'
>>> ilo_code("Convention concerning Forced or Compulsory Labour"), ilo_code("Paris Agreement")
('ILO-C029', '')
>>> coe_code("European Cultural Convention")
'ETS-18'
>>> all(_key(title) == title for title in _ILO_TITLES)  # the titles are written as keys
True
"""

from __future__ import annotations

import re
from types import MappingProxyType

_WORD = re.compile(r"[a-z]+")
_DROPPED = frozenset({"the", "of", "and", "to", "on", "for", "a"})

#: First match wins: protocols before their treaty.
_CORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ICCPR-OP2", ("second optional protocol", "civil and political")),
    ("ICCPR-OP1", ("optional protocol", "civil and political")),
    ("ICCPR", ("civil and political rights",)),
    ("ICESCR-OP", ("optional protocol", "economic, social and cultural")),
    ("ICESCR", ("economic, social and cultural rights",)),
    ("CERD", ("racial discrimination",)),
    ("CEDAW-OP", ("optional protocol", "discrimination against women")),
    ("CEDAW", ("discrimination against women",)),
    ("OPCAT", ("optional protocol", "against torture")),
    ("CAT", ("against torture",)),
    ("CRC-OPAC", ("rights of the child", "armed conflict")),
    ("CRC-OPSC", ("rights of the child", "sale of children")),
    ("CRC-OPIC", ("rights of the child", "communications procedure")),
    ("CRC", ("convention on the rights of the child",)),
    ("CMW", ("migrant workers",)),
    ("CED", ("enforced disappearance",)),
    ("CRPD-OP", ("optional protocol", "persons with disabilities")),
    ("CRPD", ("rights of persons with disabilities",)),
)

#: ILO conventions by their long titles (the short ones carry their number: "C029 - ...").
_ILO_TITLES = MappingProxyType(
    {
        "convention concerning forced or compulsory labour": "ILO-C029",
        "forced labour convention": "ILO-C029",
        "freedom association protection right organise convention": "ILO-C087",
        "right organise collective bargaining convention": "ILO-C098",
        "equal remuneration convention": "ILO-C100",
        "abolition forced labour convention": "ILO-C105",
        "discrimination employment occupation convention": "ILO-C111",
        "minimum age convention": "ILO-C138",
        "employment policy convention": "ILO-C122",
        "convention concerning occupational safety health working environment": "ILO-C155",
        "occupational safety health convention": "ILO-C155",
        "convention concerning prohibition immediate action elimination worst form child labour": "ILO-C182",
        "worst form child labour convention": "ILO-C182",
    }
)

#: Council of Europe treaties (European Treaty Series numbers).
_COE = (
    ("ETS-18", "european cultural convention"),
    ("ETS-127", "mutual administrative assistance in tax matters"),
    ("ETS-141", "laundering, search, seizure and confiscation"),
    ("ETS-165", "recognition of qualifications concerning higher education"),
    ("ETS-50", "elaboration of a european pharmacopoeia"),
)
_ILO_NUMBER = re.compile(r"^\s*C\s*0*(?P<number>\d{1,3})\b")


def core_code(name: str) -> str:
    """The code of a UN core treaty or protocol, ``""`` when ``name`` is none of them."""
    words = name.casefold()
    return next((code for code, needles in _CORE if all(needle in words for needle in needles)), "")


def _key(name: str) -> str:
    """Words without small words and plural ``s``: "Rights to Organise" and "Right to Organise" agree."""
    words = [word for word in _WORD.findall(name.casefold()) if word not in _DROPPED]
    return " ".join(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words)


def ilo_code(name: str) -> str:
    """``ILO-C029`` from ``"C029 - ..."`` or from a known title; ``""`` otherwise."""
    match = _ILO_NUMBER.match(name)
    if match is not None:
        return f"ILO-C{int(match.group('number')):03d}"
    return _ILO_TITLES.get(_key(name), "")


def coe_code(name: str) -> str:
    """The ``ETS-<n>`` code of a Council of Europe treaty, ``""`` when unknown."""
    words = name.casefold()
    return next((code for code, needle in _COE if needle in words), "")
