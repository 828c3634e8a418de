"""Write the pieces the four forms share: the head, the note and template cells.

Text given here may hold Jinja tags for docxtpl. Each tag is written as a run
of its own, so that no tag is ever split between two runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from riskdocs.design.styling import (
    HEITI,
    XIAOBIAOSONG,
    PageSetup,
    TextStyle,
    add_tab_stops,
    add_text,
    format_paragraph,
    pt,
)
from riskdocs.design.tables import merge

LEFT = WD_ALIGN_PARAGRAPH.LEFT
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

# 三号黑体 for the 附件 label, 二号方正小标宋简体 for the title.
LABEL = TextStyle(HEITI, 16, 20)
TITLE = TextStyle(XIAOBIAOSONG, 22, 28)

# At 二号 the 22 characters of the usual title are 171 mm wide, more than the
# 156 mm of a portrait line; narrowed to 90 % they fit on one line.
NARROW_TITLE = TextStyle(XIAOBIAOSONG, 22, 28, scale=90)

# A cell to fill: the text of each of its paragraphs, and their alignment.
Cell = tuple[Sequence[str], WD_ALIGN_PARAGRAPH]

_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})")


def add_runs(paragraph: Paragraph, text: str, style: TextStyle) -> None:
    """Append `text`, each Jinja tag in it as a run of its own."""
    for piece in _TAG.split(text):
        if piece:
            add_text(paragraph, piece, style)


def add_head(
    document: Document, label: str, title_lines: Sequence[str], title: TextStyle
) -> None:
    """Write the 附件 label at top left and the title lines centred under it."""
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, LABEL, LEFT)
    add_runs(paragraph, label, LABEL)

    last = len(title_lines) - 1
    for index, line in enumerate(title_lines):
        paragraph = document.add_paragraph()
        before = pt(4) if index == 0 else 0
        after = pt(4) if index == last else 0
        format_paragraph(paragraph, title, CENTER, before=before, after=after)
        add_runs(paragraph, line, title)


def add_filing_line(
    document: Document, who: str, style: TextStyle, page: PageSetup
) -> None:
    """Write who filed the form, then the filing date against the right margin."""
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, style, LEFT, after=pt(2))
    add_tab_stops(paragraph, [(page.text_width, WD_TAB_ALIGNMENT.RIGHT)])
    add_runs(paragraph, who + "\t填报时间：{{ filed_on }}", style)


def add_note(document: Document, text: str, style: TextStyle) -> None:
    """Write the 注 paragraph under the table."""
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, style, JUSTIFY, before=pt(2))
    add_runs(paragraph, text, style)


def loop(expression: str, *, fallback: bool = True) -> list[str]:
    """Return the paragraphs that repeat `{{ p }}` for each item of a list.

    docxtpl drops the tag paragraphs. With `fallback`, an empty list still
    leaves one empty paragraph, since Word rejects a table cell without any.
    """
    paragraphs = [f"{{%p for p in {expression} %}}", "{{ p }}"]
    if fallback:
        paragraphs += ["{%p else %}", ""]
    return [*paragraphs, "{%p endfor %}"]


def fill(
    cell: _Cell, texts: Sequence[str], style: TextStyle, alignment: WD_ALIGN_PARAGRAPH
) -> list[Paragraph]:
    """Write one paragraph per text into an empty cell and return them."""
    paragraphs = [cell.paragraphs[0]]
    paragraphs += [cell.add_paragraph() for _ in texts[1:]]

    for paragraph, text in zip(paragraphs, texts, strict=True):
        format_paragraph(paragraph, style, alignment)
        add_runs(paragraph, text, style)

    return paragraphs


def fill_row(table: Table, row: int, cells: Sequence[Cell], style: TextStyle) -> None:
    """Fill a row's cells from the left; a merged cell counts once."""
    tcs = table.rows[row]._tr.tc_lst
    for tc, (texts, alignment) in zip(tcs, cells, strict=True):
        fill(_Cell(tc, table), texts, style, alignment)


def add_row_tag(table: Table, row: int, tag: str, style: TextStyle) -> None:
    """Turn a row into one merged cell holding a docxtpl row tag."""
    cell = merge(table, (row, 0), (row, len(table.columns) - 1))
    fill(cell, [tag], style, LEFT)
