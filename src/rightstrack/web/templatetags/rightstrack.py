"""Template filters of the public site."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rightstrack.core.percent import confidence

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
