"""Build the docxtpl templates of the four forms, 附件一 to 附件四.

Each builder returns a python-docx document holding the form's fixed wording
and Jinja tags; the names in the tags are the rendering context (title,
report_to, deadline, filed_on, plus each form's own fields).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.table import Table

from riskdocs.design.blocks import (
    CENTER,
    JUSTIFY,
    LEFT,
    NARROW_TITLE,
    TITLE,
    Cell,
    add_filing_line,
    add_head,
    add_note,
    add_row_tag,
    fill,
    fill_row,
    loop,
)
from riskdocs.design.fonts import declare_fonts
from riskdocs.design.saving import set_properties
from riskdocs.design.styling import (
    FANGSONG,
    LANDSCAPE,
    PORTRAIT,
    PageSetup,
    TextStyle,
    add_tab_stops,
    mm,
    set_compatibility,
    set_defaults,
    set_page,
)
from riskdocs.design.tables import add_table, mark_header, merge, set_min_height

# Body and table text of each form: 仿宋_GB2312 at the largest size that keeps
# every sample of the form on one page. 附件四 fits at 五号 only with 12 pt lines.
INDIVIDUAL_TEXT = TextStyle(FANGSONG, 12, 16)
DEPARTMENT_TEXT = TextStyle(FANGSONG, 12, 16)
CLUES_TEXT = TextStyle(FANGSONG, 14, 18)
LEDGER_TEXT = TextStyle(FANGSONG, 10.5, 12)

_UNIT = "填报单位（盖章）：{{ unit }}"
_DEADLINE = "此表{{ deadline }}前上报{{ report_to }}。"
_ROWS_FOR = "{%tr for row in rows %}"
_ROWS_END = "{%tr endfor %}"
_SECTION_NOTE = (
    "注：1.内容填写不下，可附续表；2.填报单位为旗区交易中心、市直科室中心；3."
    + _DEADLINE
)
"""The note of 附件二 and 附件三, worded as on the 2020 originals."""


@dataclass(frozen=True)
class Form:
    """A template's file name and the function that builds it."""

    file_name: str
    build: Callable[[], Document]


def _new_document(name: str, page: PageSetup, text: TextStyle) -> Document:
    """Start an empty document with the form's page, type and properties."""
    document = docx.Document()
    set_page(document, page)
    set_defaults(document, text)
    set_compatibility(document)
    declare_fonts(document)
    set_properties(document, name)
    return document


def _headers(*cells: list[str]) -> list[Cell]:
    """Return centred header cells, each given as its lines."""
    return [(lines, CENTER) for lines in cells]


def _columns(page: PageSetup, *sizes: float | None) -> list[int]:
    """Convert column widths from mm to twips; None takes the rest of the line."""
    fixed = sum(mm(size) for size in sizes if size is not None)
    return [page.text_width - fixed if size is None else mm(size) for size in sizes]


def build_individual() -> Document:
    """Build 附件一, the 个人风险点排查情况登记表 of one member of staff."""
    name = "个人风险点排查情况登记表"
    text = INDIVIDUAL_TEXT
    document = _new_document(name, PORTRAIT, text)

    add_head(document, "附件一", ["{{ title }}", name], NARROW_TITLE)
    add_filing_line(document, "填报人员：{{ filer }}", text, PORTRAIT)

    table = add_table(document, _columns(PORTRAIT, 15, 30, None, 21), rows=5)

    mark_header(table.rows[0])
    header = _headers(
        ["风险", "类别"], ["风险点名称"], ["主要内容及表现形式"], ["风险等级"]
    )
    fill_row(table, 0, header, text)

    row: list[Cell] = [
        (loop("row.category"), CENTER),
        (loop("row.name"), LEFT),
        (loop("row.details"), JUSTIFY),
        (["{{ row.level }}"], CENTER),
    ]
    add_loop_row(table, 1, row, text, mm(20))

    review = merge(table, (4, 0), (4, 3))
    opinion = ["部门负责人审核意见：", *loop("review.opinion", fallback=False)]
    room = ["", "", ""]  # to write the opinion by hand
    signature = "部门负责人审核签字：\t时间：{{ review.signed_on }}"
    paragraphs = fill(review, [*opinion, *room, signature], text, JUSTIFY)
    add_tab_stops(paragraphs[-1], [(mm(100), WD_TAB_ALIGNMENT.LEFT)])

    add_note(
        document,
        "注：1、内容填写不下，可附续表；2、填报单位为旗区交易中心、市直科室、"
        "中心工作人员；3、" + _DEADLINE + "4.风险等级要结合“四种形态”进行确定。",
        text,
    )
    return document


