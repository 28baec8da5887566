"""Template filters of the public site."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from rightstrack.core.percent import confidence
from rightstrack.core.state_names import state_name as named
from rightstrack.web.reasons import claim_level, machine_reason, place_words

register = template.Library()


@register.filter
def highlight(text: str, words: list[str]) -> SafeString:
    """Escape ``text`` and mark every occurrence of the search words.

    >>> str(highlight("Abolish <b>the</b> death penalty", ["death"]))
    'Abolish &lt;b&gt;the&lt;/b&gt; <mark>death</mark> penalty'
    """
    escaped = escape(text)
    if not words:
        return mark_safe(escaped)
    pattern = re.compile("|".join(re.escape(escape(word)) for word in words if word), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))


@register.filter
def slug_level(value: str) -> str:
    return re.sub(r"[^a-z]+", "-", value.lower()).strip("-")


@register.filter
def get_item(mapping: Mapping[Any, Any], key: Any) -> Any:
    """``mapping[key]``, or ``None``: ``{{ claims|get_item:assessment.pk }}``.

    >>> get_item({1: "partially"}, 1), get_item({}, 2)
    ('partially', None)
    """
    return mapping.get(key) if mapping else None


# ``{{ s.probability|confidence }}``: "93 %", never more than "> 99 %"
register.filter("confidence", confidence)


@register.filter
def state_name(state: Any) -> str:
    """A State (or its code) by its UN name in the page's language: ``{{ review.state|state_name }}``."""
    if state is None or state == "":
        return ""
    if isinstance(state, Mapping):
        code, name = str(state.get("code", "")), str(state.get("name", ""))
    else:
        code, name = str(getattr(state, "code", state)), str(getattr(state, "name", ""))
    return named(code, get_language() or "en", name or code)


@register.filter
def review_name(review: Any) -> str:
    """``{{ review|review_name }}``: "Denmark UPR cycle 3 (2021)" (``Review.named``), not the code."""
    return "" if review is None else review.named()


# ``{{ claim.reason|machine_reason }}``, ``{{ claim.level|claim_level }}``: the machine's words translated.
register.filter("machine_reason", machine_reason)
register.filter("claim_level", claim_level)
# ``{{ statement.place|place_words }}``: "paragraph 124.4, line 321" → "пункт 124.4, строка 321"
register.filter("place_words", place_words)
