"""The State register: UN member and observer States, their UN short names and the other names they go by.

The register holds the 193 UN member States and the two observer States (Holy See, State of Palestine),
keyed by ISO 3166-1 alpha-3 code. Names and codes come from ``pycountry``; the UN short name (as in UN
M49 / UNTERM) and the variants seen in UN and UPR documents come from the tables below.

Kosovo is deliberately left out: it is neither a UN member nor an observer State, has no ISO 3166-1 code
(XKX is user-assigned) and does not appear in UPR recommendations. Dependent territories (Puerto Rico,
Hong Kong, ...) are left out as well, so every code ``resolve_state`` returns has a ``state_info``.

Matching is exact after normalisation (case, accents, punctuation, markdown emphasis, a leading "the",
"&"/"and", "St"/"Saint", common mojibake); it never guesses between near names:

>>> resolve_state("Viet Nam"), resolve_state("*Ukraine*"), resolve_state(" the Gambia; ")
('VNM', 'UKR', 'GMB')
>>> resolve_state("Niger"), resolve_state("Nigeria"), resolve_state("Korea")
('NER', 'NGA', None)
>>> state_info("IRN").name
'Iran (Islamic Republic of)'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

# The 193 UN member States and the 2 observer States, by ISO 3166-1 alpha-3 code.
_UN_CODES_TEXT = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB
BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA
ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI
HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA
LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM
NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY PSE QAT ROU RUS RWA SAU
SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON
TTO TUN TUR TUV TZA UGA UKR URY USA UZB VAT VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
"""
_UN_CODES = tuple(_UN_CODES_TEXT.split())

# UN short names (UN M49 / UNTERM) where they differ from pycountry's ``name``.
_UN_NAMES: dict[str, str] = {
    "BOL": "Bolivia (Plurinational State of)",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "MDA": "Republic of Moldova",
    "NLD": "Netherlands (Kingdom of the)",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "TZA": "United Republic of Tanzania",
    "USA": "United States of America",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
}

# Other names seen in UN, UPR and UPR Info documents (current, former and short forms). Forms that differ
# only by case, accents, punctuation, "&"/"and", "St"/"Saint" or a leading "the" need no entry here.
_VARIANTS: dict[str, tuple[str, ...]] = {
    "ARE": ("UAE",),
    "BOL": ("Bolivia", "Plurinational State of Bolivia"),
    "BRN": ("Brunei",),
    "CIV": ("Ivory Coast",),
    "COD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
    "COG": ("Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"),
    "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "GBR": ("United Kingdom", "UK", "Great Britain", "Britain"),
    "IRN": ("Iran", "Islamic Republic of Iran"),
    "KNA": ("Saint Christopher and Nevis",),
    "KOR": ("South Korea", "Korea (Republic of)"),
    "LAO": ("Laos", "Lao PDR"),
    "LBY": ("Libyan Arab Jamahiriya",),
    "MDA": ("Moldova",),
    "MKD": (
        "The former Yugoslav Republic of Macedonia",
        "Macedonia (the former Yugoslav Republic of)",
        "FYR Macedonia",
        "Macedonia FYR",
        "FYROM",
        "Macedonia",
    ),
    "MMR": ("Burma",),
    "NLD": ("Netherlands", "Kingdom of the Netherlands"),
    "PRK": ("North Korea", "DPRK", "DPR Korea", "Korea (Democratic People's Republic of)"),
    "PSE": ("Palestine",),
    "RUS": ("Russia",),
    "SWZ": ("Swaziland",),
    "SYR": ("Syria",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey",),
    "TZA": ("Tanzania",),
    "USA": ("United States", "USA", "US"),
    "VAT": ("Holy See (Vatican City State)", "Vatican", "Vatican City"),
    "VEN": ("Venezuela", "Bolivarian Republic of Venezuela"),
    "VNM": ("Vietnam",),
}

# Names that stand for more than one State: never resolved.
_AMBIGUOUS = frozenset({"korea"})
# Codes not taken as codes: "NA" (Namibia's alpha-2) marks a missing State in UPR data, e.g. "(NA);".
_NOT_CODES = frozenset({"NA"})

# Mis-decodings met in PDF → text exports, as (codec the text was wrongly decoded with, right codec),
# e.g. "C™te dÕIvoire" (Mac Roman read as cp1252), "CÙte d'Ivoire" (Latin-1 read as Mac Roman).
_MOJIBAKE = (
    ("cp1252", "utf-8"),
    ("latin-1", "utf-8"),
    ("cp1252", "mac_roman"),
    ("latin-1", "mac_roman"),
    ("mac_roman", "cp1252"),
)
_LOST = "#"  # stands for a character lost in decoding ("?" or U+FFFD)
_APOSTROPHES = re.compile(r"\s*['’‘`´ʼ]\s*")  # with the spaces some PDF extractions put round it
_NOT_WORD = re.compile(r"[^a-z0-9#]+")
_CODE = re.compile(r"[A-Z]{2,5}")


@dataclass(frozen=True)
class StateInfo:
    """One State: ISO alpha-3 ``code``, UN short ``name`` and the ``variants`` it is also called by."""

    code: str
    name: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class _Register:
    states: dict[str, StateInfo]
    keys: dict[str, str]  # normalised name → alpha-3
    codes: dict[str, str]  # alpha-2, alpha-3 and upper-case acronyms → alpha-3


def _fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces; a lost character becomes ``#``.

    >>> _fold("  **Côte d’Ivoire**;\\u00a0")
    'cote divoire'
    >>> _fold("Lao People ’ s Democratic Republic")
    'lao peoples democratic republic'
    >>> _fold("The St Vincent & the Grenadines.")
    'saint vincent and the grenadines'
    """
    text = re.sub(r"[?\ufffd]", _LOST, text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text.replace("&", " and "))
    words = _NOT_WORD.sub(" ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join("saint" if word == "st" else word for word in words)


def _forms(name: str) -> Iterator[str]:
    """The folded name, and its inverted form for "Korea, Republic of" / "Iran (Islamic Republic of)"."""
    yield _fold(name)
    inverted = re.fullmatch(r"\s*([^,(]+?)\s*(?:,|\()\s*([^,()]+?)\s*\)?\s*", name)
    if inverted:
        yield _fold(f"{inverted[2]} {inverted[1]}")


def _pycountry_names(code: str) -> tuple[str, str, list[str]]:
    """Alpha-2, name and other names (official, common) of a code, typed."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:  # pragma: no cover - guards against a pycountry update dropping a code
        raise LookupError(f"pycountry has no country {code}")
    others = [str(getattr(country, field, "")) for field in ("official_name", "common_name")]
    return str(country.alpha_2), str(country.name), [o for o in others if o]


@cache
def _register() -> _Register:
    states: dict[str, StateInfo] = {}
    keys: dict[str, str] = {}
    clashes: set[str] = set(_AMBIGUOUS)
    codes: dict[str, str] = {}
    for code in _UN_CODES:
        alpha_2, iso_name, others = _pycountry_names(code)
        name = _UN_NAMES.get(code, iso_name)
        variants = tuple(dict.fromkeys(v for v in (iso_name, *others, *_VARIANTS.get(code, ())) if v != name))
        states[code] = StateInfo(code, name, variants)
        codes[code] = code
        if alpha_2 not in _NOT_CODES:
            codes[alpha_2] = code
        for label in (name, *variants):
            if _CODE.fullmatch(label):  # acronyms such as "UK", "DPRK": upper case only
                codes[label] = code
                continue
            for key in _forms(label):
                if keys.setdefault(key, code) != code:
                    clashes.add(key)
    for key in clashes:
        keys.pop(key, None)
    return _Register(states, keys, codes)


def _repairs(text: str) -> Iterator[str]:
    """The text re-decoded each way mojibake is commonly undone (only for non-ASCII text)."""
    if text.isascii():
        return
    for wrong, right in _MOJIBAKE:
        try:
            repaired = text.encode(wrong).decode(right)
        except UnicodeError:
            continue
        if repaired != text:
            yield repaired


def _match_lost(key: str, keys: dict[str, str]) -> str | None:
    """Resolve a key whose ``#`` marks lost characters, only if exactly one State fits.

    >>> _match_lost("c#te d#ivoire", _register().keys)
    'CIV'
    """
    literal = key.replace(_LOST, "")
    if key.count(_LOST) > 3 or len(literal.replace(" ", "")) < 4:
        return None
    pattern = re.compile("[a-z0-9]?".join(map(re.escape, key.split(_LOST))))
    found = {code for candidate, code in keys.items() if pattern.fullmatch(candidate)}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8192)  # imports ask for the same few hundred names tens of thousands of times
