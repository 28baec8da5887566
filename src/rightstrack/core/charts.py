"""Vega-Lite specifications of RightsTrack's charts: the same spec draws in the browser and in reports.

Every builder takes plain rows (dicts) and returns a complete spec with its data inlined, a title, axis
titles with units, and a description (for screen readers and alt text). ``translate`` (gettext, for a
page in another language; English by default) turns every word a reader sees into the page's language:
the titles, the description and the categories of the data (levels, positions, answers, "who says so").

>>> spec = recommendations_per_cycle([{"cycle": "1", "mechanism": "UPR", "recommendations": 129}])
>>> spec["mark"]["type"], spec["encoding"]["y"]["title"]
('bar', 'Recommendations (count)')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
LEVEL_ORDER = ["fully implemented", "partially implemented", "not implemented", "undetermined", "no answer"]
LEVEL_COLOURS = ["#1b7a3d", "#d08a1c", "#b3261e", "#8a8f98", "#c9ced6"]

Spec = dict[str, Any]
Rows = list[dict[str, Any]]
Translate = Callable[[str], str]


def english(text: str) -> str:
    """The default ``translate``: the words as written."""
    return text


def _translated(rows: Rows, fields: tuple[str, ...], translate: Translate) -> Rows:
    """Copies of ``rows`` with the categorical values of ``fields`` translated."""
    return [
        {
            key: translate(value) if key in fields and isinstance(value, str) else value
            for key, value in row.items()
        }
        for row in rows
    ]


def _base(
    title: str, description: str, rows: Rows, translate: Translate = english, width: int | str = "container"
) -> Spec:
    return {
        "$schema": SCHEMA,
        "title": translate(title),
        "description": translate(description),
        "width": width,
        "height": 260,
        "data": {"values": rows},
        "config": {"font": "DejaVu Sans, sans-serif", "view": {"stroke": None}},
    }


def recommendations_per_cycle(rows: Rows, translate: Translate = english) -> Spec:
    """Rows: ``{"cycle", "mechanism", "recommendations"}``."""
    spec = _base(
        "Recommendations received per cycle",
        "Bars: number of recommendations per review cycle, coloured by mechanism.",
        rows,
        translate,
    )
    spec["mark"] = {"type": "bar", "tooltip": True}
    spec["encoding"] = {
        "x": {"field": "cycle", "type": "ordinal", "title": translate("UPR cycle")},
        "y": {
            "field": "recommendations",
            "type": "quantitative",
            "title": translate("Recommendations (count)"),
        },
        "color": {"field": "mechanism", "type": "nominal", "title": translate("Mechanism")},
    }
    return spec


#: The categories of the position chart, in order; every UPR recommendation falls in one.
POSITION_ORDER = ("supported", "supported/noted", "noted", "pending (will be examined)", "not given")
_POSITION_COLOURS = ("#0b5cad", "#6f8fc4", "#e08b2c", "#9a6fb0", "#c9ced6")


def position_category(response: str, stage: str) -> str:
    """The position chart's category of a recommendation (its final position, or why it has none).

    >>> position_category("", "will examine"), position_category("supported", "already implemented")
    ('pending (will be examined)', 'supported')
    """
    if response in POSITION_ORDER:
        return response
    return "pending (will be examined)" if stage == "will examine" else "not given"


def responses_per_cycle(rows: Rows, translate: Translate = english) -> Spec:
    """Rows: ``{"cycle", "response", "recommendations"}`` (response: one of ``POSITION_ORDER``)."""
    spec = _base(
        "Supported and noted recommendations",
        "Stacked bars: per UPR cycle, how many recommendations the State supported or noted, and how many "
        "still wait for its answer.",
        _translated(rows, ("response",), translate),
        translate,
    )
    spec["mark"] = {"type": "bar", "tooltip": True}
    spec["encoding"] = {
        "x": {"field": "cycle", "type": "ordinal", "title": translate("Cycle")},
        "y": {
            "field": "recommendations",
            "type": "quantitative",
            "stack": "zero",
            "title": translate("Recommendations (count)"),
        },
        "color": {
            "field": "response",
            "type": "nominal",
            "title": translate("Position"),
            "scale": {"domain": [translate(p) for p in POSITION_ORDER], "range": list(_POSITION_COLOURS)},
        },
    }
    return spec


def levels_by_theme(rows: Rows, translate: Translate = english) -> Spec:
    """Rows: ``{"theme", "level", "recommendations"}`` (level: an IRI outcome)."""
    spec = _base(
        "Implementation per theme",
        "Horizontal stacked bars: for each theme, how many recommendations are fully, partially or not "
        "implemented, undetermined or without answer.",
        rows,
        translate,
    )
    spec["height"] = {"step": 18}
    spec["mark"] = {"type": "bar", "tooltip": True}
    spec["encoding"] = {
        "y": {"field": "theme", "type": "nominal", "title": None, "sort": "-x"},
        "x": {
            "field": "recommendations",
            "type": "quantitative",
            "stack": "zero",
            "title": translate("Recommendations (count)"),
        },
        "color": {
            "field": "level",
            "type": "nominal",
            "title": translate("Implementation (IRI)"),
            "scale": {"domain": [translate(level) for level in LEVEL_ORDER], "range": LEVEL_COLOURS},
        },
        "order": {"field": "order", "type": "quantitative"},
    }
    for row in rows:
        row.setdefault("order", LEVEL_ORDER.index(row["level"]) if row["level"] in LEVEL_ORDER else 9)
    spec["data"]["values"] = _translated(rows, ("level",), translate)
    return spec


def response_rate(rows: Rows, translate: Translate = english) -> Spec:
    """Rows: ``{"group", "status", "stakeholders"}`` with status "responded" / "did not respond"."""
    spec = _base(
        "Follow-up: who was asked and who answered",
        "Stacked bars: per kind of stakeholder, how many were contacted and how many responded.",
        _translated(rows, ("group", "status"), translate),
        translate,
    )
    spec["mark"] = {"type": "bar", "tooltip": True}
    spec["encoding"] = {
        "x": {"field": "group", "type": "nominal", "title": translate("Stakeholders")},
        "y": {
            "field": "stakeholders",
            "type": "quantitative",
            "stack": "zero",
            "title": translate("Stakeholders (count)"),
        },
        "color": {
            "field": "status",
            "type": "nominal",
            "title": translate("Answer"),
            "scale": {
                "domain": [translate("responded"), translate("did not respond")],
                "range": ["#1b7a3d", "#c9ced6"],
            },
        },
    }
    return spec


def state_vs_civil_society(rows: Rows, translate: Translate = english, suggested: bool = False) -> Spec:
    """Rows: ``{"theme", "state", "civil_society"}``: mean IRI scores (0–1) of each side per theme.

    ``suggested``: the scores are the levels suggested by machine from the review's documents (rows
    then also carry ``confidence``), and the title, description and tooltip say so.
    """
    long = [
        {"theme": row["theme"], "who": translate(who), "score": row[key]}
        | ({"confidence": round(row["confidence"], 2)} if suggested else {})
        for row in rows
        for who, key in (("the State", "state"), ("civil society", "civil_society"))
        if row[key] is not None
    ]
    spec = _base(
        "Where the State and civil society disagree (suggested from the review's documents)"
        if suggested
        else "Where the State and civil society disagree",
        "Points: per theme, the mean implementation score (0 = not, 1 = fully) suggested by machine from "
        "the confirmed evidence of what the State says and what other stakeholders say, with the "
        "suggestions' mean confidence; suggestions, not assessments."
        if suggested
        else "Points: per theme, the mean implementation score (0 = not, 1 = fully) the State claims and "
        "the one other stakeholders claim.",
        long,
        translate,
    )
    spec["height"] = {"step": 18}
    spec["mark"] = {"type": "point", "filled": True, "size": 90, "tooltip": True}
    spec["encoding"] = {
        "y": {"field": "theme", "type": "nominal", "title": None},
        "x": {
            "field": "score",
            "type": "quantitative",
            "scale": {"domain": [0, 1]},
            "title": translate("Mean IRI score (0–1)"),
        },
        "color": {"field": "who", "type": "nominal", "title": translate("Who says so")},
    }
    return spec
