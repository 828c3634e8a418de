"""Read a filled workbook into form data, and write one YAML file per form.

The sheets named 附件一 to 附件四 are read with the columns of
:data:`riskdocs.sheets.LAYOUTS`, matched by their headers; rows that share the
first column make one form. Each form is checked by the same validation as a
YAML file, and every problem is reported with the cell it came from
(``附件一!F7``). Formulas are read by the value Excel or WPS last saved for
them; merged cells hold their value in the first cell only.
"""

from __future__ import annotations

import difflib
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from riskdocs.cells import Cell, CellProblem, Value, WorkbookError, cell_value
from riskdocs.errors import DataError
from riskdocs.loading import Location, Source, format_location
from riskdocs.models import FORM_LABELS, Form
from riskdocs.rendering import write_file
from riskdocs.sheets import LAYOUT_OF_SHEET, Column, Layout
from riskdocs.validation import validate_form
from riskdocs.yamlwriting import form_yaml

MAX_NAME_LENGTH = 60
"""File names keep this many characters of the name they are made from."""

_UNSAFE_IN_NAME = re.compile(r"\W")


@dataclass(frozen=True)
class ImportedForm:
    """One form read from a workbook: its data as a YAML file holds it, and model."""

    cell: Cell
    """The cell of the form's name (填报人员 …) in its first row."""
    name: str
    data: dict[str, Any]
    form: Form

    @property
    def file_name(self) -> str:
        """Return the form's file name: 附件一-冯玉岗.yaml."""
        return f"{FORM_LABELS[self.form.form]}-{safe_name(self.name)}.yaml"


@dataclass
class _Row:
    number: int
    values: dict[Column, Value]


@dataclass
class _Sheet:
    """A data sheet being read: its layout, where its columns are, its forms."""

    layout: Layout
    places: dict[Column, int] = field(default_factory=dict)
    headed: set[int] = field(default_factory=set)
    """The numbers of the columns with a header, known or not."""
    groups: dict[str, list[_Row]] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)

    def cell(self, row: int, column: Column) -> Cell:
        """Return the cell of ``column`` in a row (column 0 if the sheet lacks it)."""
        return Cell(self.layout.sheet, row, self.places.get(column, 0))

    def problem(self, row: int, column: Column, message: str) -> CellProblem:
        """Report ``message`` for the cell of ``column`` in a row."""
        return CellProblem(
            self.cell(row, column),
            message,
            format_location(self.layout.location(column)),
            self.layout.label(column),
        )


def read_workbook(path: Path) -> list[ImportedForm]:
    """Read every data sheet (附件一 … 附件四) of a filled workbook into forms.

    Raises:
        WorkbookError: the workbook cannot be read or has no data sheet, or
            cells are wrong; every problem of every sheet is listed.
    """
    with warnings.catch_warnings():
        # openpyxl warns of parts of the file it would drop on saving (WPS's
        # extensions, say); only values are read here, so none of it matters.
        warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
        workbook = _open(path)
        try:
            sheets = [
                _read_sheet(layout, workbook[name].iter_rows(values_only=True))
                for name in workbook.sheetnames
                if (layout := LAYOUT_OF_SHEET.get(name)) is not None
            ]
        finally:
            workbook.close()

    if not sheets:
        raise WorkbookError.of_file(
            f"{path}: has no sheet named {', '.join(LAYOUT_OF_SHEET)}; name each"
            " sheet of data after its form, as `riskdocs sheet` does"
        )

    problems: list[CellProblem] = []
    forms: list[ImportedForm] = []
    for sheet in sheets:
        found = list(sheet.problems)
        read = []
        for name, rows in sheet.groups.items():
            try:
                read.append(_form(path, sheet, name, rows))
            except WorkbookError as error:
                found.extend(error.problems)
        found.extend(_clashing_names(sheet, read))
        problems.extend(sorted(found, key=_position))
        forms.extend(read)

    if problems:
        raise WorkbookError(problems)

    if not forms:
        raise WorkbookError.of_file(
            f"{path}: the sheets hold no data; fill the rows below the headers"
        )

    return forms


