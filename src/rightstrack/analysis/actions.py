"""What a recommendation asks the State to do, in a word or two: "abolish", "moratorium", "ratify".

:func:`action` reads the leading verb of a recommendation after its formula ("The State party should",
"Consider", "Continue its efforts to", "Take all necessary measures to" …); when that verb says little
by itself ("introduce", "establish", "maintain", "finalize" …) the noun it governs stands for the action
("Introduce a moratorium on …" → "moratorium", "Finalize the ratification of …" → "ratify").
:func:`action_label` names what a group of recommendations asks: its most common actions, most
frequent first, e.g. "abolish / moratorium" for a chain of death-penalty recommendations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rightstrack.analysis.link import is_concern

#: Openings that say how, not what: stripped (repeatedly) before the verb is read.
_FORMULA = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}[).]\s+"
    r"|the\s+(?:state\s+party|committee|government)\s+(?:should|must|is\s+urged\s+to|recommends?\s+that)\s*:?\s*"
    r"|(?:it\s+)?should\s+"
    r"|consider(?:\s+the\s+possibility\s+of)?\s+"
    r"|(?:continue|intensify|increase|strengthen|step\s+up|enhance|redouble|pursue|make)\s+"
    r"(?:its\s+|the\s+|all\s+|further\s+)*(?:efforts?|work|steps|endeavou?rs?)\s+(?:to|in|towards?|for|regarding)\s+"
    r"|continue\s+(?:to\s+|with\s+)?"
    r"|take\s+(?:all\s+|the\s+)?(?:necessary\s+|appropriate\s+|concrete\s+|effective\s+|further\s+|urgent\s+|"
    r"robust\s+|immediate\s+|legislative\s+|practical\s+)*(?:and\s+\w+\s+)?(?:measures|steps|action)\s+"
    r"(?:in\s+order\s+|with\s+a\s+view\s+)?to\s+"
    r"|put\s+in\s+place\s+measures\s+to\s+"
    r"|(?:further|fully|effectively|promptly|urgently|swiftly|also)\s+"
    r"|(?:the\s+)?process\s+(?:of|to)\s+"
    r"|(?:sign\s+and|and)\s+)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
#: Verbs that need their object to say what is asked.
_GENERIC = frozenset(
    [
        "introduce",
        "establish",
        "adopt",
        "maintain",
        "proceed",
        "finalize",
        "finalise",
        "take",
        "put",
        "implement",
        "develop",
        "create",
        "set",
        "complete",
        "conclude",
        "undertake",
        "carry",
        "bring",
        "make",
        "give",
        "provide",
    ]
)
#: Words skipped between a generic verb and its noun.
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "all",
        "any",
        "with",
        "on",
        "of",
        "to",
        "in",
        "for",
        "up",
        "out",
        "a",
        "further",
        "new",
        "national",
        "official",
        "formal",
        "de",
        "jure",
        "de",
        "facto",
        "effective",
        "comprehensive",
        "full",
        "measures",
        "steps",
        "efforts",
        "action",
        "and",
        "or",
        "human",
        "rights",
        "not",
        "process",
        "procedures",
        "speedy",
        "towards",
        "work",
    ]
)
#: Nouns that name an action: read as that action.
_NOMINAL = {
    "abolition": "abolish",
    "ratification": "ratify",
    "ratifying": "ratify",
    "accession": "accede",
    "acceding": "accede",
    "adoption": "adopt",
    "adherence": "adhere",
    "adhering": "adhere",
    "abolishing": "abolish",
    "implementation": "implement",
    "establishment": "establish",
    "criminalization": "criminalize",
    "criminalisation": "criminalize",
    "decriminalization": "decriminalize",
    "decriminalisation": "decriminalize",
    "amendment": "amend",
    "revision": "revise",
    "review": "review",
    "repeal": "repeal",
    "strengthening": "strengthen",
    "improving": "improve",
    "promoting": "promote",
    "combating": "combat",
    "combatting": "combat",
    "ensuring": "ensure",
    "implementing": "implement",
    "establishing": "establish",
    "developing": "develop",
    "providing": "provide",
    "becoming": "become",
}
#: Endings of adjectives skipped when looking for the noun a generic verb governs.
_ADJECTIVE = re.compile(r"(?:al|ive|ent|ant|ic|ous|ary|ible|able|ful)$")


def _base(word: str) -> str:
    """A verb's form in "-izing" / "-ising" read as its base ("decriminalizing" → "decriminalize")."""
    word = _NOMINAL.get(word, word)
    if len(word) > 7 and word.endswith(("izing", "ising")):
        return word[:-3] + "e"
    return word


