"""A report as slides: the title slide, then one slide per level-2 heading (its text is the slide's
title placeholder, so screen readers and the outline see it). On a slide, a chart takes the left
part and the rest is stacked on the right; without a chart, tables and texts are stacked."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, cast

from pptx import Presentation
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from rightstrack.reports import charts
from rightstrack.reports.document import Block, Bullets, Chart, Heading, Report, Table, Text
from rightstrack.reports.kinds.common import long_date
from rightstrack.reports.writers.package import normalise, stated

# Positions are EMU integers (914,400 an inch), made ``Emu`` lengths where python-pptx takes them.
WIDTH, HEIGHT = int(Inches(13.333)), int(Inches(7.5))
MARGIN, TOP, GAP = int(Inches(0.5)), int(Inches(1.35)), int(Inches(0.2))
TITLE_ONLY = 5  # layouts of python-pptx's default template
ROW = int(Inches(0.38))


@dataclass
class Page:
    title: str
    blocks: list[Block] = field(default_factory=list)


def write_pptx(report: Report) -> bytes:
    charts.draw(report, svg=False, png=True)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(WIDTH), Emu(HEIGHT)
    properties = deck.core_properties
    properties.title, properties.subject, properties.author = report.title, report.subtitle, report.author
    properties.last_modified_by, properties.language, properties.revision = report.author, report.language, 1
    properties.created = properties.modified = properties.last_printed = stated(report.date)
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    _title(cover, report.title, Inches(2.0), Inches(1.6))
    subtitle = cover.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        MARGIN,
        Inches(3.8),
        WIDTH - 2 * MARGIN,
        Inches(2),
    )
    subtitle.text_frame.text = f"{report.subtitle}\n{report.author} — {long_date(report.date)}"
    for page in _pages(report):
        slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
        _title(slide, page.title, int(Inches(0.3)), int(Inches(0.95)))
        _layout(slide, page.blocks)
    buffer = io.BytesIO()
    deck.save(buffer)
    return normalise(buffer.getvalue(), report.date)


def _pages(report: Report) -> list[Page]:
    pages: list[Page] = []
    for block in report.blocks:
        if isinstance(block, Heading) and block.level <= 2:
            pages.append(Page(block.text))
        elif isinstance(block, Table) and not block.shown:
            continue
        elif isinstance(block, Heading) and pages:  # a lower heading: a bold line of the slide
            pages[-1].blocks.append(Text(block.text, "strong"))
        elif pages:
            pages[-1].blocks.append(block)
        else:
            pages.append(Page(report.title, [block]))
    return pages


def _title(slide: Slide, text: str, top: int, height: int) -> None:
    title = slide.shapes.title
    assert title is not None  # both layouts used have a title placeholder
    title.left, title.top, title.width, title.height = (
        Emu(MARGIN),
        Emu(top),
        Emu(WIDTH - 2 * MARGIN),
        Emu(height),
    )
    title.text_frame.text = text
    title.text_frame.word_wrap = True
    for paragraph in title.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(30 if len(text) < 60 else 24)


def _layout(slide: Slide, blocks: list[Block]) -> None:
    left, width = MARGIN, WIDTH - 2 * MARGIN
    found = [b for b in blocks if isinstance(b, Chart)]
    if found:
        picture = found[0]
        shown = min(int(Inches(7.6)), int(Inches(picture.width_px / 96)))
        image = slide.shapes.add_picture(io.BytesIO(picture.png), Emu(MARGIN), Emu(TOP), width=Emu(shown))
        properties = cast(Any, image._element).nvPicPr.cNvPr  # where the alternative text goes
        properties.set("descr", picture.alt)
        properties.set("title", picture.title)
        left = MARGIN + shown + int(Inches(0.3))
        width = WIDTH - MARGIN - left
        blocks = [b for b in blocks if b is not picture] + [picture.data]
    groups: list[list[Block]] = []  # tables alone, consecutive texts together, in their order
    for block in blocks:
        if isinstance(block, Text | Bullets) and groups and isinstance(groups[-1][0], Text | Bullets):
            groups[-1].append(block)
        else:
            groups.append([block])
    top = TOP
    for position, group in enumerate(groups):
        first = group[0]
        if isinstance(first, Table):
            top = _table(slide, first, left, top, width) + GAP
        elif isinstance(first, Text | Bullets):
            texts = [b for b in group if isinstance(b, Text | Bullets)]
            last = position == len(groups) - 1
            top = _texts(slide, texts, left, top, width, None if not last else HEIGHT - top - GAP)


def _table(slide: Slide, block: Table, left: int, top: int, width: int) -> int:
    if len(block.columns) <= 2:
        width = min(width, int(Inches(6)))
    height = int(ROW) * (len(block.rows) + 1)
    shape = slide.shapes.add_table(
        len(block.rows) + 1, len(block.columns), Emu(left), Emu(top), Emu(width), Emu(height)
    )
    table = shape.table
    table.first_row = True  # the first row is the header row
    table.first_col = block.row_headers
    if block.widths:
        for index, share in enumerate(block.widths):
            table.columns[index].width = Emu(int(width * share / 100))
    for row_index, values in enumerate(
        [[c for c in block.columns], *[[c.text for c in r] for r in block.rows]]
    ):
        for column_index, value in enumerate(values):
            target = table.cell(row_index, column_index)
            target.text = value
            for paragraph in target.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(14 if len(block.rows) < 6 else 11)
    return top + height


def _texts(
    slide: Slide, blocks: list[Text | Bullets], left: int, top: int, width: int, height: int | None
) -> int:
    """A text box of ``blocks``; ``height`` None: as high as the text needs. Returns its bottom."""
    lines: list[tuple[str, bool, bool]] = []  # text, bullet, bold
    for block in blocks:
        if isinstance(block, Text):
            lines.append((block.text, False, block.style in {"lead", "strong", "speaker"}))
        else:
            lines.extend((item, True, False) for item in block.items)
    characters = sum(len(text) for text, _bullet, _bold in lines)
    size = _font_size(characters, width) if height is not None else 18
    if height is None:
        per_line = max(1, int(width / int(Inches(1)) * 120 / size))  # characters on one line, roughly
        height = int(Pt(size * 1.5) * sum(len(text) // per_line + 1 for text, _b, _s in lines))
    frame = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height)).text_frame
    frame.word_wrap = True
    for index, (text, bullet, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = f"• {text}" if bullet else text
        run.font.size, run.font.bold = Pt(size), bold or None
        paragraph.space_after = Pt(size * 0.4)
    return top + height


def _font_size(characters: int, width: int) -> int:
    """The largest size at which ``characters`` of text fit the box (a rough measure)."""
    wide = width / int(Inches(12.3))
    for size in (20, 18, 16, 14, 12, 11, 10):
        if characters <= 1900 * wide * (12 / size) ** 2:
            return size
    return 9
