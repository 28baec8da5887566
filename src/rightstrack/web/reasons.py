"""The machine's reasons (``analysis.claims``, plain English built without Django) in the page's language.

``analysis/claims.py`` writes a reason as a fixed phrase, maybe followed by figures or a quotation of the
stakeholder's words; each phrase is a message of the catalogue, and the figures and the quotation are kept.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

#: The claim levels of ``analysis.claims.LEVELS`` as a reader says them.
CLAIM_LEVELS = {
    "fully": gettext_noop("fully implemented"),
    "partially": gettext_noop("partially implemented"),
    "not": gettext_noop("not implemented"),
    "unclear": gettext_noop("undetermined"),
}

#: Every phrase ``analysis.claims`` starts a reason with.
PHRASES = (
    gettext_noop("states it is practically not implemented"),
    gettext_noop("states partial implementation"),
    gettext_noop("states it is not implemented"),
    gettext_noop("states it has been implemented"),
    gettext_noop("answers no"),
    gettext_noop("answers partially"),
    gettext_noop("answers yes"),
    gettext_noop("too little text to read a claim"),
    gettext_noop("says it is being implemented, with a reservation"),
    gettext_noop("says it is being implemented, without reservation"),
    gettext_noop("speaks of what would be welcome, neither done nor refused"),
    gettext_noop("weighs what was done against what was not"),
    gettext_noop("describes shortcomings"),
    gettext_noop("describes measures taken"),
    gettext_noop("describes progress and shortcomings"),
    gettext_noop("says neither fully nor not implemented: partially (UPR Info's rule)"),
)
_CUES = re.compile(r"\((\d+) negative, (\d+) positive cue\(s\)\)")
_REFERS = re.compile(r"refers to the comments on recommendation\(s\) ([\d, ]+)$")
#: ``assist.suggestions._reason``: "model: head, 93 % probable from the recommendation's words".
_SUGGESTION = re.compile(r"^(.+?): (.+?), (.+?) probable from the recommendation's words$")


def claim_level(level: str) -> str:
    """A claim's level in the active language ("partially" → "выполнена частично")."""
    return _(CLAIM_LEVELS[level]) if level in CLAIM_LEVELS else level


def machine_reason(reason: str) -> str:
    """``reason`` in the active language; an unknown phrase stays as written."""
    suggestion = _SUGGESTION.match(reason)
    if suggestion:
        return _("%(model)s: %(head)s, %(confidence)s probable from the recommendation's words") % {
            "model": suggestion.group(1),
            "head": _(suggestion.group(2)),
            "confidence": suggestion.group(3),
        }
    refers = _REFERS.match(reason)
    if refers:
        return _("refers to the comments on recommendation(s) %(numbers)s") % {"numbers": refers.group(1)}
    for phrase in sorted(PHRASES, key=len, reverse=True):
        if reason.startswith(phrase):
            rest = reason[len(phrase) :]
            cues = _CUES.search(rest)
            if cues:
                rest = rest.replace(
                    cues.group(0),
                    "("
                    + _("%(negative)s negative, %(positive)s positive cue(s)")
                    % {"negative": cues.group(1), "positive": cues.group(2)}
                    + ")",
                )
            return _(phrase) + rest
    return reason


#: The words of ``core.records.Place.describe`` ("paragraph 124.4, line 321 (recommendations)").
PLACE_WORDS = {
    "page": gettext_noop("page %(n)s"),
    "paragraph": gettext_noop("paragraph %(n)s"),
    "row": gettext_noop("row %(n)s"),
    "cell": gettext_noop("cell %(n)s"),
    "line": gettext_noop("line %(n)s"),
}
_PLACE = re.compile(r"^((?:(?:page|paragraph|row|cell|line) \S+?(?:, |$| \())+)")
_PART = re.compile(r"\b(page|paragraph|row|cell|line) (\S+?)(?=, |$| \()")


def place_words(place: str) -> str:
    """A place in a document in the active language ("paragraph 124.4, line 321 (recommendations)" →
    "пункт 124.4, строка файла 321 (recommendations)"); the section's name (in brackets) stays as written."""
    head = _PLACE.match(place)
    if not head:
        return _("document") if place == "document" else place
    parts = _PART.sub(lambda m: _(PLACE_WORDS[m.group(1)]) % {"n": m.group(2)}, head.group(1))
    return parts + place[head.end() :]
