"""Who speaks in a paragraph of the compilation or the summary: from its words and its notes.

The compilation's notes cite the UN documents it summarises ("CERD/C/DNK/CO/22-24, para. 8",
"UNESCO submission", "Ibid."); its words name the body ("The Special Rapporteur on …", "The same
Committee"). The summary's notes cite the submissions by their acronyms ("DIHR, p. 6", "JS2, para.
4"), which its note 2 lists under "Civil society", "National human rights institution" and
"Regional intergovernmental organization(s)": each acronym takes the kind of the part it is listed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rightstrack.core.evidence import EvidenceSource

UN = "un"

TREATY_BODIES = {
    "CAT": "Committee against Torture",
    "CERD": "Committee on the Elimination of Racial Discrimination",
    "CEDAW": "Committee on the Elimination of Discrimination against Women",
    "CRC": "Committee on the Rights of the Child",
    "CRPD": "Committee on the Rights of Persons with Disabilities",
    "CCPR": "Human Rights Committee",
    "E/C.12": "Committee on Economic, Social and Cultural Rights",
    "CED": "Committee on Enforced Disappearances",
    "CMW": "Committee on Migrant Workers",
}
_TB_SYMBOL = re.compile(r"\b(CAT|CERD|CEDAW|CRC|CRPD|CCPR|E/C\.12|CED|CMW)/C?/?[A-Z]{3}\b")
_AGENCY = re.compile(
    r"\b(UNESCO|UNHCR|UNICEF|UNDP|UNFPA|UNAIDS|UNECE|UNODC|UN-Women|ILO|WHO|FAO|IOM|OHCHR)\b"
)
_BODY_WORDS = re.compile(
    "|".join(
        [re.escape(name) for name in TREATY_BODIES.values()]
        + [
            r"Special Rapporteur on [^,.;]+?(?= (?:noted|recommended|expressed|was|stated|urged|"
            r"called|observed|found|welcomed|said|reported|highlighted|encouraged)\b|[,.;])",
            r"Working Group on [^,.;]+?(?= (?:noted|recommended|expressed|was|stated|urged|"
            r"called|observed|found|welcomed)\b|[,.;])",
            r"Independent Expert on [^,.;]+?(?= (?:noted|recommended|expressed|was|stated)\b|[,.;])",
            r"United Nations country team",
            r"Subcommittee on Prevention of Torture",
        ]
    )
)
_SAME = re.compile(r"\b[Tt]he same (Committee|Special Rapporteur|Working Group)\b")
_CITED = re.compile(
    r"(?:^|[;,]\s*|\band\s+|\bSee also\s+)"
    r"([A-Z][\w&'’.\-]*(?: [A-Z][\w&'’.\-]*){0,3})(?=,?\s*(?:p\.|pp\.|paras?\.|Annex))"
)
_PARTS = (
    ("national human rights institution", "nhri"),
    ("regional intergovernmental", "regional"),
    ("united nations", UN),
    ("civil society", "civil-society"),
)


def compilation_sources(words: str, notes: list[str], previous: list[EvidenceSource]) -> list[EvidenceSource]:
    """The UN bodies a compilation paragraph names in ``words`` and cites in its ``notes``."""
    found: list[EvidenceSource] = []
    for note in notes:
        if note.startswith("Ibid"):
            found.extend(previous[-1:])
        for match in _TB_SYMBOL.finditer(note):
            found.append(EvidenceSource(TREATY_BODIES[match[1]], UN, match[1]))
        for match in _AGENCY.finditer(note):
            found.append(EvidenceSource(match[1], UN, match[1]))
    for match in _BODY_WORDS.finditer(words):
        found.append(EvidenceSource(match[0], UN))
    if _SAME.search(words) and previous:
        found.extend(previous[:1])
    return _unique(found)


@dataclass(frozen=True)
class SubmissionList:
    """The summary's own list of submissions: acronym → (name, kind)."""

    text: str

    def resolve(self, acronym: str) -> EvidenceSource:
        found = re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", self.text)
        where = found.start() if found else -1
        if where < 0:
            kind = "civil-society" if re.fullmatch(r"JS\d+", acronym) else ""
            return EvidenceSource(_joint_name(acronym), kind, acronym)
        before = self.text[:where].lower()
        part = max(_PARTS, key=lambda part: before.rfind(part[0]))
        kind_code = part[1] if before.rfind(part[0]) >= 0 else ""
        after = self.text[where + len(acronym) :].lstrip()
        name = (
            re.split(r"[,;]", after, maxsplit=1)[0].strip()
            if re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,12}", acronym)
            else acronym
        )
        if re.fullmatch(r"JS\d+", acronym) or not name or len(name) > 120:
            name = _joint_name(acronym)
        return EvidenceSource(name, kind_code, acronym)


def _joint_name(acronym: str) -> str:
    match = re.fullmatch(r"JS(\d+)", acronym)
    return f"Joint submission {match[1]}" if match else acronym


def summary_sources(notes: list[str], submissions: SubmissionList) -> list[EvidenceSource]:
    """The submissions a summary paragraph's ``notes`` cite, resolved through the summary's list."""
    found: list[EvidenceSource] = []
    for note in notes:
        for match in _CITED.finditer(note):
            acronym = match[1].strip()
            if acronym.startswith(("A/HRC", "See", "Ibid")) or acronym.lower().startswith("para"):
                continue
            found.append(submissions.resolve(acronym))
    return _unique(found)


def _unique(sources: list[EvidenceSource]) -> list[EvidenceSource]:
    seen: set[str] = set()
    kept = []
    for source in sources:
        if source.name.lower() not in seen:
            seen.add(source.name.lower())
            kept.append(source)
    return kept
