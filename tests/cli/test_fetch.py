"""`rightstrack fetch` against a local server of recorded documents (the real network is not reachable)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings
from typer.testing import CliRunner

from rightstrack.cli.main import app
from tests.conftest import EXAMPLE_MIA, database_snapshot

runner = CliRunner()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorded(tmp_path: Path) -> Iterator[str]:
    """A server on 127.0.0.1 serving recorded files: /A/HRC/22/0 is the Kazakhstan MIA text."""
    root = tmp_path / "recorded"
    (root / "A" / "HRC" / "22").mkdir(parents=True)
    (root / "A" / "HRC" / "22" / "0").write_bytes(EXAMPLE_MIA.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_it_downloads_a_document_by_symbol_and_imports_it(
    vocabularies: None, recorded: str, tmp_path: Path
) -> None:
    with override_settings(RIGHTSTRACK_UN_DOCUMENTS_URL=recorded + "/{symbol}", DATA_DIR=tmp_path):
        result = runner.invoke(app, ["fetch", "A/HRC/22/0", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]
    assert document["kind"] == "upr-info-mia"
    assert document["created"]["recommendations"] == 129
    assert (tmp_path / "downloads" / "A_HRC_22_0.txt").exists()


def test_a_missing_document_names_the_address_and_the_answer(vocabularies: None, recorded: str) -> None:
    before = database_snapshot()
    with override_settings(RIGHTSTRACK_UN_DOCUMENTS_URL=recorded + "/{symbol}"):
        result = runner.invoke(app, ["fetch", "A/HRC/99/1"])
    assert result.exit_code == 1
    assert "/A/HRC/99/1 answered 404" in " ".join(result.stderr.split())
    assert database_snapshot() == before


def test_offline_is_a_clear_error_and_writes_nothing(vocabularies: None) -> None:
    before = database_snapshot()
    with override_settings(RIGHTSTRACK_UN_DOCUMENTS_URL="http://127.0.0.1:9/{symbol}"):
        result = runner.invoke(app, ["fetch", "A/HRC/28/10"])
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "could not reach 127.0.0.1:9" in message and "are you offline?" in message
    assert database_snapshot() == before


def test_it_refuses_what_is_not_a_symbol(vocabularies: None) -> None:
    result = runner.invoke(app, ["fetch", "not a symbol"])
    assert result.exit_code == 1
    assert "is not a UN document symbol" in result.stderr
