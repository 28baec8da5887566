"""Vocabularies of OHCHR's UPR matrices: UHRI themes, groups of persons, SDGs and SDG targets.

Each vocabulary is a fixed list of terms (code, label, aliases) in one or more versions; an import
never adds to it (DESIGN.md). A later version is kept beside the earlier one, and each of its terms
names the terms of the version before that it continues (``previous``: their codes, or labels when
they have none). Where the terms come from:

- ``uhri-themes`` 2013-2018 (91 terms): every coded theme of the Universal Human Rights Index (UHRI)
  that appears in the two OHCHR thematic lists of China's reviews (2013, 2nd cycle, session 17; 2018,
  3rd cycle, session 31, in ``../shared/data/ohchr-matrices``), in their "Theme:" headings and
  "Full list of themes" cells, which are also exactly the themes of the reference parse
  ``china_c2-c3_expected.csv`` (88), and the three more of the public list of Slovenia's 2014 review
  (session 20): E33, F42, F44. Labels are the matrices' wording (trailing spaces dropped). Other UHRI
  codes (e.g. reservations) are deliberately absent: no public document found gives their wording
  with their code. The matrices' ``S01`` … ``S17`` "SDG n - ..." lines are SDGs, not themes: they are
  aliases of ``sdg-goals``; ``S`` ("Sustainable Development Goal implementation") is a theme.
- ``uhri-themes`` 2019 (uncoded, ``data/vocabularies/uhri-themes_2019.txt``): the wording of the
  thematic lists since 2019, read from the public lists of Slovenia's reviews of 2019 (session 34) and
  2025 (session 48), each line with the 2013-2018 codes it continues; every 2013-2018 theme no line
  continues is carried over with its own label.
- ``uhri-groups`` 2013-2018 (27 terms): the "Affected persons" of the two China matrices, as written,
  and "non-citizens", "stateless persons" of Slovenia's 2014 list;
  2019 (``data/vocabularies/uhri-groups_2019.txt``): those 27 carried over, and the wordings of the same
  Slovenia lists ("Women & girls", "Persons deprived of their liberty & detainees", ...).
- ``sdg-goals`` (17 terms): the Sustainable Development Goals of A/RES/70/1 (2015), code = the
  goal's number, label = its official short title; the matrices' "S16 SDG 16 - ..." wording is an alias.
- ``sdg-targets`` (169 terms): the targets of A/RES/70/1, code = label = "1.1" … "17.19" (with the
  means-of-implementation targets "1.a" …); their texts are not reproduced.

A document's terms are read in the version of its year (:func:`vocabulary_for`); a term written as
another version words it is read as the one term of the document's version that corresponds to it.

>>> normalise_theme("Theme: A12 Acceptance of international norms")
('A12', 'Acceptance of international norms')
>>> normalise_theme("- Constitutional & legislative framework")
('A41', 'Constitutional and legislative framework')
>>> normalise_theme("A12 Something else") is None
True
>>> normalise_sdg_goal("S16 SDG 16 - peace, justice and strong institutions")
('16', 'Peace, justice and strong institutions')
>>> normalise_sdg_goal("- 5 - GENDER EQUALITY"), normalise_sdg_target("Target 5.a")
(('5', 'Gender equality'), '5.a')
>>> normalise_group("- Persons with disabilities")
'persons with disabilities'
>>> {code: len(vocabulary.terms) for code, vocabulary in VOCABULARIES.items()}
{'uhri-themes': 91, 'uhri-groups': 27, 'sdg-goals': 17, 'sdg-targets': 169}
>>> [(v.version, len(v.terms)) for v in VERSIONS[UHRI_THEMES]], len(VERSIONS[UHRI_GROUPS][1].terms)
([('2013-2018', 91), ('2019', 112)], 40)
>>> normalise_theme("- Right to health", 2019), normalise_theme("E41 Right to health - General", 2019)
(('', 'Right to health'), ('', 'Right to health'))
>>> normalise_theme("- Right to health", 2018), normalise_group("- Women & girls", 2019)
(('E41', 'Right to health - General'), 'Women & girls')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from types import MappingProxyType

UHRI_THEMES = "uhri-themes"
UHRI_GROUPS = "uhri-groups"
SDG_GOALS = "sdg-goals"
SDG_TARGETS = "sdg-targets"

_CHINA_MATRICES = (
    "OHCHR thematic lists of recommendations, UPR of China 2013 (2nd cycle, 17th session) and 2018 "
    "(3rd cycle, 31st session), reference parse china_c2-c3_expected.csv; UPR of Slovenia 2014 "
    "(2nd cycle, 20th session)"
)

# UHRI themes as coded in the matrices: "CODE label", one a line (E33, F42, F44: Slovenia 2014).
_THEMES = """
A12 Acceptance of international norms
A22 Cooperation with treaty bodies
A23 Follow-up to treaty bodies
A24 Cooperation with special procedures
A27 Follow-up to Universal Periodic Review (UPR)
A28 Cooperation with other international mechanisms and institutions
A3 Inter-State cooperation & development assistance
A41 Constitutional and legislative framework
A42 Institutions & policies - General
A43 Human rights policies
A44 Structure of the national human rights machinery
A45 National Human Rights Institution (NHRI)
A46 National Plans of Action on Human Rights (or specific areas)
A47 Good governance
A5 Human rights education, trainings and awareness raising
A51 Human rights education - general
A53 Professional training in human rights
A54 Awareness raising and dissemination
A6 Context, statistics, budget, civil society
A61 Cooperation with civil society
A62 Statistics and indicators
A63 Budget and resources (for human rights implementation)
B11 International humanitarian law
B31 Equality & non-discrimination
B32 Racial discrimination
B41 Right to development
B51 Right to an effective remedy
B52 Impunity
B53 Support to victims and witnesses
B6 Business & Human Rights
B71 Human rights and the environment
B73 Human rights and climate change
B8 Human rights & counter-terrorism
D1 Civil & political rights - general measures of implementation
D21 Right to life
D23 Death penalty
D25 Prohibition of torture and cruel, inhuman or degrading treatment
D26 Conditions of detention
D27 Prohibition of slavery, trafficking
D29 Domestic violence
D31 Liberty and security - general
D32 Enforced disappearances
D33 Arbitrary arrest and detention
D41 Freedom of movement
D42 Freedom of thought, conscience and religion
D43 Freedom of opinion and expression
D44 Right to peaceful assembly
D45 Freedom of association
D46 Right to private life, privacy
D51 Administration of justice & fair trial
D6 Rights related to name, identity, nationality
D7 Right to participation in public affairs and right to vote
D8 Rights related to marriage & family
E1 Economic, social & cultural rights - general measures of implementation
E21 Right to an adequate standard of living - general
E22 Right to food
E23 Right to adequate housing
E24 Right to social security
E25 Human rights & poverty
E26 Human Rights & drinking water and sanitation
E31 Right to work
E32 Right to just and favourable conditions of work
E33 Trade union rights
E41 Right to health - General
E44 Health awareness raising, access to information
E51 Right to education - General
E54 technical and vocational education
E7 Cultural rights
F11 Advancement of women
F12 Discrimination against women
F13 Violence against women
F14 Participation of women in political and public life
F19 Girls
F31 Children: definition; general principles; protection
F32 Children: family environment and alternative care
F33 Children: protection against exploitation
F34 Children: Juvenile justice
F4 Persons with disabilities
F41 Persons with disabilities: definition, general principles
F42 Persons with disabilities: accessibility, mobility
F44 Persons with disabilities: protecting the integrity of the person
F45 Persons with disabilities: independence, inclusion
G1 Members of minorities
G2 Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)
G4 Migrants
G5 Refugees & asylum seekers
G9 Older persons
H1 Human rights defenders
H3 Persons living with HIV/AIDS
H4 Persons living in rural areas
S Sustainable Development Goal implementation
"""

# "Affected persons" of the matrices, as written ("non-citizens", "stateless persons": Slovenia 2014).
_GROUPS = """
children
children in street situations
disappeared persons
general
girls
human rights defenders
judges, lawyers and prosecutors
law enforcement / police officials
lesbian, gay, bisexual, transgender and intersex persons (LGBTI)
media
migrants
minorities/ racial, ethnic, linguistic, religious or descent-based groups
non-citizens
older persons
persons affected by armed conflict
persons deprived of their liberty
persons living in poverty
persons living in rural areas
persons living with HIV/AIDS
persons with disabilities
prison officials
public officials
refugees & asylum seekers
stateless persons
vulnerable persons/groups
women
youth
"""

# The 17 goals (A/RES/70/1): official short title | the 2018 China matrix's wording, when it shows one.
_GOALS = """
No poverty|S01 SDG 1 - poverty
Zero hunger|S02 SDG 2 - hunger and food security
Good health and well-being|S03 SDG 3 - health
Quality education|S04 SDG 4 - education
Gender equality|S05 SDG 5 - gender equality and women's empowerment
Clean water and sanitation|S06 SDG 6 - water and sanitation
Affordable and clean energy|
Decent work and economic growth|S08 SDG 8 - economic growth, employment, decent work
Industry, innovation and infrastructure|
Reduced inequalities|
Sustainable cities and communities|
Responsible consumption and production|
Climate action|S13 SDG 13 - climate change
Life below water|S14 SDG 14 - oceans
Life on land|S15 SDG 15 - biodiversity, forests, desertification
Peace, justice and strong institutions|S16 SDG 16 - peace, justice and strong institutions
Partnerships for the goals|S17 SDG 17 - partnerships
"""

# Targets per goal: (numbered targets, lettered "means of implementation" targets); 169 in all.
_TARGET_COUNTS = (
    (5, 2), (5, 3), (9, 4), (7, 3), (6, 3), (6, 2), (3, 2), (10, 2), (5, 3),
    (7, 3), (7, 3), (8, 3), (3, 2), (7, 3), (9, 3), (10, 2), (19, 0),
)  # fmt: skip

_CODE = re.compile(r"^(?P<code>[A-HS]\d{0,2})(?:\s+(?P<label>.*))?$")
_BULLET = re.compile(r"^(?:theme\s*:|[-–•*·]+)\s*", re.IGNORECASE)
_GOAL = re.compile(
    r"^(?:S\d{1,2}\s+)?(?:SDG|goal)?\s*(?P<number>\d{1,2})(?:\s*(?:[-–—:.)]\s*|\s+)(?P<title>\D.*))?$",
    re.IGNORECASE,
)
_TARGET = re.compile(
    r"^(?:SDG\s*)?(?:target\s*)?(?P<code>\d{1,2}\.(?:\d{1,2}|[a-z]))(?![\d.])", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    aliases: tuple[str, ...] = ()
    previous: tuple[str, ...] = ()  # keys (code, or label) of the earlier version's terms it continues

    @property
    def key(self) -> str:
        return self.code or self.label


@dataclass(frozen=True)
class VocabularyDef:
    """A vocabulary version: ``code`` (e.g. ``"uhri-themes"``), ``version`` (first year first), its terms."""

    code: str
    name: str
    version: str
    source: str
    terms: tuple[Term, ...]
    _index: Mapping[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Term] = {}
        for term in self.terms:  # labels first: an alias never hides another term's label
            index.setdefault(match_key(term.label), term)
        for term in self.terms:
            for text in term.aliases:
                index.setdefault(match_key(text), term)
        object.__setattr__(self, "_index", MappingProxyType(index))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(term.label for term in self.terms)

    @property
    def first_year(self) -> int:
        return int(self.version[:4])

    def by_label(self, text: str) -> Term | None:
        """The term labelled ``text`` (or aliased), ignoring case, spacing, "&"/"and", end punctuation."""
        return self._index.get(match_key(text))

    def by_code(self, code: str) -> Term | None:
        return next((term for term in self.terms if term.code == code), None)

    def continuing(self, earlier: Term) -> list[Term]:
        """The terms of this version that continue ``earlier`` (a term of the version before)."""
        return [term for term in self.terms if earlier.key in term.previous]


def match_key(text: str) -> str:
    """What two spellings of a label must share: NFKC, no case, "&" as "and", single spaces.

    >>> match_key(" Equality\\xa0& non-discrimination; ")
    'equality and non-discrimination'
    """
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("&", " and ")
    return _SPACES.sub(" ", text).strip(" \t;,.:").casefold()


def clean(text: str) -> str:
    """A cell line without bullet, "Theme:" prefix, non-breaking or repeated spaces."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    return _BULLET.sub("", text).strip()


