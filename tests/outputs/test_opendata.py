"""The bulk open data: CSVs with a BOM described by a datapackage.json that `frictionless validate` passes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from rightstrack.cli.main import app
from tests.conftest import ROOT, SHARED

runner = CliRunner()

#: The README's example: `make example` imports the shipped documents and these files of ../shared.
KAZAKHSTAN_DATA = (
    SHARED / "data" / "wg-reports" / "texts" / "kazakhstan2010.txt",
    SHARED / "data" / "wg-reports" / "texts" / "kazakhstan2014.txt",
    SHARED / "data" / "kazakhstan" / "ccpr_followup_2018.json",
    SHARED / "data" / "kazakhstan" / "upr_2010_2014.csv",
)
TABLES = ("states", "reviews", "recommendations", "assessments", "treaties", "measures")


@pytest.fixture
def kazakhstan_example(db: None) -> list[Path]:
    """The database after `rightstrack import examples/kazakhstan/*.txt` and the shared files (as README)."""
    files = sorted((ROOT / "examples" / "kazakhstan").glob("*.txt")) + [
        path for path in KAZAKHSTAN_DATA if path.exists()
    ]
    result = runner.invoke(app, ["import", *map(str, files)])
    assert result.exit_code == 0, result.output
    return files


def frictionless_validate(descriptor: Path) -> dict[str, Any]:
    """`frictionless validate --json` on ``descriptor``, as a user runs it."""
    pytest.importorskip("frictionless", reason="frictionless is in the dev extra")
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        check=False,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    assert done.returncode == (0 if report["valid"] else 1), done.stderr
    return report


def _errors(report: dict[str, Any]) -> list[str]:
    return [
        f"{task.get('name')}: {error.get('message')}"
        for task in report.get("tasks", [])
        for error in task.get("errors", [])
    ][:10]


def test_export_all_writes_a_data_package_that_frictionless_validates(
    kazakhstan_example: list[Path], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["export-all", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "KAZ.json").exists()  # the per-State JSON stays beside the tables
    report = frictionless_validate(tmp_path / "datapackage.json")
    assert report["valid"], _errors(report)
    assert {task["name"] for task in report["tasks"]} == set(TABLES)
    assert all(task["stats"]["rows"] > 0 for task in report["tasks"]), report["tasks"]
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "Cite the UN documents" in package["citation"]
    assert {"title": "UNESCO Almaty Office", "role": "contributor"} in package["contributors"]
    assert {"title": "Kazakhstan Mid-term Implementation Assessment"} in package["sources"]
    assert {
        "title": "A/HRC/14/10: Report of the Working Group on the Universal Periodic Review: Kazakhstan",
        "path": "https://undocs.org/A/HRC/14/10",
    } in package["sources"]
    for table in TABLES:  # UTF-8 with one BOM in front, so that Excel reads Cyrillic
        raw = (tmp_path / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf"), table
    # frictionless reads past the BOM: the first column is `id`, typed, not `\ufeffid`
    frictionless = pytest.importorskip("frictionless")
    rows = (
        frictionless.Package(str(tmp_path / "datapackage.json")).get_resource("recommendations").read_rows()
    )
    assert len(rows) == 338 and isinstance(rows[0]["id"], int)
    assert rows[0].field_names[0] == "id"


def test_the_site_streams_the_bulk_zip_and_each_table_and_the_package_validates(
    kazakhstan_example: list[Path], tmp_path: Path
) -> None:
    client = Client()
    response = client.get("/open-data/rightstrack-open-data.zip")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:  # type: ignore[arg-type]
        assert set(archive.namelist()) == {"datapackage.json", *(f"{table}.csv" for table in TABLES)}
        archive.extractall(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["homepage"] == "http://testserver/open-data/"
    assert package["created"].endswith("Z")
    report = frictionless_validate(tmp_path / "datapackage.json")
    assert report["valid"], _errors(report)

    response = client.get("/open-data/recommendations.csv")
    assert response.status_code == 200
    assert response.streaming
    first = next(iter(response.streaming_content))  # type: ignore[arg-type]
    assert first.startswith(b"\xef\xbb\xbf" + b'"id","review_id",')
    assert (tmp_path / "recommendations.csv").read_bytes().startswith(first)
    assert client.get("/open-data/nothing.csv").status_code == 404


def test_the_recommendation_list_csv_is_streamed_with_a_bom(kazakhstan_mia: Path) -> None:
    response = Client().get("/recommendations/download.csv", {"state": "KAZ"})
    assert response.status_code == 200
    assert response.streaming
    chunks = list(response.streaming_content)  # type: ignore[arg-type]
    assert chunks[0].startswith(b"\xef\xbb\xbf" + b'"state","mechanism",')
    assert len(chunks) == 130  # the header, then each of the 129 rows as the database gives it
    rows = list(csv.DictReader(io.StringIO(b"".join(chunks).decode("utf-8-sig"))))
    assert len(rows) == 129 and rows[0]["state"] == "KAZ"


def test_the_recommendation_list_json_is_streamed_and_parses(kazakhstan_mia: Path) -> None:
    response = Client().get("/recommendations/download.json", {"state": "KAZ", "level": "fully implemented"})
    assert response.status_code == 200
    assert response.streaming
    data = json.loads(b"".join(response.streaming_content))  # type: ignore[arg-type]
    assert len(data["recommendations"]) == 11  # the MIA's own count of fully implemented
    assert {row["level"] for row in data["recommendations"]} == {"fully implemented"}
    empty = Client().get("/recommendations/download.json", {"state": "XXX"})
    assert json.loads(b"".join(empty.streaming_content)) == {"recommendations": []}  # type: ignore[arg-type]


def test_the_open_data_page_shows_the_licence_how_to_cite_and_every_table(kazakhstan_mia: Path) -> None:
    response = Client().get("/open-data/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in page
    assert "Creative Commons Attribution 4.0 International" in page
    assert 'id="citation">RightsTrack open data, downloaded from http://testserver/open-data/ on ' in page
    assert 'href="/open-data/rightstrack-open-data.zip"' in page
    for table in TABLES:
        assert f'href="/open-data/{table}.csv"' in page
    package = Client().get("/open-data/datapackage.json").json()
    assert [resource["path"] for resource in package["resources"]] == [f"{table}.csv" for table in TABLES]


def test_the_open_data_holds_no_draft_and_no_uploaded_sheet(kazakhstan_mia: Path) -> None:
    from rightstrack.assessments.models import Assessment, Stakeholder, Status
    from rightstrack.documents.models import SourceDocument
    from rightstrack.recommendations.models import Recommendation

    recommendation = Recommendation.objects.order_by("id").first()
    assert recommendation is not None
    secret = Stakeholder.objects.create(name="Secret Organisation", acronym="SECRET")
    Assessment.private_objects.create(
        recommendation=recommendation, stakeholder=secret, original_text="MUST NOT LEAK", status=Status.DRAFT
    )
    SourceDocument.objects.create(
        kind="stakeholder-sheet", name="sheet-SECRET.xlsx", sha256="0" * 64, size=1, submission=True
    )
    body = b"".join(Client().get("/open-data/rightstrack-open-data.zip").streaming_content)  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8")
    assert "MUST NOT LEAK" not in everything
    assert "Secret Organisation" not in everything and "sheet-SECRET" not in everything
    assert "Forum 18 News Service" in everything  # a published assessment's stakeholder is there


@pytest.mark.django_db(transaction=True)
def test_frictionless_validates_the_sites_package_by_its_address(live_server: Any) -> None:
    from rightstrack.documents.importing import import_files
    from tests.conftest import EXAMPLE_MIA

    import_files([EXAMPLE_MIA])
    report = frictionless_validate_url(f"{live_server.url}/open-data/datapackage.json")
    assert report["valid"], _errors(report)
    rows = {task["name"]: task["stats"].get("rows", 0) for task in report["tasks"]}
    assert rows["recommendations"] == 129 and rows["reviews"] == 1  # read from the site, not a file


def frictionless_validate_url(address: str) -> dict[str, Any]:
    """`frictionless validate --json ADDRESS`: the CSVs are fetched from the addresses beside it."""
    pytest.importorskip("frictionless", reason="frictionless is in the dev extra")
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", address],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"},
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report