def _position(problem: CellProblem) -> tuple[int, int]:
    cell = problem.cell
    return (cell.row, cell.column) if cell else (0, 0)


def _open(path: Path) -> Workbook:
    """Open the workbook for reading values, refusing what is not one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"{path}: cannot read the file: {error.strerror}"
        raise WorkbookError.of_file(message) from None

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as error:
        raise WorkbookError.of_file(
            f"{path}: is not an Excel workbook (.xlsx), or it is damaged ({error});"
            " open it in Excel or WPS and save it as .xlsx"
        ) from None


def _read_sheet(layout: Layout, rows: Iterable[Sequence[Any]]) -> _Sheet:
    """Find the sheet's columns by their headers, then group its rows into forms."""
    sheet = _Sheet(layout)
    lines = iter(rows)
    columns = _read_header(sheet, list(next(lines, ())))
    key_column = layout.columns[0]
    if key_column not in sheet.places:
        label = layout.label(key_column)
        message = (
            f"the first row has no header {label}; the rows of a form are grouped"
            f" by it, so head the first column {label}, as `riskdocs sheet` does"
        )
        sheet.problems.append(CellProblem(Cell(layout.sheet, 1, 1), message))
        return sheet

    for number, values in enumerate(lines, start=2):
        row = _read_row(sheet, columns, number, list(values))
        if row is None:
            continue

        key = row.values.get(key_column)
        if key is None:
            message = (
                "is empty; write it on every row, as the rows of one form are"
                " grouped by it (unmerge merged cells and fill each one)"
            )
            sheet.problems.append(sheet.problem(number, key_column, message))
            continue

        name = "\n".join(key) if isinstance(key, list) else str(key)
        sheet.groups.setdefault(name, []).append(row)

    return sheet


def _read_header(sheet: _Sheet, header: list[Any]) -> dict[int, Column | None]:
    """Map each column number to the column its header names (None: no header)."""
    layout = sheet.layout
    by_label = {layout.label(column): column for column in layout.columns}
    columns: dict[int, Column | None] = {}
    for number, text in enumerate(header, start=1):
        label = "" if text is None else str(text).strip()
        if label:
            sheet.headed.add(number)

        column = by_label.get(label)
        if column is not None and column not in sheet.places:
            sheet.places[column] = number
        elif label:
            message = _header_message(sheet, label, by_label)
            sheet.problems.append(CellProblem(Cell(layout.sheet, 1, number), message))
        columns[number] = column

    return columns


