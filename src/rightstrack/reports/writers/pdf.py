"""A report as a tagged PDF, laid out by WeasyPrint from the print version of its HTML.

The index's page numbers are CSS ``target-counter()``s: WeasyPrint fills them with the page each
anchor lands on, so they are the PDF's own page numbers. The PDF's dates are the report's stated date
(``dcterms.created``/``modified`` in the HTML) and no random identifier is written, so the same data
gives the same bytes.
"""

from __future__ import annotations

from weasyprint import HTML  # type: ignore[import-untyped]

from rightstrack.reports.document import Report
from rightstrack.reports.writers.html import html


def write_pdf(report: Report) -> bytes:
    document = HTML(string=html(report, for_print=True)).render()
    pdf: bytes = document.write_pdf(pdf_tags=True)
    return pdf
