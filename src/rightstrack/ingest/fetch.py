"""Downloading documents to import: a UN document by its symbol, a UHRI export, any URL.

The addresses are templates from the settings (``RIGHTSTRACK_UN_DOCUMENTS_URL``,
``RIGHTSTRACK_UHRI_EXPORT_URL``), so a mirror or a recorded copy can stand in for the UN's servers.
A download that fails says which address could not be reached and why, and writes nothing.

>>> url_for("https://docs.example/{symbol}?lang=en", symbol="A/HRC/28/10")
'https://docs.example/A/HRC/28/10?lang=en'
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from rightstrack.core.errors import DocumentRejected
from rightstrack.ingest.reading import MAX_BYTES

TIMEOUT = 30.0
USER_AGENT = "RightsTrack (follow-up of human rights recommendations)"
_SYMBOL = re.compile(r"^[A-Z]+(?:/[A-Za-z0-9.()-]+)+$")


@dataclass(frozen=True)
class Downloaded:
    url: str
    path: Path
    size: int


def url_for(template: str, **values: str) -> str:
    """Fill ``{symbol}``/``{state}`` in a template; a symbol keeps its slashes."""
    return template.format(**{key: quote(value, safe="/") for key, value in values.items()})


def check_symbol(symbol: str) -> str:
    symbol = symbol.strip().upper()
    if not _SYMBOL.match(symbol):
        raise DocumentRejected(f"{symbol!r} is not a UN document symbol (e.g. A/HRC/28/10, CCPR/C/KAZ/CO/2)")
    return symbol


def download(url: str, folder: Path, name: str) -> Downloaded:
    """Save ``url`` in ``folder``; refuse what is larger than an import may be."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    host = urlsplit(url).netloc or url
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise DocumentRejected(f"{url} answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DocumentRejected(
            f"could not reach {host} ({reason}); are you offline? Download the file by hand and use "
            "`rightstrack import FILE`, or set the address in the settings"
        ) from None
    if len(data) > MAX_BYTES:
        raise DocumentRejected(f"{url} is larger than {MAX_BYTES:,} bytes")
    if not data:
        raise DocumentRejected(f"{url} sent an empty answer")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', name).strip('_')}{_suffix(kind, data)}"
    path.write_bytes(data)
    return Downloaded(url, path, len(data))


def _suffix(content_type: str, data: bytes) -> str:
    if data.startswith(b"%PDF-") or content_type == "application/pdf":
        return ".pdf"
    if data.startswith(b"PK"):
        return ".docx" if "word" in content_type else ".xlsx" if "sheet" in content_type else ".zip"
    if "html" in content_type:
        return ".html"
    if "csv" in content_type:
        return ".csv"
    if "json" in content_type:
        return ".json"
    return ".txt"
