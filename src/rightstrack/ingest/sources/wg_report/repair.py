"""Undo the mis-decoding of a Working Group report's text.

The report texts were exported from PDF on a Mac: their bytes are Mac Roman. A caller that guesses
the encoding (charset-normalizer) often reads them as cp1250, cp775, hp_roman8 or cp1252, so that
``’`` (Mac Roman 0xD5) shows as ``Ő``/``Õ`` and ``–`` (0xD0) as ``Đ``/``Ð``. :func:`repair` re-encodes the
text with each codec it may have been read with, decodes the bytes as Mac Roman and as cp1252, and keeps
the reading richest in ordinary typography (curly quotes, dashes, bullets, accented letters).

>>> repair("Kazakhstan\\u0150s greatest achievements, paragraphs 95\\u011098")
'Kazakhstan’s greatest achievements, paragraphs 95–98'
>>> repair("C\\u00f4te d\\u2019Ivoire")
'Côte d’Ivoire'
>>> repair("plain ASCII text")
'plain ASCII text'
"""

from __future__ import annotations

import re
from collections import Counter

#: Codecs a Mac Roman or cp1252 text is commonly mis-read with (and the right ones, for round trips).
_READ_AS = ("cp1250", "cp1252", "cp775", "hp_roman8", "cp1258", "cp850", "cp437", "latin-1", "mac_roman")
_RIGHT = ("mac_roman", "cp1252")
#: Characters of ordinary English/French/Spanish typography, and how much each says "well decoded".
_TYPOGRAPHY = frozenset("’‘“”–—•…")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTERS = frozenset("éèêëàâäçôöîïùûüñíóáúÉÈÀÇÖÜÑãõåøæœ«»°§\xa0")


def _score(text: str) -> int:
    """+3 per typographic character, +1 per accented letter, −2 per other non-ASCII character."""
    score = 0
    for char, count in Counter(_NON_ASCII.findall(text)).items():
        score += count * (3 if char in _TYPOGRAPHY else 1 if char in _LETTERS else -2)
    return score


def repair(text: str) -> str:
    """``text`` as it reads best among its plausible re-decodings (itself when nothing reads better)."""
    if text.isascii():
        return text
    best, best_score = text, _score(text)
    seen = {text}
    for wrong in _READ_AS:
        try:
            data = text.encode(wrong)
        except UnicodeEncodeError:
            continue
        for right in _RIGHT:
            try:
                candidate = data.decode(right)
            except UnicodeDecodeError:
                continue
            if candidate in seen:
                continue
            seen.add(candidate)
            score = _score(candidate)
            if score > best_score:
                best, best_score = candidate, score
    return best