def _header_message(sheet: _Sheet, label: str, by_label: dict[str, Column]) -> str:
    if label in by_label:
        return f"the column {label} is given twice; keep one"

    close = difflib.get_close_matches(label, list(by_label), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return (
        f"{label} is not a column of {sheet.layout.sheet}{hint}; the columns"
        f" are {', '.join(by_label)}. Rename or remove it"
    )


def _read_row(
    sheet: _Sheet, columns: dict[int, Column | None], number: int, cells: list[Any]
) -> _Row | None:
    """Read one row's values by column; None for a row with nothing in it."""
    row = _Row(number, {})
    for index, raw in enumerate(cells, start=1):
        column = columns.get(index)
        value = cell_value(raw, column.cell if column else "text")
        if value is None:
            continue

        if column is None:
            if index not in sheet.headed:
                message = "holds a value in a column without a header; clear it"
                cell = Cell(sheet.layout.sheet, number, index)
                sheet.problems.append(CellProblem(cell, message))
            continue

        row.values[column] = value

    return row if row.values else None


def _form(path: Path, sheet: _Sheet, name: str, rows: list[_Row]) -> ImportedForm:
    """Build one form's data from its rows and validate it.

    Raises:
        WorkbookError: with a problem for each thing wrong, naming its cell.
    """
    layout = sheet.layout
    named = sheet.cell(rows[0].number, layout.columns[0])
    source = Source(path=path, data=None)
    source.value_marks[()] = named.mark
    conflicts: list[CellProblem] = []

    data: dict[str, Any] = {"form": layout.kind}
    entries = _entries(sheet, rows, source)
    for column in layout.columns:
        if not column.per_form:
            data.setdefault(layout.table, entries)
            continue

        value, cell = _form_value(sheet, column, rows, conflicts)
        source.value_marks[column.path] = cell.mark
        if value is not None:
            _put(data, column.path, value)

    source.data = data
    try:
        form = validate_form(source)
    except DataError as error:
        found = [
            CellProblem(
                Cell(layout.sheet, p.line, p.column), p.message, p.field, p.label
            )
            for p in error.problems
        ]
        raise WorkbookError([*conflicts, *found]) from None

    if conflicts:
        raise WorkbookError(conflicts)

    return ImportedForm(named, name, data, form)


def _entries(sheet: _Sheet, rows: list[_Row], source: Source) -> list[dict[str, Any]]:
    """Make an entry of the form's table of each row with values outside the form's."""
    layout = sheet.layout
    columns = [column for column in layout.columns if not column.per_form]
    entries: list[dict[str, Any]] = []
    for row in rows:
        if not any(column in row.values for column in columns):
            continue

        entry: dict[str, Any] = {}
        index = len(entries)
        source.value_marks[(layout.table, index)] = sheet.cell(
            row.number, columns[0]
        ).mark
        for column in columns:
            location = layout.location(column, index)
            source.value_marks[location] = sheet.cell(row.number, column).mark
            if column in row.values:
                _put(entry, column.path, row.values[column])
        entries.append(entry)

    return entries


def _form_value(
    sheet: _Sheet, column: Column, rows: list[_Row], conflicts: list[CellProblem]
) -> tuple[Value | None, Cell]:
    """Return a form-level value and its cell: the first given, the same on all."""
    given = [row for row in rows if column in row.values]
    if not given:
        return None, sheet.cell(rows[0].number, column)

    value = given[0].values[column]
    first = sheet.cell(given[0].number, column)
    for row in given[1:]:
        other = row.values[column]
        if other != value:
            message = (
                f"is {_shown(other)} here but {_shown(value)} in {first.reference},"
                " on another row of the same form; give one value, or leave it"
                " empty below the form's first row"
            )
            conflicts.append(sheet.problem(row.number, column, message))

    return value, first


def _shown(value: Value) -> str:
    if isinstance(value, list):
        return repr(" / ".join(value))

    if isinstance(value, date):
        return value.isoformat()

    return repr(value)


def _put(data: dict[str, Any], path: Location, value: Value) -> None:
    """Set ``value`` at a dotted key path, making the mappings on the way."""
    for part in path[:-1]:
        data = data.setdefault(str(part), {})
    data[str(path[-1])] = value


def _clashing_names(sheet: _Sheet, forms: list[ImportedForm]) -> list[CellProblem]:
    """Find forms of one sheet whose names make the same file name."""
    seen: dict[str, ImportedForm] = {}
    problems = []
    for form in forms:
        first = seen.setdefault(form.file_name, form)
        if first is form:
            continue

        message = (
            f"makes the file name {form.file_name}, as {first.name!r} in"
            f" {first.cell.reference} does, since a file name keeps only letters"
            " and digits; make the names differ in letters or digits"
        )
        key_column = sheet.layout.columns[0]
        problems.append(sheet.problem(form.cell.row, key_column, message))

    return problems


def safe_name(name: str) -> str:
    """Make a value safe in a file name: letters and digits kept, all else "_"."""
    return _UNSAFE_IN_NAME.sub("_", name)[:MAX_NAME_LENGTH]


def write_forms(
    forms: Sequence[ImportedForm], workbook: Path, output: Path
) -> list[tuple[Path, bool]]:
    """Write each form as ``output/附件一-<name>.yaml``; say which files changed.

    Raises:
        OutputError: a file cannot be written.
    """
    source = " ".join(workbook.name.split())
    written = []
    for form in forms:
        note = f"Imported from {source} sheet {form.cell.sheet} by riskdocs import."
        path = output / form.file_name
        text = form_yaml(form.form, note)
        written.append((path, write_file(path, text.encode("utf-8"))))

    return written