def action(text: str) -> str | None:
    """The action ``text`` asks for, lower case; ``None`` when no word is left after the formula, or
    for a treaty body's concern paragraph ("The Committee is concerned …")."""
    if is_concern(text):
        return None
    rest = text.strip()
    while True:
        stripped = _FORMULA.sub("", rest, count=1).lstrip(" ,:;")
        if stripped == rest:
            break
        rest = stripped
    words: list[str] = [str(word).lower() for word in _WORD.findall(rest[:300])]
    while words and (words[0] in _FILLER or (words[0].endswith("ly") and len(words) > 1)):
        words = words[1:]
    if not words:
        return None
    verb = _base(words[0])
    if verb not in _GENERIC:
        return verb
    for word in words[1:8]:
        if word not in _FILLER and not _ADJECTIVE.search(word):
            return _base(word)
    return verb


#: Verbs that say little about what is asked: a label counts them half.
WEAK = frozenset(["ensure", "guarantee", "strengthen", "enhance", "improve", "promote", "intensify"])


def action_label(texts: Sequence[str], most: int = 2) -> str:
    """The ``most`` commonest actions of ``texts`` joined by " / ", the :data:`WEAK` ones counting
    half (ties: the earlier text first); a committee's concern paragraphs ask nothing.

    >>> action_label(["Abolish the death penalty", "Introduce a moratorium on the death penalty",
    ...               "Continue the process of abolishing the death penalty", "Maintain the moratorium"])
    'abolish / moratorium'
    """
    counts = Counter(found for found in map(action, texts) if found)
    if not counts:
        return ""
    order = {verb: k for k, verb in reversed(list(enumerate(map(action, texts)))) if verb}
    ranked = sorted(counts, key=lambda verb: (-counts[verb] / (2 if verb in WEAK else 1), order[verb]))
    return " / ".join(ranked[:most])


#: Actions that ask the State to become party to a treaty.
JOIN = frozenset(["ratify", "accede", "adhere", "sign", "become", "join"])
#: Treaties a recommendation may ask the State to join, by how UN prose names them (the optional
#: protocols before their conventions: a text naming a protocol names its convention too).
_TREATIES = [
    (
        "ICCPR-OP2",
        r"second\s+optional\s+protocol|OP2|ICCPR[-\s]OP2",
    ),
    (
        "ICCPR-OP1",
        r"(?<!second\s)optional\s+protocol\s+to\s+(?:the\s+)?(?:international\s+covenant\s+on\s+civil|ICCPR)",
    ),
    (
        "ICESCR-OP",
        r"optional\s+protocol\s+to\s+(?:the\s+)?(?:international\s+covenant\s+on\s+economic|ICESCR)|OP-ICESCR",
    ),
    (
        "CRPD-OP",
        r"optional\s+protocol\s+to\s+(?:the\s+)?(?:convention\s+on\s+the\s+rights\s+of\s+persons|CRPD)|OP-CRPD",
    ),
    ("OPCAT", r"optional\s+protocol\s+to\s+(?:the\s+)?(?:convention\s+against\s+torture|CAT)|OPCAT|OP-CAT"),
    (
        "CRC-OP",
        r"optional\s+protocols?\s+to\s+(?:the\s+)?(?:convention\s+on\s+the\s+rights\s+of\s+the\s+child|CRC)",
    ),
    ("ROME", r"rome\s+statute"),
    ("ICRMW", r"migrant\s+workers|ICRMW"),
    ("CED", r"enforced\s+disappearance|\bCED\b"),
    ("STATELESSNESS", r"statelessness|stateless\s+persons"),
    ("CRPD", r"convention\s+on\s+the\s+rights\s+of\s+persons\s+with\s+disabilities|\bCRPD\b"),
]
_TREATY = [(key, re.compile(pattern, re.IGNORECASE)) for key, pattern in _TREATIES]


def treaties_to_join(text: str) -> frozenset[str]:
    """The treaties ``text`` asks the State to join (ratify, accede to …), none when it asks
    something else; a protocol hides its own convention ("… the Optional Protocol to CRPD": only it).

    >>> sorted(treaties_to_join("Ratify the Optional Protocol to CRPD"))
    ['CRPD-OP']
    >>> sorted(treaties_to_join("Abolish the death penalty and ratify the Second Optional Protocol to ICCPR"))
    []
    """
    if action(text) not in JOIN:
        return frozenset()
    found: set[str] = set()
    rest = text
    for key, pattern in _TREATY:
        if pattern.search(rest):
            found.add(key)
            rest = pattern.sub(" ", rest)
    return frozenset(found)
