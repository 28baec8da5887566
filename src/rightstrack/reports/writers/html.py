"""A report as one self-contained HTML page (styles and charts inline); with ``for_print``, for WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string

from rightstrack.reports import charts
from rightstrack.reports.document import Report


def html(report: Report, for_print: bool = False) -> str:
    charts.draw(report, svg=True)
    return render_to_string("reports/report.html", {"report": report, "print": for_print})


def write_html(report: Report) -> bytes:
    return html(report).encode()