def _data_lines(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """``label|previous;previous`` lines of a package vocabulary file (``#`` lines are notes)."""
    text = files("rightstrack.core").joinpath(f"data/vocabularies/{name}").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, _, previous = line.partition("|")
            lines.append((label.strip(), tuple(key.strip() for key in previous.split(";") if key.strip())))
    return lines


def _later(name: str, earlier: tuple[Term, ...], carry_all: bool) -> tuple[Term, ...]:
    """A later version: the file's terms, then the earlier terms carried over with their own label
    (all of them, or those no line of the file continues); an earlier label that one term alone
    continues is an alias of that term."""
    terms = [Term("", label, (), previous) for label, previous in _data_lines(name)]
    continued = {key for term in terms for key in term.previous}
    keys = {match_key(term.label) for term in terms}
    for term in earlier:
        if (carry_all or term.key not in continued) and match_key(term.label) not in keys:
            terms.append(Term("", term.label, (), (term.key,)))
    # an earlier label continued by one term only is an alias of it ("Right to health - General")
    aliases: dict[int, list[str]] = {}
    for old in earlier:
        heirs = [index for index, term in enumerate(terms) if old.key in term.previous]
        if len(heirs) == 1 and match_key(old.label) != match_key(terms[heirs[0]].label):
            aliases.setdefault(heirs[0], []).append(old.label)
    return tuple(
        Term(term.code, term.label, tuple(aliases.get(index, ())), term.previous)
        for index, term in enumerate(terms)
    )


def _themes() -> tuple[Term, ...]:
    terms = []
    for line in _THEMES.strip().splitlines():
        code, label = line.split(" ", 1)
        terms.append(Term(code, label, (line,)))
    return tuple(terms)


def _goals() -> tuple[Term, ...]:
    terms = []
    for number, line in enumerate(_GOALS.strip().splitlines(), start=1):
        title, matrix = line.split("|")
        aliases = (f"SDG {number} - {title}", *([matrix] if matrix else []))
        terms.append(Term(str(number), title, aliases))
    return tuple(terms)


def _targets() -> tuple[Term, ...]:
    codes = []
    for goal, (numbered, lettered) in enumerate(_TARGET_COUNTS, start=1):
        codes += [f"{goal}.{n}" for n in range(1, numbered + 1)]
        codes += [f"{goal}.{letter}" for letter in "abcd"[:lettered]]
    return tuple(Term(code, code) for code in codes)


_SLOVENIA_LISTS = (
    "OHCHR thematic lists of recommendations, UPR of Slovenia 2019 (3rd cycle, 34th session) and 2025 "
    "(4th cycle, 48th session); earlier terms no new wording continues carried over"
)
_THEMES_2013 = VocabularyDef(UHRI_THEMES, "UHRI themes", "2013-2018", _CHINA_MATRICES, _themes())
_GROUPS_2013 = VocabularyDef(
    UHRI_GROUPS,
    "UHRI groups of persons",
    "2013-2018",
    _CHINA_MATRICES,
    tuple(Term("", label) for label in _GROUPS.strip().splitlines()),
)

#: Every version of every vocabulary, oldest first.
VERSIONS: Mapping[str, tuple[VocabularyDef, ...]] = MappingProxyType(
    {
        UHRI_THEMES: (
            _THEMES_2013,
            VocabularyDef(
                UHRI_THEMES,
                "UHRI themes",
                "2019",
                _SLOVENIA_LISTS,
                _later("uhri-themes_2019.txt", _THEMES_2013.terms, carry_all=False),
            ),
        ),
        UHRI_GROUPS: (
            _GROUPS_2013,
            VocabularyDef(
                UHRI_GROUPS,
                "UHRI groups of persons",
                "2019",
                _SLOVENIA_LISTS,
                _later("uhri-groups_2019.txt", _GROUPS_2013.terms, carry_all=True),
            ),
        ),
        SDG_GOALS: (
            VocabularyDef(SDG_GOALS, "Sustainable Development Goals", "2015", "A/RES/70/1 (2015)", _goals()),
        ),
        SDG_TARGETS: (
            VocabularyDef(
                SDG_TARGETS, "SDG targets", "2015", "A/RES/70/1 (2015), target numbers only", _targets()
            ),
        ),
    }
)

#: The first version of each vocabulary.
VOCABULARIES: Mapping[str, VocabularyDef] = MappingProxyType(
    {code: versions[0] for code, versions in VERSIONS.items()}
)


def vocabulary_for(code: str, year: int | None = None) -> VocabularyDef:
    """The version of ``code`` a document of ``year`` uses: the latest begun by then (the first when
    ``year`` is ``None`` or earlier than every version)."""
    versions = VERSIONS[code]
    begun = [version for version in versions if year is not None and version.first_year <= year]
    return begun[-1] if begun else versions[0]


def find_term(code: str, text: str, year: int | None = None) -> Term | None:
    """The term of the version of ``year`` labelled ``text``, or the one term of it that continues (or
    is continued by) the term another version labels so."""
    own = vocabulary_for(code, year)
    found = own.by_label(text)
    if found is not None:
        return found
    versions = VERSIONS[code]
    for other in versions:
        written = other.by_label(text) if other is not own else None
        if written is None:
            continue
        if versions.index(other) < versions.index(own):
            matches = own.continuing(written)
        else:
            matches = [term for term in own.terms if term.key in written.previous]
        if len(matches) == 1:
            return matches[0]
    return None


def normalise_theme(text: str, year: int | None = None) -> tuple[str, str] | None:
    """``(code, label)`` of a UHRI theme written with its code ("A12 ...", "A12") or by its label alone,
    in the version of ``year``. A known code with another label is not guessed at: ``None``.
    """
    text = clean(text)
    coded = _CODE.match(text)
    if coded is None:
        term = find_term(UHRI_THEMES, text, year)
    else:
        themes = VOCABULARIES[UHRI_THEMES]
        term = themes.by_code(coded["code"])
        if term and coded["label"] and themes.by_label(coded["label"]) is not term:
            term = None
        if term is not None:
            term = find_term(UHRI_THEMES, term.label, year)
    return (term.code, term.label) if term else None


def normalise_group(text: str, year: int | None = None) -> str | None:
    """The label of a group of persons ("- women", "Persons with disabilities") in the version of
    ``year``, or ``None``."""
    term = find_term(UHRI_GROUPS, clean(text), year)
    return term.label if term else None


def normalise_sdg_goal(text: str) -> tuple[str, str] | None:
    """``(number, official title)`` of an SDG line: "S16 SDG 16 - ...", "SDG 5", "16 - PEACE, ...", "Goal 3".

    The goal's number decides; its words may be the matrix's own ("SDG 4 - education").
    """
    found = _GOAL.match(clean(text))
    term = VOCABULARIES[SDG_GOALS].by_code(str(int(found["number"]))) if found else None
    return (term.code, term.label) if term else None


def normalise_sdg_target(text: str) -> str | None:
    """The code of an SDG target line ("5.2", "Target 16.a", "SDG 5.2 - ..."), or ``None``."""
    found = _TARGET.match(clean(text))
    term = VOCABULARIES[SDG_TARGETS].by_code(found["code"].lower()) if found else None
    return term.code if term else None