def resolve_state(name: str) -> str | None:
    """The ISO alpha-3 code of a State named by UN name, variant, ISO alpha-2 or alpha-3 code; else None.

    Codes and acronyms count only when written in capitals ("CAN" is Canada, "can" is not); "NA" is
    read as "not available", not as Namibia's alpha-2 code.

    >>> resolve_state("Iran"), resolve_state("Venezuela (Bolivarian Republic of)"), resolve_state("KZ")
    ('IRN', 'VEN', 'KAZ')
    >>> resolve_state("Congo"), resolve_state("Democratic Republic of the Congo"), resolve_state("UK")
    ('COG', 'COD', 'GBR')
    >>> resolve_state("C™te dÕIvoire"), resolve_state("C?te d'Ivoire")
    ('CIV', 'CIV')
    >>> resolve_state("Guinea"), resolve_state("Kosovo"), resolve_state("moratorium"), resolve_state("NA")
    ('GIN', None, None, None)
    """
    register = _register()
    bare = re.sub(r"[\s.*_]+", "", name)
    if _CODE.fullmatch(bare) and bare in register.codes:
        return register.codes[bare]
    candidates = [name, *_repairs(name)]
    for candidate in candidates:
        for key in _forms(candidate):
            if key in register.keys:
                return register.keys[key]
    for candidate in candidates:
        key = _fold(candidate)
        if _LOST in key:
            return _match_lost(key, register.keys)
    return None


def state_info(code: str) -> StateInfo:
    """The register entry of an ISO alpha-3 code; KeyError when no UN member or observer State has it.

    >>> state_info("KAZ")
    StateInfo(code='KAZ', name='Kazakhstan', variants=('Republic of Kazakhstan',))
    >>> state_info("XKX")
    Traceback (most recent call last):
    ...
    KeyError: 'XKX'
    """
    return _register().states[code.strip().upper()]


def all_states() -> list[StateInfo]:
    """Every UN member State (193) and observer State (Holy See, State of Palestine), by UN name.

    >>> states = all_states()
    >>> len(states), states[0].name, states[-1].name
    (195, 'Afghanistan', 'Zimbabwe')
    """
    return sorted(_register().states.values(), key=lambda state: _fold(state.name))
