"""Charts of reports: the site's Vega-Lite specs (``core/charts.py``), translated and drawn offline.

``vl-convert`` runs Vega-Lite without a browser or network: SVG for HTML and PDF, PNG for Word and
PowerPoint (which cannot embed SVG everywhere). The same spec and data give the same bytes.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import struct
from typing import Any

import vl_convert
from django.utils.translation import gettext as _

from rightstrack.reports.document import Chart, Report, Table

#: Width in CSS pixels of a chart that the site draws as wide as its container.
CHART_WIDTH = 440
_SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')


def chart(spec: dict[str, Any], data: Table, title: str = "", width: int = CHART_WIDTH) -> Chart:
    """A report chart from a spec of ``core.charts``: texts translated (``title`` replaces the spec's),
    ``width`` pixels wide when the site draws it as wide as its container."""
    spec = localise(spec, width)
    if title:
        spec["title"] = title
    return Chart(title=spec["title"], alt=spec["description"], spec=spec, data=data)


def localise(spec: dict[str, Any], width: int = CHART_WIDTH) -> dict[str, Any]:
    """A copy of ``spec`` in the active language: title, description, axis and legend titles, and the
    values of a channel whose scale lists its domain (the IRI levels, the responses)."""
    spec = copy.deepcopy(spec)
    spec["title"] = _(spec["title"])
    spec["description"] = _(spec["description"])
    if spec.get("width") == "container":
        spec["width"] = width
    rows = spec.get("data", {}).get("values", [])
    for channel in spec.get("encoding", {}).values():
        if not isinstance(channel, dict):
            continue
        if channel.get("title"):
            channel["title"] = _(channel["title"])
        domain = channel.get("scale", {}).get("domain")
        if isinstance(domain, list) and all(isinstance(value, str) for value in domain):
            channel["scale"]["domain"] = [_(value) for value in domain]
            name = channel.get("field")
            for row in rows:
                if isinstance(row.get(name), str):
                    row[name] = _(row[name])
    return spec


def draw(report: Report, svg: bool = True, png: bool = False) -> None:
    """Fill every chart of ``report`` with its SVG and/or PNG (2× scale) drawing."""
    for index, block in enumerate(report.blocks):
        if not isinstance(block, Chart):
            continue
        changes: dict[str, Any] = {}
        if svg and not block.svg:
            drawing = vl_convert.vegalite_to_svg(block.spec)
            changes["svg"] = drawing
            size = _SIZE.search(drawing)
            if size:
                changes["width_px"] = round(float(size.group(1)))
                changes["height_px"] = round(float(size.group(2)))
        if png and not block.png:
            picture = vl_convert.vegalite_to_png(block.spec, scale=2)
            changes["png"] = picture
            width, height = struct.unpack(">II", picture[16:24])  # the PNG header's IHDR chunk
            changes["width_px"], changes["height_px"] = width // 2, height // 2
        report.blocks[index] = dataclasses.replace(block, **changes)
