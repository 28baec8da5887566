"""The register of agencies responsible for the action plan's measures.

A cell lists agencies separated by commas, each maybe qualified "(by agreement)" (also written
"(according to the agreement)", "(as agreed)", "(agreed)"): bodies outside the Government take part
by agreement. The plan is a machine translation from Russian and gives no list of abbreviations, so
one body appears under several spellings ("Interior Ministry", "INTERIOR", "Ministry of Internal
Affairs"; "MTSN", "MTHSN", "MTSSN"; the Supreme Court "ВС" as "Sun", "Vs." or "Armed Forces").
``KNOWN`` names the Kazakh government bodies of 2021 and the spellings the plan uses for each; an
acronym it does not know is kept as written (name = acronym) and reported once.

>>> split_agencies("GP (by agreement), mayors of the capital, cities of republican importance and regions,")
['GP (by agreement)', 'mayors of the capital, cities of republican importance and regions']
>>> register = AgencyRegister()
>>> interior = register.get("Interior Ministry", Place(line=1))
>>> interior is register.get("the Ministry of Internal Affairs", Place(line=2))
True
>>> register.get("Sun (according to the agreement)", Place(line=3))
AgencyRecord(name='Supreme Court', acronym='SC')
>>> register.get("XYZ", Place(line=4))
AgencyRecord(name='XYZ', acronym='XYZ')
>>> [problem.message for problem in register.problems]
["acronym 'XYZ' is not in the register of agencies: kept as written"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rightstrack.core.records import AgencyRecord, Place, Problem

#: (name, acronym, spellings the plan uses), spellings compared case-blind without a leading "the".
KNOWN: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Ministry of Foreign Affairs", "MFA", ("foreign ministry", "ministry of foreign affairs")),
    (
        "Ministry of Internal Affairs",
        "MIA",
        ("interior ministry", "interior", "ministry of internal affairs"),
    ),
    ("Prosecutor General's Office", "GP", ("prosecutor general's office", "general prosecutor's office")),
    ("National Security Committee", "KNB", ("national security committee",)),
    ("Ministry of Justice", "MJ", ("ministry of justice",)),
    ("Ministry of Education and Science", "MON", ("ministry of education and science",)),
    ("Ministry of Health", "MOH", ("mh", "ministry of health")),
    ("Ministry of Finance", "MF", ("ministry of finance",)),
    ("Ministry of National Economy", "MNE", ("ministry of national economy",)),
    ("Ministry of Information and Social Development", "MIOR", ()),
    (
        "Ministry of Labour and Social Protection of Population",
        "MTSN",
        (
            "mthsn",
            "mtssn",
            "mtsns",
            "mtss",
            "mtszn",
            "ministry of labour and social protection of population",
        ),
    ),
    ("National Centre for Human Rights", "NCHR", ("national centre for human rights",)),
    ("Agency for Strategic Planning and Reforms", "ASPR", ()),
    ("Anti-Corruption Agency", "APC", ("anti-corruption agency",)),
    ("Supreme Court", "SC", ("sun", "vs", "armed forces", "supreme court")),
    ("Central Election Commission", "CEC", ("central election commission",)),
    ("National Commission for Women's Affairs and Family and Demographic Policy", "NCJDD", ()),
    ("Ministry of Industry and Infrastructure Development", "MIIR", ()),
    ("Ministry of Digital Development, Innovation and Aerospace Industry", "ICRIAP", ()),
    ("Ministry of Ecology, Geology and Natural Resources", "MEGPR", ()),
    ("Ministry of Emergency Situations", "MES", ("fema",)),
    ("Ministry of Energy", "ME", ()),
    ('National Chamber of Entrepreneurs "Atameken"', "NPP", ('npp "atameken"', "npp atameken")),
)
_QUALIFIER = re.compile(
    r"\s*\((?:by agreement|according to (?:the )?agreement|as agreed|agreed|by consent)\)\s*$", re.IGNORECASE
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z]{2,}$")
_SPACES = re.compile(r"\s+")


def _spelling(text: str) -> str:
    return _SPACES.sub(" ", _THE.sub("", text.strip()).strip(" .").casefold())


def _spellings() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for name, acronym, spellings in KNOWN:
        for spelling in (acronym, name, *spellings):
            found[_spelling(spelling)] = (name, acronym)
    return found


def split_agencies(cell: str) -> list[str]:
    """The agencies of a cell: commas outside brackets and quotes split it, except that a part in lower
    case (other than "the ...") continues a part before it that is in lower case too."""
    parts: list[str] = []
    depth, quoted, current = 0, False, ""
    for char in cell:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == '"':
            quoted = not quoted
        if char == "," and depth == 0 and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    agencies: list[str] = []
    for part in (part.strip() for part in parts):
        if not part:
            continue
        if agencies and _lower(part) and _lower(agencies[-1]):
            agencies[-1] = f"{agencies[-1]}, {part}"
        else:
            agencies.append(part)
    return agencies


def _lower(part: str) -> bool:
    return part[0].islower() and not _THE.match(part)


@dataclass
class AgencyRegister:
    """Each agency once: the same :class:`AgencyRecord` for every spelling of it."""

    records: dict[tuple[str, str], AgencyRecord] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    known: dict[str, tuple[str, str]] = field(default_factory=_spellings)

    def get(self, text: str, place: Place) -> AgencyRecord:
        """The agency ``text`` names (qualifier and leading "the" ignored)."""
        bare = _THE.sub("", _QUALIFIER.sub("", text).strip()).strip()
        name, acronym = self.known.get(_spelling(bare), ("", ""))
        if not name:
            name, acronym = bare.rstrip("."), bare if _ACRONYM.match(bare) else ""
            if acronym and (name, acronym) not in self.records:
                self.problems.append(
                    Problem(place, f"acronym {acronym!r} is not in the register of agencies: kept as written")
                )
        return self.records.setdefault((name, acronym), AgencyRecord(name, acronym))

    def agencies(self) -> list[AgencyRecord]:
        """The register, in order of first mention."""
        return list(self.records.values())
