"""The columns of the spreadsheet a section fills in, one table per form.

Each kind of form is one flat table on a sheet named after it (附件一 …): one
spreadsheet row per row of the form, with the form's own values (填报时间,
职能职责, the review) in columns of their own, and rows that share the first
column (填报人员 or 填报单位) making one form. :data:`LAYOUTS` says this once,
as data; the empty workbook and its 说明 sheet (:mod:`riskdocs.workbook`) and
the reading of a filled one (:mod:`riskdocs.importing`) are derived from it.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from riskdocs.loading import Location
from riskdocs.models import CATEGORIES, FORM_LABELS, FORM_MODELS, Form, FormKind
from riskdocs.validation import label_of

CellKind = Literal["text", "date", "level"]


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: the form field it fills, and its help."""

    key: str
    """The field's key: dotted within the form when ``per_form``, else within
    one entry of the form's table (``level``, ``subject.name``)."""
    note: str
    """One sentence for the 说明 sheet, on how to fill the column."""
    example: str
    per_form: bool = False
    """The value belongs to the whole form and is the same on all its rows."""
    cell: CellKind = "text"
    choices: tuple[str, ...] = ()
    """The values of the drop-down list, if the value is one of a set."""
    width: int = 14

    @property
    def path(self) -> tuple[str, ...]:
        """Return the key split into its parts."""
        return tuple(self.key.split("."))


@dataclass(frozen=True)
class Layout:
    """The data sheet of one kind of form."""

    kind: FormKind
    table: str
    """The form's key of the list that one spreadsheet row adds an entry to."""
    columns: tuple[Column, ...]

    @property
    def sheet(self) -> str:
        """Return the sheet's name, the form's label: 附件一 …."""
        return FORM_LABELS[self.kind]

    @property
    def model(self) -> type[Form]:
        """Return the model of the form."""
        return FORM_MODELS[self.kind]

    def location(self, column: Column, index: int = 0) -> Location:
        """Return where the column's value stands in the form's data."""
        if column.per_form:
            return column.path

        return (self.table, index, *column.path)

    def label(self, column: Column) -> str:
        """Return the column's header: the label of its field on the form."""
        return label_of(self.model, self.location(column))

    def yaml_key(self, column: Column) -> str:
        """Write the column's key as the YAML files have it: risks[].level."""
        if column.per_form:
            return column.key

        return f"{self.table}[].{column.key}"

    def required(self, column: Column) -> bool:
        """Say whether the model requires the column's field in its form or entry."""
        model: Any = self.model
        if not column.per_form:
            model = _item_model(self.model, self.table)

        for part in column.path:
            field = model.model_fields[part]
            if not field.is_required():
                return False
            model = field.annotation

        return True


def _item_model(model: type[BaseModel], table: str) -> Any:
    """Return the model of one entry of the form's table: list[X] gives X."""
    return typing.get_args(model.model_fields[table].annotation)[0]


FILED_ON = Column(
    "filed_on",
    "只需填在每份表的第一行；不填时用 campaign.yaml 里的填报时间。",
    "2020-04-14",
    per_form=True,
    cell="date",
    width=12,
)
UNIT = Column(
    "unit",
    "填报的科室或单位；同一单位的各行填同一名称，每个单位生成一份表。",
    "专家管理科",
    per_form=True,
)
CATEGORY = Column(
    "category",
    "从下拉列表中选择；同一份表里每个类别只占一行。",
    "权力运行",
    choices=CATEGORIES,
    width=12,
)
DETAILS = Column(
    "details",
    "每条内容在单元格内单独一行（Alt+Enter 换行），每行印成一段。",
    "1.专家抽取工作准备不充分。\n2.在工作中有畏难情绪。",
    width=40,
)

