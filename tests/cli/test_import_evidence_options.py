"""`rightstrack import FILE --kind evidence-document --state … --title … --author … --author-kind …`:
the command describes another evidence document as the portal's page does."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rightstrack.cli.main import app
from rightstrack.evidence.models import EvidenceDocument
from tests.conftest import database_snapshot, shared_path

runner = CliRunner()
pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, " ".join((result.stdout + result.stderr).split())


def test_an_nhri_submission_imports_with_the_state_title_and_author_given() -> None:
    path = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "DIHR_NHRI.txt")
    code, said = run(
        "import",
        str(path),
        "--kind",
        "evidence-document",
        "--state",
        "Denmark",
        "--title",
        "Follow-up submission to the Human Rights Committee",
        "--author",
        "Danish Institute for Human Rights",
        "--author-kind",
        "nhri",
    )
    assert code == 0, said
    document = EvidenceDocument.objects.get()
    assert (document.state, document.title) == ("DNK", "Follow-up submission to the Human Rights Committee")
    paragraphs = list(document.paragraphs.all())
    assert paragraphs and all(
        p.sources == [{"name": "Danish Institute for Human Rights", "kind": "nhri", "acronym": ""}]
        for p in paragraphs
    )
    assert all(p.source_kinds() == ["nhri"] for p in paragraphs)


def test_without_a_state_the_document_is_about_the_state_it_names_most() -> None:
    path = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "DIHR_NHRI.txt")
    code, said = run("import", str(path), "--kind", "evidence-document", "--author", "DIHR")
    assert code == 0, said
    document = EvidenceDocument.objects.get()
    assert document.state == "DNK"
    assert {source["name"] for p in document.paragraphs.all() for source in p.sources} == {"DIHR"}


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (
            ["--state", "DNK"],
            "--state, --title, --author and --author-kind describe another evidence document",
        ),
        (["--kind", "evidence-document", "--state", "Atlantis"], "--state: unknown State 'Atlantis'"),
        (
            ["--kind", "evidence-document", "--state", "DNK", "--author-kind", "nhri"],
            "--author-kind needs --author",
        ),
        (
            ["--kind", "evidence-document", "--state", "DNK", "--author", "X", "--author-kind", "ngo"],
            "--author-kind: 'ngo' is not one of state, un, nhri, civil-society, regional",
        ),
    ],
)
def test_wrong_descriptions_are_refused_and_nothing_is_written(options: list[str], reason: str) -> None:
    path = shared_path("data", "treaty-bodies", "concluding-observations", "denmark", "DIHR_NHRI.txt")
    before = database_snapshot()
    code, said = run("import", str(path), *options)
    assert code != 0 and reason in said, said
    assert database_snapshot() == before
