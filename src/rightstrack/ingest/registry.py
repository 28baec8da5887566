"""The import sources, each a folder under ``ingest/sources/<name>/``.

A source declares its ``kind``, ``detect(loaded) -> bool`` and ``parse(loaded, labels) ->
ParsedDocument``, where ``loaded`` is the :class:`~rightstrack.ingest.reading.LoadedFile` (text and,
for office files, the raw bytes) and ``labels`` the known UPR Info issue labels. Detection runs in
the order below: the most specific formats first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.evidence import EvidenceSource
from rightstrack.core.records import ParsedDocument
from rightstrack.ingest.reading import LoadedFile
from rightstrack.ingest.sources.ccpr_factsheet import parser as ccpr_factsheet
from rightstrack.ingest.sources.ccpr_followup_json import parser as ccpr_followup_json
from rightstrack.ingest.sources.ccpr_followup_report import parser as ccpr_followup_report
from rightstrack.ingest.sources.coalition_summary import parser as coalition_summary
from rightstrack.ingest.sources.concluding_observations import parser as concluding_observations
from rightstrack.ingest.sources.evidence_document import parser as evidence_document
from rightstrack.ingest.sources.hrc_followup_grades import parser as hrc_followup_grades
from rightstrack.ingest.sources.mapped_sheet import parser as mapped_sheet
from rightstrack.ingest.sources.mapped_sheet.mapping import Mapping
from rightstrack.ingest.sources.ohchr_matrix import parser as ohchr_matrix
from rightstrack.ingest.sources.stakeholder_sheet import sheet as stakeholder_sheet
from rightstrack.ingest.sources.state_hr_report import parser as state_hr_report
from rightstrack.ingest.sources.uhri_export import parser as uhri_export
from rightstrack.ingest.sources.upr_addendum import parser as upr_addendum
from rightstrack.ingest.sources.upr_evidence import parser as upr_evidence
from rightstrack.ingest.sources.upr_info_export import parser as upr_info_export
from rightstrack.ingest.sources.upr_info_mia import parser as upr_info_mia
from rightstrack.ingest.sources.wg_report import parser as wg_report

Labels = Iterable[str]


@dataclass(frozen=True)
class Source:
    kind: str
    description: str
    detect: Callable[[LoadedFile], bool]
    parse: Callable[[LoadedFile, Labels], ParsedDocument]


def _text_source(
    kind: str,
    description: str,
    detect: Callable[[str], bool],
    parse: Callable[[str, Labels], ParsedDocument],
) -> Source:
    """A source whose parser reads text: ``detect(text)`` and ``parse(text, labels)``."""
    return Source(
        kind,
        description,
        lambda loaded: loaded.format != "xlsx" and detect(loaded.text),
        lambda loaded, labels: parse(loaded.text, labels),
    )


SOURCES: tuple[Source, ...] = (
    # A review's own documents (symbol A/HRC/WG.6/NN/XXX/1|2|3): evidence, not recommendations.
    _text_source(
        upr_evidence.KIND,
        "a UPR review's national report, UN compilation or stakeholders' summary, A/HRC/WG.6/NN/XXX/1|2|3 "
        "(text, PDF or Word)",
        upr_evidence.detect,
        upr_evidence.parse,
    ),
    Source(
        stakeholder_sheet.KIND,
        "a filled RightsTrack stakeholder sheet (Excel)",
        lambda loaded: loaded.format == "xlsx" and stakeholder_sheet.detect(loaded.data),
        lambda loaded, labels: stakeholder_sheet.parse(loaded.data, labels),
    ),
    # Read by its header row (Excel or CSV): before every text source.
    Source(
        uhri_export.KIND,
        "Universal Human Rights Index export: UPR, treaty-body and special-procedure recommendations "
        "(Excel or CSV)",
        uhri_export.detect,
        uhri_export.parse,
    ),
    # Before the UPR addendum: the Committee's follow-up addenda carry "Addendum" on their cover too.
    _text_source(
        ccpr_followup_report.KIND,
        "the Human Rights Committee's follow-up progress report CCPR/C/NNN/2 or an addendum (text or PDF)",
        ccpr_followup_report.detect,
        ccpr_followup_report.parse,
    ),
    # Before the thematic list (an addendum in Word may hold a "recommendation | position" table) and
    # before the Working Group report (an addendum's cover carries the report's title).
    _text_source(
        upr_addendum.KIND,
        "the State's views on the UPR recommendations: addendum A/HRC/NN/NN/Add.1 (text, PDF or Word)",
        upr_addendum.detect,
        upr_addendum.parse,
    ),
    Source(
        ohchr_matrix.KIND,
        "OHCHR thematic list of recommendations (UPR matrix, Word)",
        lambda loaded: loaded.format == "docx" and ohchr_matrix.detect(loaded.data),
        lambda loaded, labels: ohchr_matrix.parse(loaded.data, labels),
    ),
    # Before the Working Group report and the CCPR seed formats, which may quote a CO symbol.
    _text_source(
        concluding_observations.KIND,
        "a treaty body's concluding observations, e.g. CCPR/C/DNK/CO/6 (text, PDF or Word)",
        concluding_observations.detect,
        concluding_observations.parse,
    ),
    _text_source(
        upr_info_mia.KIND,
        "UPR Info Mid-term Implementation Assessment (text)",
        upr_info_mia.detect,
        upr_info_mia.parse,
    ),
    _text_source(
        wg_report.KIND,
        "Report of the UPR Working Group (text, PDF, Word or HTML)",
        wg_report.detect,
        wg_report.parse,
    ),
    _text_source(
        ccpr_followup_json.KIND,
        "the Human Rights Committee's follow-up assessment (JSON)",
        ccpr_followup_json.detect,
        ccpr_followup_json.parse,
    ),
    _text_source(
        ccpr_factsheet.KIND,
        "CCPR Centre fact sheets: UPR and Human Rights Committee recommendations (text, seed 001)",
        ccpr_factsheet.detect,
        ccpr_factsheet.parse,
    ),
    _text_source(
        hrc_followup_grades.KIND,
        "NGO follow-up of concluding observations graded per sub-recommendation (text, seed 003)",
        hrc_followup_grades.detect,
        hrc_followup_grades.parse,
    ),
    _text_source(
        state_hr_report.KIND,
        "a State's human rights report with treaty inventory and action plan (text, seed 002)",
        state_hr_report.detect,
        state_hr_report.parse,
    ),
    _text_source(
        coalition_summary.KIND,
        "an NGO coalition's cycle summary per issue (slides as text, seed 004)",
        coalition_summary.detect,
        coalition_summary.parse,
    ),
    _text_source(
        upr_info_export.KIND,
        "UPR Info database export (CSV, one row per recommendation and recommending State)",
        upr_info_export.detect,
        upr_info_export.parse,
    ),
    # Never detected (any text would do): named with --kind evidence-document.
    Source(
        evidence_document.KIND,
        "any other evidence document split into paragraphs (text, PDF or Word; --kind evidence-document)",
        lambda loaded: False,
        lambda loaded, labels: evidence_document.parse(loaded.text, labels, loaded.name),
    ),
)


def source_for(loaded: LoadedFile, kind: str | None = None) -> Source:
    """The source that reads ``loaded``: the one named by ``kind``, or the first that recognises it."""
    if kind:
        for source in SOURCES:
            if source.kind == kind:
                return source
        known = ", ".join(source.kind for source in SOURCES)
        raise DocumentRejected(f"unknown document kind {kind!r}; known kinds: {known}")
    for source in SOURCES:
        if source.detect(loaded):
            return source
    known = "; ".join(source.description for source in SOURCES)
    raise DocumentRejected(f"not a document kind RightsTrack can import (it reads: {known})")


def evidence_source(state: str, title: str = "", author: EvidenceSource | None = None) -> Source:
    """Any other evidence document about ``state`` (ISO alpha-3; "": the State it names most), with the
    title and author its importer gives (the portal's evidence import, the command's ``--state``...):
    read as ``--kind evidence-document`` reads it, then described."""
    return Source(
        evidence_document.KIND,
        f"an evidence document about {state} split into paragraphs (text, PDF or Word)",
        lambda loaded: False,
        lambda loaded, labels: evidence_document.described(
            evidence_document.parse(loaded.text, labels, loaded.name), state, title, author
        ),
    )


def mapped_source(mapping: Mapping) -> Source:
    """Any spreadsheet of recommendations read through ``mapping`` (``rightstrack import --columns``):
    never detected, always named."""
    return Source(
        mapped_sheet.KIND,
        f"a spreadsheet of recommendations (columns: {mapping.describe()})",
        lambda loaded: loaded.format in ("xlsx", "text"),
        lambda loaded, labels: mapped_sheet.parse(loaded, mapping),
    )
