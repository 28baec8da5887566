"""Page furniture of a UN document read from PDF: blanked, so that line numbers stay those of the file.

>>> clean(["GE.19-10225(E)", "A/HRC/43/10/Add.1", "3", "*1910225*", "page 2", "122.11", "2. Text"])
['', '', '', '', '', '122.11', '2. Text']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FURNITURE = re.compile(
    r"^\s*(?:"
    r"GE\.\s?\d{2}\s?[-–]\s?\d{4,6}.*"  # job number "GE.19-10225(E)" (and what follows it on the line)
    r"|\d{1,3}\s+GE\.\d{2}-\d{4,6}.*"  # page number then job number
    r"|A\s*/\s*HRC\s*/\s*\d{1,2}\s*/\s*\d{1,3}\s*/\s*Add\s*\.\s*\d(?:\s+\d{1,3})?"  # running header
    r"|\d{1,3}(?:\s+A/HRC/\d{1,2}/\d{1,3}/Add\.\d)?"  # page number alone (or before the header)
    r"|_{5,}"  # the rule above the footnotes
    r"|page\s+\d{1,3}"  # "page 2" under the header (until about 2010)
    r"|\*\s?\d{7}\s?\*"  # bar code
    r"|Please\s+recycle\s*♲?"
    r"|[\ue000-\uf8ff\s]+"  # private-use glyphs of the bar code
    r")\s*$",
    re.I,
)


def clean(lines: Iterable[str]) -> list[str]:
    """``lines`` with page furniture replaced by empty lines."""
    return ["" if _FURNITURE.match(line) else line for line in lines]
