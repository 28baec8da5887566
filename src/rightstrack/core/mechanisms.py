"""The mechanisms that make recommendations to States.

>>> MECHANISMS["CCPR"].name
'Human Rights Committee'
"""

from __future__ import annotations

from dataclasses import dataclass

UPR = "upr"
TREATY_BODY = "treaty_body"
SPECIAL_PROCEDURE = "special_procedure"
REGIONAL = "regional"

MECHANISM_KINDS: dict[str, str] = {
    UPR: "Universal Periodic Review",
    TREATY_BODY: "Treaty body",
    SPECIAL_PROCEDURE: "Special procedures",
    REGIONAL: "Regional body",
}


@dataclass(frozen=True)
class MechanismDef:
    code: str
    name: str
    kind: str


_ALL = (
    MechanismDef("UPR", "Universal Periodic Review", UPR),
    MechanismDef("CCPR", "Human Rights Committee", TREATY_BODY),
    MechanismDef("CESCR", "Committee on Economic, Social and Cultural Rights", TREATY_BODY),
    MechanismDef("CAT", "Committee against Torture", TREATY_BODY),
    MechanismDef("SPT", "Subcommittee on Prevention of Torture", TREATY_BODY),
    MechanismDef("CEDAW", "Committee on the Elimination of Discrimination against Women", TREATY_BODY),
    MechanismDef("CERD", "Committee on the Elimination of Racial Discrimination", TREATY_BODY),
    MechanismDef("CRC", "Committee on the Rights of the Child", TREATY_BODY),
    MechanismDef("CMW", "Committee on Migrant Workers", TREATY_BODY),
    MechanismDef("CRPD", "Committee on the Rights of Persons with Disabilities", TREATY_BODY),
    MechanismDef("CED", "Committee on Enforced Disappearances", TREATY_BODY),
    MechanismDef("SP", "Special procedures of the Human Rights Council", SPECIAL_PROCEDURE),
    MechanismDef("OSCE-ODIHR", "OSCE Office for Democratic Institutions and Human Rights", REGIONAL),
    MechanismDef("CoE", "Council of Europe bodies", REGIONAL),
    MechanismDef("IACHR", "Inter-American Commission on Human Rights", REGIONAL),
    MechanismDef("ACHPR", "African Commission on Human and Peoples' Rights", REGIONAL),
)

MECHANISMS: dict[str, MechanismDef] = {mechanism.code: mechanism for mechanism in _ALL}

#: UPR cycles and the years they span (a review belongs to the cycle of its session).
UPR_CYCLES: dict[int, tuple[int, int]] = {1: (2008, 2011), 2: (2012, 2016), 3: (2017, 2022), 4: (2022, 2027)}