LAYOUTS: dict[FormKind, Layout] = {
    "individual": Layout(
        "individual",
        "risks",
        (
            Column(
                "filer",
                "填报人的姓名；同一人的各行填同一姓名，每人生成一份附件一。",
                "冯玉岗",
                per_form=True,
            ),
            FILED_ON,
            CATEGORY,
            Column("name", "这一类别风险点的名称。", "岗位运行风险", width=20),
            DETAILS,
            Column(
                "level",
                "按“四种形态”从下拉列表中选择 1–4。",
                "1",
                cell="level",
                choices=("1", "2", "3", "4"),
                width=10,
            ),
            Column(
                "review.opinion",
                "部门负责人填写，只需填在每人的第一行。",
                "同意",
                per_form=True,
                width=20,
            ),
            Column(
                "review.signed_on",
                "部门负责人审核的日期，只需填在每人的第一行。",
                "2020-04-15",
                per_form=True,
                cell="date",
                width=12,
            ),
        ),
    ),
    "department": Layout(
        "department",
        "risks",
        (
            UNIT,
            FILED_ON,
            Column(
                "duties",
                "本单位的职能职责，只需填在第一行。",
                "为各类公共资源交易活动提供评标评审专家抽取服务。",
                per_form=True,
                width=40,
            ),
            CATEGORY,
            Column(
                "points",
                "每个风险点在单元格内单独一行（Alt+Enter 换行）。",
                "1.评标专家抽取违规风险。\n2.专家评价流于形式风险。",
                width=30,
            ),
            DETAILS,
        ),
    ),
    "clues": Layout(
        "clues",
        "clues",
        (
            UNIT,
            FILED_ON,
            Column(
                "type",
                "没有问题线索时，只填填报单位和填报时间一行，表上印“无”。",
                "违反工作纪律",
            ),
            Column("subject.name", "问题对象的姓名。", "王某", width=10),
            Column("subject.unit", "问题对象所在的单位或部门。", "专家管理科"),
            Column("subject.position", "问题对象的职务。", "科员", width=10),
            Column("subject.rank", "问题对象的级别。", "科级", width=10),
            Column("summary", "问题线索的主要内容。", "……", width=40),
            Column("source", "如来信举报、巡察发现。", "来信举报"),
            Column("handler.unit", "负责查办的单位。", "机关纪委"),
            Column("handler.lead", "查办负责人的姓名。", "赵某", width=10),
            Column("outcome", "目前的处置情况。", "正在核查"),
        ),
    ),
    "ledger": Layout(
        "ledger",
        "entries",
        (
            UNIT,
            FILED_ON,
            Column("risk", "要整改的风险点名称。", "评标专家抽取违规风险。", width=20),
            DETAILS,
            Column("measures", "整改措施，可分行填写。", "严格抽取程序。", width=40),
            Column("status", "如进行中、已完成。", "进行中", width=10),
            Column(
                "due",
                "填日期，或文字如“长期坚持”。",
                "长期坚持",
                cell="date",
                width=12,
            ),
            Column("owner.unit", "负责整改的单位或处室。", "专家管理科"),
            Column("owner.person", "责任人的姓名。", "冯玉钢", width=10),
            Column("leader", "分管领导的姓名。", "康宁", width=10),
            Column("remark", "其他需要说明的，可不填。", "", width=20),
        ),
    ),
}

LAYOUT_OF_SHEET: dict[str, Layout] = {
    layout.sheet: layout for layout in LAYOUTS.values()
}

CellValue = str | int | date | None


def form_rows(form: Form) -> list[list[CellValue]]:
    """Write a form as the rows of its data sheet, its own values on every row.

    A form with an empty table (附件三 with no clues) is one row of its own
    values. Paragraphs are joined with line breaks, as a cell holds them.
    """
    layout = LAYOUTS[form.form]
    data = form.model_dump()
    entries = data[layout.table] or [{}]

    return [
        [
            _cell(_dig(data if column.per_form else entry, column.path))
            for column in layout.columns
        ]
        for entry in entries
    ]


def _dig(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None

    return value


def _cell(value: Any) -> CellValue:
    if isinstance(value, list):
        return "\n".join(value) or None

    if isinstance(value, str | int | date):
        return value

    return None
