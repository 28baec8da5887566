"""Every importer fed broken versions of its real samples: a clear message with the place, nothing written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from rightstrack.documents.importing import ImportFailed, import_files
from rightstrack.ingest.reading import load
from tests.conftest import ROOT, database_snapshot, shared_path

EXAMPLES = ROOT / "examples" / "kazakhstan"
TEXT_SAMPLES = {
    "upr-info-mia": lambda: EXAMPLES / "upr-info-mia-2012.txt",
    "ccpr-factsheet": lambda: EXAMPLES / "ccpr-centre-fact-sheets-2019.txt",
    "state-hr-report": lambda: EXAMPLES / "report-on-human-rights-2021.txt",
    "hrc-followup-grades": lambda: EXAMPLES / "hrc-follow-up-grades-2012.txt",
    "coalition-summary": lambda: EXAMPLES / "coalition-upr4-summary-2024.txt",
    "upr-wg-report": lambda: shared_path("data", "wg-reports", "texts", "kazakhstan2014.txt"),
    "ccpr-followup-json": lambda: shared_path("data", "kazakhstan", "ccpr_followup_2018.json"),
    "ccpr-followup-report": lambda: shared_path("data", "ccpr-followup", "reports", "131_2_Add2.txt"),
}


def _rejected(path: Path) -> str:
    before = database_snapshot()
    with pytest.raises(ImportFailed) as failure:
        import_files([path])
    assert database_snapshot() == before
    message = str(failure.value)
    assert message.startswith(str(path))
    return message


@pytest.mark.parametrize("kind", list(TEXT_SAMPLES))
def test_a_truncated_sample_is_refused_with_its_place(kind: str, vocabularies: None, tmp_path: Path) -> None:
    data = TEXT_SAMPLES[kind]().read_bytes()
    cut = tmp_path / f"{kind}-truncated{TEXT_SAMPLES[kind]().suffix}"
    cut.write_bytes(data[: len(data) // 2])
    message = _rejected(cut)
    assert ": " in message.removeprefix(str(cut))  # a place or a reason follows the file name


@pytest.mark.parametrize("kind", list(TEXT_SAMPLES))
def test_a_sample_saved_as_utf16_is_refused_as_binary_not_misread(
    kind: str, vocabularies: None, tmp_path: Path
) -> None:
    text = load(TEXT_SAMPLES[kind]()).text  # the WG report is Mac Roman: decoded as an import would
    wrong = tmp_path / f"{kind}-utf16.txt"
    wrong.write_bytes(text.encode("utf-16-le"))
    assert "binary" in _rejected(wrong)


@pytest.mark.parametrize("kind", list(TEXT_SAMPLES))
def test_a_sample_of_one_kind_forced_as_another_is_refused(kind: str, vocabularies: None) -> None:
    other = "upr-info-mia" if kind != "upr-info-mia" else "coalition-summary"
    before = database_snapshot()
    with pytest.raises(ImportFailed):
        import_files([TEXT_SAMPLES[kind]()], kind=other)
    assert database_snapshot() == before


def _matrix() -> bytes:
    return shared_path("data", "ohchr-matrices", "china_Matrix_recommendations_2013.docx").read_bytes()


def test_a_truncated_matrix_is_refused(db: None, tmp_path: Path) -> None:
    data = _matrix()
    cut = tmp_path / "matrix-truncated.docx"
    cut.write_bytes(data[: len(data) // 2])
    assert "broken" in _rejected(cut).lower() or "not a document kind" in _rejected(cut)


def test_a_matrix_zip_bomb_is_refused_before_unpacking(db: None, tmp_path: Path) -> None:
    bomb = tmp_path / "matrix-bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (30 * 1024 * 1024))
    bomb.write_bytes(buffer.getvalue())
    assert "zip bomb" in _rejected(bomb)


def test_a_word_file_that_is_no_matrix_is_refused(db: None, tmp_path: Path) -> None:
    from docx import Document

    letter = tmp_path / "letter.docx"
    document = Document()
    document.add_paragraph("Dear colleagues, please find attached our report.")
    document.save(str(letter))
    assert "not a document kind RightsTrack can import" in _rejected(letter)


def test_a_upr_info_export_with_a_bad_cell_names_its_row_and_column(
    vocabularies: None, tmp_path: Path
) -> None:
    source = shared_path("data", "upr-info", "recommendations_train.csv")
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)[:40]
    lines[12] = lines[12].replace(",Accepted,", ",Maybe,", 1)
    broken = tmp_path / "export.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    message = _rejected(broken)
    assert "row 13" in message and "cell response" in message and "unknown response 'Maybe'" in message


def test_an_office_file_asking_for_an_unknown_zip_version_is_refused(db: None, tmp_path: Path) -> None:
    """Found by the fuzz benchmark: Python's zipfile raises NotImplementedError on such an archive."""
    matrix = shared_path("data", "ohchr-matrices", "china_Matrix_recommendations_2013.docx")
    data = bytearray(matrix.read_bytes())
    entry = data.find(b"PK\x01\x02")  # the first central directory entry: "version needed" at +6
    data[entry + 6 : entry + 8] = (225).to_bytes(2, "little")  # version 22.5
    damaged = tmp_path / "matrix.docx"
    damaged.write_bytes(bytes(data))
    assert "a broken ZIP/Office file" in _rejected(damaged)
