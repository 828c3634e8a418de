"""What a spreadsheet cell holds, as a form's value, and problems named by cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.utils import get_column_letter

from riskdocs.errors import ProblemsError
from riskdocs.loading import Mark
from riskdocs.sheets import CellKind

Value = str | list[str] | int | date

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
"""How a workbook's XML writes a character it cannot hold: _x000B_ for the
vertical tab that text pasted from Word brings. openpyxl leaves it escaped."""
_DIGITS = re.compile(r"\s*[0-9]+\s*")


@dataclass(frozen=True)
class Cell:
    """Where a value stands in a workbook: its sheet, row and column.

    Column 0 stands for the whole row, where the sheet lacks the column.
    """

    sheet: str
    row: int
    column: int

    @property
    def reference(self) -> str:
        """Name the cell within its sheet as Excel does: F7, or 7:7 for a row."""
        if not self.column:
            return f"{self.row}:{self.row}"

        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def mark(self) -> Mark:
        """Return the cell as the mark of a value, like those of a YAML file."""
        return Mark(self.row, self.column)

    def __str__(self) -> str:
        """Name the cell with its sheet: 附件一!F7."""
        return f"{self.sheet}!{self.reference}"


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in a workbook: in a cell, or without one in the whole file."""

    cell: Cell | None
    message: str
    field: str = ""
    label: str = ""

    def __str__(self) -> str:
        """Format as ``sheet!cell: field (label): message``."""
        if self.cell is None:
            return self.message

        if not self.field:
            return f"{self.cell}: {self.message}"

        label = f" ({self.label})" if self.label else ""
        return f"{self.cell}: {self.field}{label}: {self.message}"


class WorkbookError(ProblemsError[CellProblem]):
    """A workbook cannot be imported; ``problems`` lists everything wrong in it."""

    @classmethod
    def of_file(cls, message: str) -> WorkbookError:
        """Report a problem of the whole file; the message names it."""
        return cls([CellProblem(None, message)])


def cell_value(raw: Any, kind: CellKind) -> Value | None:
    """Turn what a cell holds into a form's value; None when the cell is empty.

    Text with line breaks (LF, CRLF, CR or Excel's vertical tab) becomes a list
    of paragraphs, without empty lines.
    A date cell is a date in a date column and ISO text elsewhere; a whole
    number is a number in 风险等级 and text elsewhere ("101", not 101.0).
    """
    if raw is None:
        return None

    if isinstance(raw, datetime):
        raw = raw.date()

    if isinstance(raw, date):
        return raw if kind == "date" else raw.isoformat()

    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"

    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)

    if isinstance(raw, int):
        return raw if kind == "level" else str(raw)

    if isinstance(raw, float):
        return f"{raw:.15g}"

    text = _ESCAPED.sub(lambda match: chr(int(match[1], 16)), str(raw))
    if kind == "level" and _DIGITS.fullmatch(text):
        return int(text)

    paragraphs = [line for line in _LINE_BREAK.split(text) if line.strip()]
    if len(paragraphs) > 1:
        return paragraphs

    return paragraphs[0] if paragraphs else None
