"""Build ruled form tables: fixed column widths, thin black rules, merged cells."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.shared import Twips
from docx.table import Table, _Cell, _Row

from riskdocs.design.styling import element, insert_ordered, mm

# A single 0.5 pt rule, its width in eighths of a point.
_RULE = {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"}
_RULE_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")

# Space between the rules and the text on the left and right of each cell.
_CELL_PADDING = mm(1.5)
_CELL_TOP_BOTTOM = mm(0.3)

# The children of w:trPr in the order the schema requires.
_ROW_PROPERTY_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore",
    "w:wAfter", "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing",
    "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange",
)  # fmt: skip


def add_table(document: Document, widths: Sequence[int], rows: int) -> Table:
    """Append a table of `rows` rows whose columns have the given twip widths.

    The layout is fixed, so Word and LibreOffice keep the widths whatever the
    cells hold, and every cell is vertically centred.
    """
    table: Table = document.add_table(rows=rows, cols=len(widths))
    _set_table_properties(table, sum(widths))

    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Twips(width)

    for row in table.rows:
        for tc, width in zip(row._tr.tc_lst, widths, strict=True):
            tc.width = Twips(width)
            tc.get_or_add_tcPr().vAlign_val = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    return table


def _set_table_properties(table: Table, width: int) -> None:
    """Replace the table's w:tblPr: width, centring, rules, layout, padding."""
    properties = table._tbl.tblPr
    for child in list(properties):
        properties.remove(child)

    properties.append(element("w:tblW", {"w:w": str(width), "w:type": "dxa"}))
    properties.append(element("w:jc", {"w:val": "center"}))

    borders = element("w:tblBorders")
    for side in _RULE_SIDES:
        borders.append(element(f"w:{side}", _RULE))
    properties.append(borders)

    properties.append(element("w:tblLayout", {"w:type": "fixed"}))

    padding = element("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        size = _CELL_PADDING if side in ("left", "right") else _CELL_TOP_BOTTOM
        padding.append(element(f"w:{side}", {"w:w": str(size), "w:type": "dxa"}))
    properties.append(padding)


def mark_header(row: _Row) -> None:
    """Repeat the row at the top of each page the table runs onto.

    Word repeats only an unbroken run of such rows from the top of the table.
    """
    header = element("w:tblHeader")
    insert_ordered(row._tr.get_or_add_trPr(), header, _ROW_PROPERTY_ORDER)


def set_min_height(row: _Row, height: int) -> None:
    """Make the row at least `height` twips tall, leaving room to write."""
    row.height = Twips(height)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def merge(table: Table, first: tuple[int, int], last: tuple[int, int]) -> _Cell:
    """Merge the rectangle of cells from `first` to `last`, each (row, column)."""
    merged: _Cell = table.cell(*first).merge(table.cell(*last))
    return merged
