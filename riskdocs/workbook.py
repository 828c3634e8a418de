"""Write the empty workbook a section fills in: a sheet per form, and 说明."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from riskdocs.models import FormKind
from riskdocs.sheets import LAYOUTS, CellKind, Column, Layout
from riskdocs.validation import label_of

HELP_SHEET = "说明"
LAST_ROW = 1000
"""The drop-down lists reach down to this row."""

_FORMATS: dict[CellKind, str] = {"text": "@", "date": "yyyy-mm-dd", "level": "0"}
_WRAP = Alignment(wrap_text=True, vertical="top")

_HELP_HEADER = ("工作表", "列", "表头", "YAML 键", "必填", "填写内容", "示例")
_HELP_NOTES = (
    "每个“附件”工作表的一行是表上的一行；第一列相同的行合成一份表：附件一每人一份，"
    "附件二至四每个单位一份。",
    "每份表自己的内容（填报时间、职能职责、审核意见）只需填在它的第一行，"
    "也可以每行重复，但不能不同。",
    "单元格内换行（Alt+Enter）的每一行印成一段；空单元格表示不填。",
    "填好后运行 riskdocs import 工作簿.xlsx -o 文件夹，每份表得到一个 YAML 文件。",
)


def blank_workbook(kinds: Sequence[FormKind]) -> bytes:
    """Build an empty workbook: a data sheet for each kind, then the 说明 sheet."""
    workbook = Workbook()
    first = workbook.active
    if first is not None:
        workbook.remove(first)

    layouts = [LAYOUTS[kind] for kind in dict.fromkeys(kinds)]
    for layout in layouts:
        _add_data_sheet(workbook.create_sheet(layout.sheet), layout)

    _add_help_sheet(workbook.create_sheet(HELP_SHEET), layouts)

    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _add_data_sheet(sheet: Worksheet, layout: Layout) -> None:
    sheet.append([layout.label(column) for column in layout.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    sheet.freeze_panes = "A2"

    for number, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(number)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        dimension.number_format = _FORMATS[column.cell]
        dimension.alignment = _WRAP

        if column.choices:
            choices = _choice_list(layout.label(column), column)
            choices.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(choices)


def _choice_list(label: str, column: Column) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=f'"{",".join(column.choices)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"{label}填写有误",
        error=(
            f"请从下拉列表中选择：{'、'.join(column.choices)}。"
            f" {label} must be one of {', '.join(column.choices)}."
        ),
    )


def _add_help_sheet(sheet: Worksheet, layouts: Sequence[Layout]) -> None:
    sheet.append(_HELP_HEADER)
    for layout in layouts:
        for number, column in enumerate(layout.columns, start=1):
            sheet.append(
                [
                    layout.sheet,
                    get_column_letter(number),
                    layout.label(column),
                    layout.yaml_key(column),
                    "是" if layout.required(column) else "否",
                    f"{_titles(layout, column)}。{column.note}",
                    column.example,
                ]
            )

    sheet.append([])
    for note in _HELP_NOTES:
        sheet.append([note])

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFG", (8, 5, 18, 20, 6, 60, 30), strict=True):
        sheet.column_dimensions[letter].width = width
        sheet.column_dimensions[letter].alignment = _WRAP


def _titles(layout: Layout, column: Column) -> str:
    """Name the field by the titles of the parts it belongs to: 风险点 › 风险等级."""
    location = layout.location(column)
    titles = [
        label_of(layout.model, location[: end + 1])
        for end, part in enumerate(location)
        if isinstance(part, str)
    ]
    return " › ".join(titles)
