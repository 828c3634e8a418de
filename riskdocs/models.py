"""The data of the four forms and of the campaign they share, as Pydantic models.

Field titles are the labels printed on the forms; error messages and the JSON
Schema use them. Every text field accepts a string or a list of strings; each
string becomes one paragraph in its cell.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from riskdocs.text import forbidden_characters

FormKind = Literal["individual", "department", "clues", "ledger"]
FORM_KINDS: tuple[FormKind, ...] = ("individual", "department", "clues", "ledger")

Category = Literal["权力运行", "制度机制", "外部环境", "作风效能", "其他"]
CATEGORIES: tuple[Category, ...] = (
    "权力运行",
    "制度机制",
    "外部环境",
    "作风效能",
    "其他",
)

_DATE_PATTERN = re.compile(
    r"\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*[日号]?\s*"
)


def _as_paragraphs(value: Any) -> Any:
    """Accept one string as a list of one paragraph; leave the rest to the type.

    An empty string is no paragraph at all: ``remark: ""`` is an empty cell.
    """
    if isinstance(value, str):
        return [value] if value else []

    if value is None:
        return []

    if isinstance(value, dict):
        raise PydanticCustomError(
            "paragraphs_type", "must be text or a list of texts, got a mapping"
        )

    return value


def parse_date(text: str) -> date:
    """Read 2020-04-14, 2020/4/14, 2020.4.14 and 2020年4月14日 (or 号) as a date.

    Raises:
        ValueError: the text is not a date in one of those forms.
    """
    parsed = _as_date(text)
    if not isinstance(parsed, date):
        raise ValueError(f"not a date: {text!r}")

    return parsed


def _as_date(value: Any) -> Any:
    """Read 2020-04-14, 2020/4/14, 2020.4.14 and 2020年4月14日 as a date."""
    if isinstance(value, date) or not isinstance(value, str):
        return value

    match = _DATE_PATTERN.fullmatch(value)
    if match is None:
        raise PydanticCustomError(
            "date_format",
            "must be a date written like 2020-04-14, got '{value}'",
            {"value": value},
        )

    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_value", "is not a real date: '{value}'", {"value": value}
        ) from None


def _check_level(level: int) -> int:
    if not 1 <= level <= 4:
        raise PydanticCustomError(
            "level_range", "must be 1–4, got {level}", {"level": level}
        )

    return level


def _as_due(value: Any) -> Any:
    """Read 完成时限 as a date when it is written as one, else as paragraphs.

    The text is checked here, so that a mistake is reported once, as text,
    not once for each of the two types 完成时限 may have.
    """
    if isinstance(value, str) and _DATE_PATTERN.fullmatch(value):
        return _as_date(value)

    paragraphs = _as_paragraphs(value)
    if isinstance(paragraphs, list) and all(isinstance(p, str) for p in paragraphs):
        return [_check_text(paragraph) for paragraph in paragraphs]

    if isinstance(paragraphs, date):
        return paragraphs

    raise PydanticCustomError(
        "due_type",
        "must be a date, or text or a list of texts; write each paragraph as text",
    )


def _check_text(text: str) -> str:
    """Refuse characters Word cannot hold, and text that is only white space."""
    found = forbidden_characters(text)
    if found:
        raise PydanticCustomError(
            "xml_character",
            "contains {found}, which a Word document cannot hold; remove it",
            {"found": ", ".join(found)},
        )

    if text and not text.strip():
        raise PydanticCustomError("blank_text", "is only white space; write the text")

    return text


def _check_filled_paragraphs(paragraphs: list[str]) -> list[str]:
    if not any(paragraphs):
        raise PydanticCustomError("empty_text", "is empty; write the text")

    return paragraphs


Text = Annotated[str, AfterValidator(_check_text)]
FilledText = Annotated[Text, Field(min_length=1)]
Paragraphs = Annotated[
    list[Text],
    BeforeValidator(_as_paragraphs, json_schema_input_type=str | list[str]),
]
FilledParagraphs = Annotated[Paragraphs, AfterValidator(_check_filled_paragraphs)]
Day = Annotated[date, BeforeValidator(_as_date, json_schema_input_type=date)]
Level = Annotated[
    int,
    AfterValidator(_check_level),
    Field(json_schema_extra={"minimum": 1, "maximum": 4}),
]
Due = Annotated[
    date | list[str],
    BeforeValidator(_as_due, json_schema_input_type=date | str | list[str]),
]


class Record(BaseModel):
    """Base of every model: unknown keys are errors, values are not changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadlines(Record):
    """上报截止日期 of each form, printed in its notes as 月日."""

    individual: Day = Field(date(2020, 3, 20), title="附件一上报截止日期")
    department: Day = Field(date(2020, 3, 20), title="附件二上报截止日期")
    clues: Day = Field(date(2020, 3, 20), title="附件三上报截止日期")
    ledger: Day = Field(date(2020, 8, 30), title="附件四上报截止日期")

    def of(self, kind: FormKind) -> date:
        """Return the deadline of one kind of form."""
        deadline: date = getattr(self, kind)
        return deadline


class Templates(Record):
    """Templates to use instead of the built-in ones, relative to campaign.yaml."""

    individual: str | None = Field(None, title="附件一模板")
    department: str | None = Field(None, title="附件二模板")
    clues: str | None = Field(None, title="附件三模板")
    ledger: str | None = Field(None, title="附件四模板")


