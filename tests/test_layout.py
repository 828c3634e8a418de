"""The rendered forms keep the originals' page setup, fonts and merged cells."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docxread import NS, document_xml, fonts_of_text, page_setup, qualified, table_rows
from lxml import etree

PORTRAIT = {"width": 210.0, "height": 297.0, "top": 37.0, "bottom": 35.0, "left": 28.0}
LANDSCAPE = {"width": 297.0, "height": 210.0, "top": 28.0, "bottom": 26.0, "left": 37.0}
BODY_FONT = "仿宋_GB2312"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("附件一-冯玉岗", PORTRAIT),
        ("附件二-专家管理科", PORTRAIT),
        ("附件三-专家管理科", LANDSCAPE),
        ("附件四-专家管理科", LANDSCAPE),
    ],
)
def test_page_is_a4_with_official_margins(
    rendered: Path, stem: str, expected: dict[str, float]
) -> None:
    setup = page_setup(rendered / f"{stem}.docx")

    for key, value in expected.items():
        assert setup[key] == pytest.approx(value, abs=0.1), key
    assert setup["landscape"] == float(expected["width"] > expected["height"])
    type_area = (setup["width"] - setup["left"] - setup["right"]) * (
        setup["height"] - setup["top"] - setup["bottom"]
    )
    assert type_area == pytest.approx(156 * 225, rel=0.01)


@pytest.mark.parametrize(
    ("stem", "label"),
    [
        ("附件一-冯玉岗", "附件一"),
        ("附件二-专家管理科", "附件二"),
        ("附件三-专家管理科", "附件三"),
        ("附件四-专家管理科", "附件四"),
    ],
)
def test_label_title_and_body_fonts(rendered: Path, stem: str, label: str) -> None:
    path = rendered / f"{stem}.docx"

    assert fonts_of_text(path, label) == {("黑体", 16.0)}
    assert fonts_of_text(path, "全市公共资源交易系统") == {("方正小标宋简体", 22.0)}
    body = fonts_of_text(path, "填报") | fonts_of_text(path, "注：")
    assert {font for font, _ in body} == {BODY_FONT}
    assert all(size is not None and size >= 10.5 for _, size in body)


@pytest.mark.parametrize("stem", ["附件一-冯玉岗", "附件四-专家管理科"])
def test_every_run_names_its_east_asian_font(rendered: Path, stem: str) -> None:
    root = document_xml(rendered / f"{stem}.docx")
    runs = [run for run in root.iter(qualified("r")) if run.find("w:t", NS) is not None]

    unnamed = [
        run
        for run in runs
        if run.find("w:rPr/w:rFonts", NS) is None
        or run.find("w:rPr/w:rFonts", NS).get(qualified("eastAsia")) is None
    ]

    assert runs
    assert unnamed == []


def test_individual_review_row_spans_the_table(rendered: Path) -> None:
    rows = table_rows(rendered / "附件一-冯玉岗.docx")

    (review,) = rows[-1]
    assert review.span == 4
    assert review.paragraphs[0].startswith("部门负责人审核意见：")
    assert any("部门负责人审核签字：" in text for text in review.paragraphs)


def test_department_duties_row_spans_two_columns(rendered: Path) -> None:
    rows = table_rows(rendered / "附件二-专家管理科.docx")

    label, duties = rows[0]
    assert label.paragraphs == ["职能", "职责"]
    assert duties.span == 2
    assert duties.paragraphs[0].startswith("为各类公共资源交易活动")


def test_clues_header_merges_as_the_original(rendered: Path) -> None:
    top, bottom = table_rows(rendered / "附件三-专家管理科.docx")[:2]

    assert [("".join(c.paragraphs), c.span, c.vertical_merge) for c in top] == [
        ("问题类型", 1, "restart"),
        ("问题对象", 4, None),
        ("问题线索主要内容", 1, "restart"),
        ("问题线索来源方式", 1, "restart"),
        ("问题线索处置", 2, None),
        ("处置情况", 1, "restart"),
    ]
    assert ["".join(c.paragraphs) for c in bottom] == [
        "",
        "姓名",
        "所在单位（部门）",
        "职务",
        "级别",
        "",
        "",
        "查办单位",
        "查办负责人",
        "",
    ]
    merged = [c.vertical_merge for c in bottom]
    assert merged == [
        "continue",
        None,
        None,
        None,
        None,
        "continue",
        "continue",
        None,
        None,
        "continue",
    ]


@pytest.mark.parametrize(
    ("stem", "header"),
    [("附件一-冯玉岗", ["风险", "类别"]), ("附件三-专家管理科", ["问题", "类型"])],
)
def test_header_cells_print_on_two_lines_centred(
    rendered: Path, stem: str, header: list[str]
) -> None:
    cell = table_rows(rendered / f"{stem}.docx")[0][0]

    assert cell.paragraphs == header
    alignments = {
        p.find("w:pPr/w:jc", NS).get(qualified("val"))
        for p in cell.element.findall("w:p", NS)
    }
    assert alignments == {"center"}
    assert cell.element.find("w:tcPr/w:vAlign", NS).get(qualified("val")) == "center"


@pytest.mark.parametrize(
    "stem",
    ["附件一-冯玉岗", "附件二-专家管理科", "附件三-专家管理科", "附件四-专家管理科"],
)
def test_header_rows_repeat_on_a_new_page(rendered: Path, stem: str) -> None:
    first_row = document_xml(rendered / f"{stem}.docx").find(".//w:tbl/w:tr", NS)

    assert first_row.find("w:trPr/w:tblHeader", NS) is not None


@pytest.mark.parametrize(
    ("face", "alternative"),
    [("仿宋_GB2312", "仿宋"), ("方正小标宋简体", "宋体"), ("黑体", "SimHei")],
)
def test_font_table_names_what_word_may_use_instead(
    rendered: Path, face: str, alternative: str
) -> None:
    with zipfile.ZipFile(rendered / "附件一-冯玉岗.docx") as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))

    (font,) = [
        f for f in table.findall("w:font", NS) if f.get(qualified("name")) == face
    ]
    assert font.find("w:altName", NS).get(qualified("val")) == alternative
    assert font.find("w:charset", NS).get(qualified("val")) == "86"
