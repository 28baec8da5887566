"""Text normalisation used to recognise the same recommendation in different sources.

>>> normalise("95.1 To accomplish human rights voluntary goals (resolution 9/12);")
'accomplish human rights voluntary goals resolution 9 12'
>>> normalise("Accomplish human rights voluntary goals (resolution 9-12)")
'accomplish human rights voluntary goals resolution 9 12'
"""

from __future__ import annotations

import re
import unicodedata

_LEADING_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")
_LEADING_TO = re.compile(r"^(?:to|that)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lower-case words only: no paragraph number, no leading "To", no punctuation."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _LEADING_NUMBER.sub("", text)
    text = _LEADING_TO.sub("", text)
    return _NON_WORD.sub(" ", text.casefold()).strip()
