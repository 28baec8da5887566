"""Office files (DOCX, XLSX, PPTX) are ZIP packages stamped with the time they were written: rewrite
them with the report's stated date everywhere, so the same data gives the same bytes."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")
_LAST_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")


def stated(date: datetime.date) -> datetime.datetime:
    """The stated date as the naive UTC midnight the office libraries write."""
    return datetime.datetime(date.year, date.month, date.day)


def normalise(package: bytes, date: datetime.date) -> bytes:
    """``package`` with every member dated ``date`` and the core properties' dates set to it."""
    stamp = f"{date.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), content)
                content = _LAST_PRINTED.sub(b"", content)
            member = zipfile.ZipInfo(
                info.filename, date_time=(max(date.year, 1980), date.month, date.day, 0, 0, 0)
            )
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, content)
    return out.getvalue()
