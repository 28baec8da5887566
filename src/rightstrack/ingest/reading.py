"""Reading a file into text before any parser sees it: size limit, binary check, encoding.

>>> decode(b"Caf\\xe9 au lait, r\\xe9sum\\xe9 du pass\\xe9", "x.txt").text
'Café au lait, résumé du passé'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

#: Larger files are refused before they are read (a text document of this field is a few MB).
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class LoadedFile:
    name: str
    text: str
    sha256: str
    size: int


def load(path: Path) -> LoadedFile:
    """Read and decode ``path``; raise :class:`DocumentRejected` for what no parser can use."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DocumentRejected(f"cannot read the file: {error.strerror or error}") from None
    if not path.is_file():
        raise DocumentRejected("not a regular file")
    if size > MAX_BYTES:
        raise DocumentRejected(f"the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")
    return decode(path.read_bytes(), path.name)


def decode(data: bytes, name: str) -> LoadedFile:
    if not data.strip():
        raise DocumentRejected("the file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentRejected("the file is binary (it holds NUL bytes), not a text document", Place(line=1))
    text = _decode_text(data)
    return LoadedFile(
        name, text.replace("\r\n", "\n").replace("\r", "\n"), hashlib.sha256(data).hexdigest(), len(data)
    )


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(data).best()
    if best is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise DocumentRejected(
            f"the text is in no encoding that could be detected (byte {utf8_error.start})", Place(line=line)
        )
    return str(best)
