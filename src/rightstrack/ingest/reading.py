"""Reading a file before any parser sees it: size limit, container checks, format, text.

Formats: ``text`` (any encoding, detected), ``html``, ``pdf`` (text layer), ``docx``, ``xlsx`` and
``json``. Office files are ZIP archives: they are checked against zip bombs before anything is
unpacked. ``LoadedFile.text`` is the document's text for every format but ``xlsx``; parsers that
need the structure (tables of a DOCX, cells of a sheet) read ``LoadedFile.data``.

>>> decode(b"Caf\\xe9 au lait, r\\xe9sum\\xe9 du pass\\xe9", "x.txt").text
'Café au lait, résumé du passé'
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from rightstrack.core.errors import DocumentRejected
from rightstrack.core.records import Place

#: Larger files are refused before they are read.
MAX_BYTES = 50 * 1024 * 1024
#: An office file may unpack to at most this much, and no member may be compressed more than this ratio.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200


@dataclass(frozen=True)
class LoadedFile:
    name: str
    text: str
    sha256: str
    size: int
    format: str = "text"
    data: bytes = b""


def load(path: Path) -> LoadedFile:
    """Read ``path`` and recognise its format; raise :class:`DocumentRejected` for what no parser can use."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DocumentRejected(f"cannot read the file: {error.strerror or error}") from None
    if not path.is_file():
        raise DocumentRejected("not a regular file")
    if size > MAX_BYTES:
        raise DocumentRejected(f"the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")
    return load_bytes(path.read_bytes(), path.name)


def load_bytes(data: bytes, name: str) -> LoadedFile:
    if len(data) > MAX_BYTES:
        raise DocumentRejected(f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    if not data.strip():
        raise DocumentRejected("the file is empty")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF-"):
        return LoadedFile(name, _pdf_text(data), digest, len(data), "pdf", data)
    if data.startswith(b"PK\x03\x04"):
        kind = _office_kind(data)
        text = _docx_text(data) if kind == "docx" else ""
        return LoadedFile(name, text, digest, len(data), kind, data)
    loaded = decode(data, name)
    head = loaded.text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return LoadedFile(name, _html_text(loaded.text), digest, len(data), "html", data)
    if head.startswith(("{", "[")):
        try:
            json.loads(loaded.text)
        except json.JSONDecodeError as error:
            raise DocumentRejected(f"broken JSON: {error.msg}", Place(line=error.lineno)) from None
        return LoadedFile(name, loaded.text, digest, len(data), "json", data)
    return LoadedFile(name, loaded.text, digest, len(data), "text", data)


def decode(data: bytes, name: str) -> LoadedFile:
    """Decode text: UTF-8 when it is, else the encoding charset-normalizer detects."""
    if not data.strip():
        raise DocumentRejected("the file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentRejected("the file is binary (it holds NUL bytes), not a text document", Place(line=1))
    text = _decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return LoadedFile(name, text, hashlib.sha256(data).hexdigest(), len(data), "text", data)


#: Legacy encodings of the documents of this field, tried beside the detector's guess. On mostly-ASCII
#: English text the detector cannot tell Western from Central European code pages (it guesses cp1250
#: for UN reports), so the candidates are compared by how plausible their characters are.
WESTERN = ("cp1252", "mac_roman")
_PLAUSIBLE = set("‘’“”–—…•éèêëàâäçîïôöùûüñáíóúÉÈÀÇÔÖÜÑÁÍÓÚ«»°º§€ãõœæßåø")
_UNLIKELY = set("ÒÓÔÕÐÑ¨©Ã‚ƒ„†‡ˆ‰Š‹ŒŽ™šœžŸ¤¦¬¯±´¸¹¼½¾×÷ÞþðÝýþ¿¡ÿ¶ŕřśşţźżĺľťďňőűů")


def _plausibility(text: str) -> int:
    score = 0
    for char in text:
        if char.isascii():
            continue
        if char in _PLAUSIBLE or "\u0400" <= char <= "\u04ff":
            score += 1
        elif char in _UNLIKELY or not char.isprintable():
            score -= 3
    return score


def _decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    candidates: dict[str, str] = {}
    best = from_bytes(data).best()
    if best is not None:
        candidates[best.encoding] = str(best)
    for encoding in WESTERN:
        candidates.setdefault(encoding, data.decode(encoding, errors="replace"))
    text = max(candidates.values(), key=_plausibility)
    if text.count("\ufffd") > len(text) // 100:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise DocumentRejected(
            f"the text is in no encoding that could be detected (byte {utf8_error.start})", Place(line=line)
        )
    return text


def _office_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError, ValueError) as error:
        raise DocumentRejected(f"a broken ZIP/Office file: {error}") from None
    total = 0
    for member in members:
        total += member.file_size
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
            raise DocumentRejected(
                f"{member.filename} would unpack {member.file_size // member.compress_size}× its size: "
                "refused as a possible zip bomb"
            )
    if total > MAX_UNPACKED:
        raise DocumentRejected(f"the archive would unpack to {total:,} bytes; the limit is {MAX_UNPACKED:,}")
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise DocumentRejected("a ZIP archive that is neither a Word (.docx) nor an Excel (.xlsx) file")


def _docx_text(data: bytes) -> str:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise DocumentRejected(f"a broken Word file: {error}") from None
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    """The text layer of a PDF, read by MuPDF (PyMuPDF) in the order people read it.

    Chosen by measurement on the 212 real Working Group reports (``bench/pdfs.py``; figures in
    ARCHITECTURE.md): pypdf split words by a space ("rati fication") where MuPDF reads them whole.
    Ligatures are written out ("ﬁ" → "fi"); a word broken at a line-end hyphen keeps its hyphen.
    """
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)  # type: ignore[no-untyped-call]  # what matters raises
    flags = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
    try:
        with pymupdf.open(stream=data, filetype="pdf") as document:  # type: ignore[no-untyped-call]
            if document.needs_pass:
                raise DocumentRejected("the PDF is protected by a password: remove it first")
            if document.page_count == 0:
                raise DocumentRejected("a broken PDF: no page could be read")
            pages = [page.get_text(flags=flags) for page in document]
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as error:
        # FileDataError (unreadable file) is a RuntimeError; MuPDF's own errors (a damaged page
        # stream: FzErrorFormat) derive from FzErrorBase
        raise DocumentRejected(f"a broken PDF: {error}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentRejected("the PDF has no text layer (a scan?): convert it with OCR first")
    return text


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    return soup.get_text("\n")
