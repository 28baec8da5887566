"""A realistic action-plan sheet for the editors' import page: recommendations of Kazakhstan's second
UPR cycle as seed 001 (a fact sheet) quotes them, under the headers of a Russian-language plan."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook

from tests.conftest import shared_path

#: A State's own plan: a running number, the text, who recommended it, the answer, the ministry.
_TAG = re.compile(r"<[^>]+>")
HEADERS = ["№", "Рекомендация", "Страна-автор", "Ответ государства", "Ответственный орган"]


def seed_rows(count: int) -> list[tuple[str, str, str]]:
    """(text, recommending State, answer) of the first ``count`` answered rows of seed 001's tables."""
    seed = next(shared_path("seeds").glob("001_*.txt"))
    rows: list[tuple[str, str, str]] = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        cells = [_TAG.sub("", cell).strip() for cell in line.split("\t")]
        if len(cells) < 3 or cells[0].startswith("Recommendations presented") or len(cells[0]) < 40:
            continue
        answer = cells[2].replace("✓", "").replace("✗", "").strip()
        if answer in ("Accepted", "Noted"):
            rows.append((cells[0], cells[1], answer))
        if len(rows) == count:
            break
    return rows


def action_plan(count: int) -> list[list[object]]:
    """The header and ``count`` rows, numbered 1, 2, …"""
    ministries = ["Министерство юстиции", "Министерство информации", "Генеральная прокуратура"]
    body = [
        [number, text, country, answer, ministries[number % len(ministries)]]
        for number, (text, country, answer) in enumerate(seed_rows(count), start=1)
    ]
    return [list(HEADERS), *body]


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
