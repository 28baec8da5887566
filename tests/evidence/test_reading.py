"""Reading the UPR review documents (and any other text) as evidence: paragraphs, headings, sources."""

from __future__ import annotations

import pytest

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.evidence import (
    COMPILATION,
    NATIONAL_REPORT,
    STAKEHOLDERS_SUMMARY,
    EvidenceParagraphRecord,
    EvidenceText,
)
from rightstrack.ingest.reading import load
from rightstrack.ingest.registry import source_for
from rightstrack.ingest.sources.evidence_document.parser import parse as parse_generic
from rightstrack.ingest.sources.upr_evidence.parser import parse
from tests.conftest import shared_path

#: Paragraph counts checked by hand: the highest paragraph number of each document (Namibia's
#: summary, as published here, stops at paragraph 62).
COUNTS = {
    ("denmark", "national-report.txt"): 161,
    ("denmark", "compilation.txt"): 65,
    ("denmark", "stakeholders-summary.txt"): 67,
    ("namibia", "national-report.txt"): 127,
    ("namibia", "compilation.txt"): 84,
    ("namibia", "stakeholders-summary.txt"): 62,
}


def _read(state: str, name: str) -> EvidenceText:
    evidence = parse(shared_path("data", "evidence", state, name).read_text(encoding="utf-8")).evidence
    assert evidence is not None
    return evidence


def _paragraph(evidence: EvidenceText, number: int) -> EvidenceParagraphRecord:
    return next(p for p in evidence.paragraphs if p.number == str(number))


@pytest.mark.parametrize(("state", "name"), list(COUNTS))
def test_every_numbered_paragraph_is_read_once_in_order(state: str, name: str) -> None:
    evidence = _read(state, name)
    assert [p.number for p in evidence.paragraphs] == [str(n) for n in range(1, COUNTS[(state, name)] + 1)]
    assert all(p.text for p in evidence.paragraphs)


def test_the_documents_are_detected_by_their_symbol_and_name_state_session_and_date() -> None:
    path = shared_path("data", "evidence", "denmark", "compilation.txt")
    assert source_for(load(path)).kind == "upr-evidence"
    evidence = _read("denmark", "compilation.txt")
    assert (evidence.kind, evidence.state, evidence.symbol, evidence.session) == (
        COMPILATION,
        "DNK",
        "A/HRC/WG.6/52/DNK/2",
        52,
    )
    assert evidence.published_on is not None and evidence.published_on.isoformat() == "2026-02-06"
    assert _read("namibia", "national-report.txt").kind == NATIONAL_REPORT
    assert _read("namibia", "stakeholders-summary.txt").kind == STAKEHOLDERS_SUMMARY


def test_a_paragraph_keeps_its_words_and_the_headings_above_it() -> None:
    paragraph = _paragraph(_read("denmark", "compilation.txt"), 4)
    assert paragraph.text.startswith("In 2025, the Human Rights Committee asked Denmark")
    # "Institutional infrastructure and policy measures 4. In 2025 …": a heading on the paragraph's line
    assert paragraph.heading == (
        "III. National human rights framework / Institutional infrastructure and policy measures"
    )
    # "… in 2022.2 3. Denmark made …": paragraph 3 starts after paragraph 2's note number
    third = _paragraph(_read("denmark", "compilation.txt"), 3)
    assert third.text.startswith("Denmark made annual voluntary contributions")


def test_compilation_paragraphs_name_the_un_bodies_of_their_words_and_notes() -> None:
    compilation = _read("denmark", "compilation.txt")
    second = {(s.name, s.kind) for s in _paragraph(compilation, 2).sources}
    assert second == {
        ("Committee against Torture", "un"),
        ("Committee on the Elimination of Discrimination against Women", "un"),
        ("Committee on the Elimination of Racial Discrimination", "un"),
        ("UNESCO", "un"),
    }
    # "The same Committee …", note "Ibid.": still the Committee on the Elimination of Racial Discrimination
    sixth = [s.name for s in _paragraph(compilation, 6).sources]
    assert sixth == ["Committee on the Elimination of Racial Discrimination"]
    namibia = _read("namibia", "compilation.txt")
    assert [s.name for s in _paragraph(namibia, 6).sources] == ["United Nations country team"]


