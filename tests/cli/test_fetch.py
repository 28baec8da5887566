"""`rightstrack fetch` against a local server of recorded documents (the real network is not reachable).

The server is on 127.0.0.1, which `fetch` refuses unless `--allow-private` says so (issue 14: a fetch
must not read local files nor reach the machine's own or its network's services)."""

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
    requests: list[str] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        _Quiet.requests.append(self.path)
        if self.path == "/redirect-to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def recorded(tmp_path: Path) -> Iterator[str]:
    """A server on 127.0.0.1 serving recorded files: /A/HRC/22/0 is the Kazakhstan MIA text."""
    root = tmp_path / "recorded"
    (root / "A" / "HRC" / "22").mkdir(parents=True)
    (root / "A" / "HRC" / "22" / "0").write_bytes(EXAMPLE_MIA.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Quiet.requests.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_it_downloads_a_document_by_symbol_and_imports_it(
    vocabularies: None, recorded: str, tmp_path: Path
) -> None:
    with override_settings(RIGHTSTRACK_UN_DOCUMENTS_URL=recorded + "/{symbol}", DATA_DIR=tmp_path):
        result = runner.invoke(app, ["fetch", "A/HRC/22/0", "--json", "--allow-private"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["documents"][0]
    assert document["kind"] == "upr-info-mia"
    assert document["created"]["recommendations"] == 129
    assert (tmp_path / "downloads" / "A_HRC_22_0.txt").exists()


def test_a_missing_document_names_the_address_and_the_answer(vocabularies: None, recorded: str) -> None:
    before = database_snapshot()
    with override_settings(RIGHTSTRACK_UN_DOCUMENTS_URL=recorded + "/{symbol}"):
        result = runner.invoke(app, ["fetch", "A/HRC/99/1", "--allow-private"])
    assert result.exit_code == 1
    assert "/A/HRC/99/1 answered 404" in " ".join(result.stderr.split())
    assert database_snapshot() == before


def test_offline_is_a_clear_error_and_writes_nothing(vocabularies: None) -> None:
    before = database_snapshot()
    with override_settings(RIGHTSTRACK_UN_DOCUMENTS_URL="http://127.0.0.1:9/{symbol}"):
        result = runner.invoke(app, ["fetch", "A/HRC/28/10", "--allow-private"])
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "could not reach 127.0.0.1:9" in message and "are you offline?" in message
    assert database_snapshot() == before


def test_it_refuses_what_is_not_a_symbol(vocabularies: None) -> None:
    result = runner.invoke(app, ["fetch", "not a symbol"])
    assert result.exit_code == 1
    assert "is not a UN document symbol" in result.stderr


def _refused(arguments: list[str], tmp_path: Path) -> str:
    before = database_snapshot()
    with override_settings(DATA_DIR=tmp_path):
        result = runner.invoke(app, ["fetch", *arguments])
    assert result.exit_code == 1, result.output
    assert database_snapshot() == before
    assert not (tmp_path / "downloads").exists()  # nothing copied
    return " ".join(result.stderr.split())


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/passwd", "data:text/plain,hello", "/etc/passwd"]
)
def test_only_http_and_https_addresses_are_fetched(db: None, url: str, tmp_path: Path) -> None:
    message = _refused(["--url", url, "--allow-private"], tmp_path)
    assert "only http:// and https:// addresses are fetched" in message


def test_the_machines_own_server_is_refused_without_a_request(
    vocabularies: None, recorded: str, tmp_path: Path
) -> None:
    message = _refused(["--url", recorded + "/A/HRC/22/0"], tmp_path)
    assert "127.0.0.1 is a loopback address, not a public one" in message
    assert "--allow-private" in message
    assert _Quiet.requests == []  # refused before connecting


def test_a_name_that_resolves_to_the_machine_itself_is_refused(
    vocabularies: None, recorded: str, tmp_path: Path
) -> None:
    port = recorded.rsplit(":", 1)[1]
    message = _refused(["--url", f"http://localhost:{port}/A/HRC/22/0"], tmp_path)
    assert "localhost (" in message and "is a loopback address" in message
    assert _Quiet.requests == []


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("http://10.1.2.3/report.pdf", "a private address"),
        ("http://192.168.0.10/report.pdf", "a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[::1]:8000/", "a loopback address"),
        ("http://0.0.0.0:8000/", "not a public one"),
        ("http://[::ffff:127.0.0.1]/", "a loopback address"),
    ],
)
def test_private_link_local_and_reserved_addresses_are_refused(
    db: None, url: str, what: str, tmp_path: Path
) -> None:
    assert what in _refused(["--url", url], tmp_path)


def test_a_redirect_to_a_local_file_is_refused(vocabularies: None, recorded: str, tmp_path: Path) -> None:
    message = _refused(["--url", recorded + "/redirect-to-file", "--allow-private"], tmp_path)
    assert "Redirection to url 'file:///etc/passwd' is not allowed" in message


def test_a_connection_that_lands_on_a_private_address_is_refused(recorded: str) -> None:
    """What the name resolved to when checked is not trusted: the address connected to is checked too."""
    from rightstrack.core.errors import DocumentRejected
    from rightstrack.ingest.fetch import connect_public

    port = int(recorded.rsplit(":", 1)[1])
    with pytest.raises(DocumentRejected, match="is a loopback address"):
        connect_public(("127.0.0.1", port), 5.0)
