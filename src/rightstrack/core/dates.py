"""Month names as documents of the field write them (English), shared by every parser that reads dates.

>>> MONTH_NUMBERS["december"], MONTHS[0]
(12, 'january')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_NUMBERS: Mapping[str, int] = MappingProxyType({name: number for number, name in enumerate(MONTHS, 1)})