def build_department() -> Document:
    """Build 附件二, the 部门风险点排查情况登记表 of one department."""
    name = "部门风险点排查情况登记表"
    text = DEPARTMENT_TEXT
    document = _new_document(name, PORTRAIT, text)

    add_head(document, "附件二", ["{{ title }}", name], NARROW_TITLE)
    add_filing_line(document, _UNIT, text, PORTRAIT)

    table = add_table(document, _columns(PORTRAIT, 15, 34, None), rows=5)

    # The 职能职责 row opens the table, so it repeats with the header row.
    duties = merge(table, (0, 1), (0, 2))
    fill(table.cell(0, 0), ["职能", "职责"], text, CENTER)
    fill(duties, loop("duties"), text, JUSTIFY)
    mark_header(table.rows[0])

    mark_header(table.rows[1])
    header = _headers(["风险", "类别"], ["风险点名称"], ["主要内容及表现形式"])
    fill_row(table, 1, header, text)

    row: list[Cell] = [
        (loop("row.category"), CENTER),
        (loop("row.points"), LEFT),
        (loop("row.details"), JUSTIFY),
    ]
    add_loop_row(table, 2, row, text, mm(12))

    add_note(document, _SECTION_NOTE, text)
    return document


def add_loop_row(
    table: Table, start: int, cells: list[Cell], text: TextStyle, height: int
) -> None:
    """Add the row repeated once per item of ``rows``, between its two tag rows.

    The tag rows at ``start`` and ``start + 2`` are removed by docxtpl; the row
    between them, at least ``height`` twips high, is printed for each item.
    """
    add_row_tag(table, start, _ROWS_FOR, text)
    set_min_height(table.rows[start + 1], height)
    fill_row(table, start + 1, cells, text)
    add_row_tag(table, start + 2, _ROWS_END, text)


def build_clues() -> Document:
    """Build 附件三, the 问题线索清单 of one department."""
    text = CLUES_TEXT
    document = _new_document("问题线索清单", LANDSCAPE, text)

    add_head(document, "附件三", ["{{ title }}问题线索清单"], TITLE)
    add_filing_line(document, _UNIT, text, LANDSCAPE)

    widths = _columns(LANDSCAPE, 16, 18, 24, 18, 16, 44, 26, 20, 20, None)
    table = add_table(document, widths, rows=5)

    # 问题类型, the two 问题线索 columns and 处置情况 span both header rows.
    for column in (0, 5, 6, 9):
        merge(table, (0, column), (1, column))
    merge(table, (0, 1), (0, 4))
    merge(table, (0, 7), (0, 8))
    mark_header(table.rows[0])
    mark_header(table.rows[1])

    top = _headers(
        ["问题", "类型"],
        ["问题对象"],
        ["问题线索", "主要内容"],
        ["问题线索", "来源方式"],
        ["问题线索处置"],
        ["处置情况"],
    )
    fill_row(table, 0, top, text)
    bottom = _headers(
        [""],
        ["姓名"],
        ["所在", "单位", "（部门）"],
        ["职务"],
        ["级别"],
        [""],
        [""],
        ["查办", "单位"],
        ["查办", "负责人"],
        [""],
    )
    fill_row(table, 1, bottom, text)

    fields = (
        "type",
        "subject.name",
        "subject.unit",
        "subject.position",
        "subject.rank",
        "summary",
        "source",
        "handler.unit",
        "handler.lead",
        "outcome",
    )
    row: list[Cell] = [(loop(f"row.{field}"), LEFT) for field in fields]
    add_loop_row(table, 2, row, text, mm(12))

    add_note(document, _SECTION_NOTE, text)
    return document


def build_ledger() -> Document:
    """Build 附件四, the 落实台账 of one department."""
    text = LEDGER_TEXT
    document = _new_document("落实台账", LANDSCAPE, text)

    add_head(document, "附件四", ["{{ title }}落实台账"], TITLE)
    add_filing_line(document, _UNIT, text, LANDSCAPE)

    # Two characters a line in the narrow columns, twenty in 主要内容.
    widths = _columns(LANDSCAPE, 11, 18, 78, 48, 11, 11, 26, 11, None)
    table = add_table(document, widths, rows=4)

    mark_header(table.rows[0])
    header = _headers(
        ["序号"],
        ["风险点", "名称"],
        ["主要内容", "及表现形式"],
        ["整改措施"],
        ["完成", "情况"],
        ["完成", "时限"],
        ["责任单（处室）及责任人"],
        ["分管", "领导"],
        ["备注"],
    )
    fill_row(table, 0, header, text)

    owner = [*loop("row.owner.unit", fallback=False), *loop("row.owner.person")]
    row: list[Cell] = [
        (["{{ row.number }}"], CENTER),
        (loop("row.risk"), LEFT),
        (loop("row.details"), JUSTIFY),
        (loop("row.measures"), JUSTIFY),
        (loop("row.status"), CENTER),
        (loop("row.due"), CENTER),
        (owner, CENTER),
        (loop("row.leader"), CENTER),
        (loop("row.remark"), LEFT),
    ]
    add_loop_row(table, 1, row, text, mm(8))

    add_note(
        document,
        "注：1.内容填写不下，可附续表；2.填报单位为旗区公共资源交易中心、"
        "市直科室中心；3." + _DEADLINE,
        text,
    )
    return document


FORMS = (
    Form("individual.docx", build_individual),
    Form("department.docx", build_department),
    Form("clues.docx", build_clues),
    Form("ledger.docx", build_ledger),
)