def test_summary_paragraphs_resolve_acronyms_through_the_summarys_own_list() -> None:
    summary = _read("denmark", "stakeholders-summary.txt")
    assert [(s.name, s.kind) for s in _paragraph(summary, 2).sources] == [
        ("Danish Institute for Human Rights", "nhri")
    ]
    assert [(s.acronym, s.kind) for s in _paragraph(summary, 29).sources] == [
        ("JS2", "civil-society"),
        ("CoE", "regional"),
    ]


def test_the_national_report_speaks_for_the_state_and_cites_the_recommendations_it_follows_up() -> None:
    denmark = _read("denmark", "national-report.txt")
    sixth = _paragraph(denmark, 6)
    assert [(s.name, s.kind) for s in sixth.sources] == [("Denmark", "state")]
    assert sixth.cited == ["60.11"]  # its note 11 reads "60.11."
    namibia = _read("namibia", "national-report.txt")
    # under the heading "Recommendations (138.71-77, 244) (SDGs: …)"
    assert _paragraph(namibia, 6).cited == [f"138.{n}" for n in range(71, 78)] + ["138.244"]


def test_any_other_text_is_split_into_paragraphs_under_its_headings() -> None:
    text = "NHRI report\n\nDetention\n\nRemand prisoners stay 23 hours in cells.\n\nThe Act was amended.\n"
    evidence = parse_generic(text).evidence
    assert evidence is not None
    assert [(p.number, p.heading, p.text) for p in evidence.paragraphs] == [
        ("1", "Detention", "Remand prisoners stay 23 hours in cells."),
        ("2", "Detention", "The Act was amended."),
    ]


def test_a_document_without_paragraphs_is_refused_with_its_place() -> None:
    with pytest.raises(DocumentRejected, match="line 1"):
        parse_generic("Only a title\n")
    with pytest.raises(DocumentRejected, match=r"line 1.*numbered paragraph"):
        parse("A/HRC/WG.6/52/DNK/2\nUniversal Periodic Review\nNo paragraphs here, only words.\n")


def test_another_evidence_document_is_about_the_state_it_names_most() -> None:
    path = shared_path("data", "evidence", "namibia", "assessment-report.md")
    evidence = parse_generic(path.read_text(encoding="utf-8")).evidence
    assert evidence is not None and evidence.state == "NAM"
    assert len(evidence.paragraphs) > 100


def test_the_last_paragraph_stops_where_the_notes_and_their_abbreviations_begin() -> None:
    last = _read("namibia", "stakeholders-summary.txt").paragraphs[-1]
    assert last.text.endswith("the fundamental values of justice and inclusivity.67")
    assert "OP-CAT" not in last.text
    last = _read("denmark", "stakeholders-summary.txt").paragraphs[-1]
    assert last.text.endswith("to ensure full access to all children.68")


def test_a_quote_reads_without_the_note_numbers_glued_to_its_words_the_paragraph_keeps_them() -> None:
    from rightstrack.core.evidence import without_note_marks

    report = _paragraph(_read("denmark", "national-report.txt"), 7)
    assert "with the exception of ICESCR.12" in report.text  # the document's words, kept as they are
    assert without_note_marks(report.text, report.notes).endswith("with the exception of ICESCR.")
    ilo = _paragraph(_read("denmark", "national-report.txt"), 8)
    assert "ILO13 core" in ilo.text and "ILO core" in without_note_marks(ilo.text, ilo.notes)
    # only the paragraph's own notes: a number that is none of them stays
    assert without_note_marks("Ratified in 2019.12 States", ["3 A/HRC/48/10"]) == "Ratified in 2019.12 States"