class Section(Record):
    """One section of the unit on the roster, and the people who must file."""

    section: FilledText = Field(title="科室")
    people: list[FilledText] = Field(default_factory=list, title="人员")


class Campaign(Record):
    """What all forms of one review share (campaign.yaml)."""

    title: FilledText = Field(
        "全市公共资源交易系统廉政风险点排查及防控工作", title="标题"
    )
    report_to: FilledText = Field("市公管办机关党委", title="上报单位")
    filed_on: Day | None = Field(None, title="填报时间")
    deadlines: Deadlines = Field(default_factory=Deadlines, title="上报截止日期")
    templates: Templates = Field(default_factory=Templates, title="模板")
    roster: list[Section] = Field(default_factory=list, title="花名册")


class IndividualRisk(Record):
    """One 风险类别 row of 附件一."""

    category: Category = Field(title="风险类别")
    name: FilledParagraphs = Field(title="风险点名称")
    details: Paragraphs = Field(default_factory=list, title="主要内容及表现形式")
    level: Level = Field(title="风险等级")


class Review(Record):
    """部门负责人审核意见 at the foot of 附件一."""

    opinion: Paragraphs = Field(default_factory=list, title="部门负责人审核意见")
    signed_on: Day | None = Field(None, title="审核时间")


class IndividualForm(Record):
    """附件一 个人风险点排查情况登记表."""

    form: Literal["individual"] = Field(title="表格")
    filer: FilledText = Field(title="填报人员")
    filed_on: Day | None = Field(None, title="填报时间")
    risks: list[IndividualRisk] = Field(default_factory=list, title="风险点")
    review: Review = Field(default_factory=Review, title="部门负责人审核")


class DepartmentRisk(Record):
    """One 风险类别 row of 附件二."""

    category: Category = Field(title="风险类别")
    points: FilledParagraphs = Field(title="风险点名称")
    details: Paragraphs = Field(default_factory=list, title="主要内容及表现形式")


class DepartmentForm(Record):
    """附件二 部门风险点排查情况登记表."""

    form: Literal["department"] = Field(title="表格")
    unit: FilledText = Field(title="填报单位")
    filed_on: Day | None = Field(None, title="填报时间")
    duties: Paragraphs = Field(default_factory=list, title="职能职责")
    risks: list[DepartmentRisk] = Field(default_factory=list, title="风险点")


class Subject(Record):
    """问题对象: the person a clue is about."""

    name: Paragraphs = Field(default_factory=list, title="姓名")
    unit: Paragraphs = Field(default_factory=list, title="所在单位（部门）")
    position: Paragraphs = Field(default_factory=list, title="职务")
    rank: Paragraphs = Field(default_factory=list, title="级别")


class Handler(Record):
    """问题线索处置: who investigates a clue."""

    unit: Paragraphs = Field(default_factory=list, title="查办单位")
    lead: Paragraphs = Field(default_factory=list, title="查办负责人")


class Clue(Record):
    """One row of 附件三."""

    type: FilledParagraphs = Field(title="问题类型")
    subject: Subject = Field(default_factory=Subject, title="问题对象")
    summary: FilledParagraphs = Field(title="问题线索主要内容")
    source: Paragraphs = Field(default_factory=list, title="问题线索来源方式")
    handler: Handler = Field(default_factory=Handler, title="问题线索处置")
    outcome: Paragraphs = Field(default_factory=list, title="处置情况")


class CluesForm(Record):
    """附件三 问题线索清单."""

    form: Literal["clues"] = Field(title="表格")
    unit: FilledText = Field(title="填报单位")
    filed_on: Day | None = Field(None, title="填报时间")
    clues: list[Clue] = Field(default_factory=list, title="问题线索")


class Owner(Record):
    """责任单（处室）及责任人."""

    unit: Paragraphs = Field(default_factory=list, title="责任单位（处室）")
    person: Paragraphs = Field(default_factory=list, title="责任人")


class LedgerEntry(Record):
    """One row of 附件四."""

    risk: FilledParagraphs = Field(title="风险点名称")
    details: Paragraphs = Field(default_factory=list, title="主要内容及表现形式")
    measures: Paragraphs = Field(default_factory=list, title="整改措施")
    status: Paragraphs = Field(default_factory=list, title="完成情况")
    due: Due = Field(default_factory=list, title="完成时限")
    owner: Owner = Field(default_factory=Owner, title="责任单（处室）及责任人")
    leader: Paragraphs = Field(default_factory=list, title="分管领导")
    remark: Paragraphs = Field(default_factory=list, title="备注")


class LedgerForm(Record):
    """附件四 落实台账."""

    form: Literal["ledger"] = Field(title="表格")
    unit: FilledText = Field(title="填报单位")
    filed_on: Day | None = Field(None, title="填报时间")
    entries: list[LedgerEntry] = Field(default_factory=list, title="整改事项")


Form = IndividualForm | DepartmentForm | CluesForm | LedgerForm

FORM_MODELS: dict[FormKind, type[Form]] = {
    "individual": IndividualForm,
    "department": DepartmentForm,
    "clues": CluesForm,
    "ledger": LedgerForm,
}

ROW_FIELDS: dict[FormKind, str] = {
    "individual": "risks",
    "department": "risks",
    "clues": "clues",
    "ledger": "entries",
}
"""The field of each form that holds its table's rows."""

FORM_LABELS: dict[FormKind, str] = {
    "individual": "附件一",
    "department": "附件二",
    "clues": "附件三",
    "ledger": "附件四",
}
