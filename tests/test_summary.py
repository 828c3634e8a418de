"""The unit summary and the checks across forms, on the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_UNIT
from openpyxl import load_workbook

from riskdocs import load_filing
from riskdocs.cli import main
from riskdocs.crosschecks import cross_form_warnings, point_name
from riskdocs.summary import summarize, summary_table, write_workbook

ROSTER = """
filed_on: 2020-04-14
deadlines:
  individual: 2020-03-20
roster:
  - section: 专家管理科
    people: [冯玉岗, 邵孝辉, 李婷, 王五]
  - section: 信息科
    people: [赵六]
"""


@pytest.fixture
def rostered(unit: Path) -> Path:
    """The sample unit with a roster of four people, and a second section."""
    (unit / "campaign.yaml").write_text(ROSTER, encoding="utf-8")
    return unit


def test_summary_names_who_has_not_filed_and_what_is_missing(rostered: Path) -> None:
    summary = summarize([rostered])

    expert, information = summary.sections
    assert expert.section == "专家管理科"
    assert expert.missing_people == ["王五"]
    assert expert.missing_forms == []
    assert information.missing_people == ["赵六"]
    assert information.missing_forms == ["附件二", "附件三", "附件四"]


def test_summary_counts_risk_points_by_category_and_level(rostered: Path) -> None:
    (expert, information) = summarize([rostered]).sections

    assert expert.count() == 12
    assert [expert.count(level=level) for level in (1, 2, 3, 4)] == [6, 6, 0, 0]
    assert {
        category: (expert.count(category, 1), expert.count(category, 2))
        for category in ("权力运行", "制度机制", "外部环境", "作风效能", "其他")
    } == {
        "权力运行": (1, 2),
        "制度机制": (2, 1),
        "外部环境": (0, 3),
        "作风效能": (3, 0),
        "其他": (0, 0),
    }
    assert information.count() == 0


def test_summary_lists_every_risk_at_the_highest_level(rostered: Path) -> None:
    summary = summarize([rostered])

    assert summary.highest_level == 2
    assert sorted((r.filer, r.category) for r in summary.highest_risks) == [
        ("冯玉岗", "制度机制"),
        ("冯玉岗", "外部环境"),
        ("李婷", "外部环境"),
        ("李婷", "权力运行"),
        ("邵孝辉", "外部环境"),
        ("邵孝辉", "权力运行"),
    ]


def test_summary_table_and_workbook_say_the_same(
    rostered: Path, tmp_path: Path
) -> None:
    summary = summarize([rostered])
    target = tmp_path / "summary.xlsx"

    text = summary_table(summary)
    write_workbook(summary, target)

    sections = load_workbook(target)["按科室"]
    rows = [[cell.value for cell in row] for row in sections.iter_rows()]
    assert rows[1] == ["专家管理科", "4", "3", "王五", "—", "12", "6", "6", "0", "0"]
    assert "专家管理科  4     3           王五" in text
    warnings = load_workbook(target)["警告与错误"]
    assert warnings.max_row == 1 + 4


def test_filers_not_on_the_roster_are_summed_up_apart(unit: Path) -> None:
    (unit / "campaign.yaml").write_text("filed_on: 2020-04-14\n", encoding="utf-8")

    summary = summarize([unit])

    (unlisted, expert) = sorted(summary.sections, key=lambda s: s.section)
    assert unlisted.section == "专家管理科"
    assert expert.section == "（花名册外）"
    assert sorted(expert.filers) == ["冯玉岗", "李婷", "邵孝辉"]


def test_samples_warn_of_late_forms_and_a_ledger_point_not_in_the_department_form() -> (
    None
):
    filings = [load_filing(path) for path in sorted(SAMPLE_UNIT.glob("附件*.yaml"))]

    warnings = cross_form_warnings(filings)

    found = sorted(
        (path.name, p.line, p.field) for path, ps in warnings.items() for p in ps
    )
    assert found == [
        ("附件一-冯玉岗.yaml", 5, "filed_on"),
        ("附件一-李婷.yaml", 5, "filed_on"),
        ("附件一-邵孝辉.yaml", 5, "filed_on"),
        ("附件四-专家管理科.yaml", 31, "entries[3].risk"),
    ]
    ledger = warnings[SAMPLE_UNIT / "附件四-专家管理科.yaml"][0]
    assert (
        "«规章制度不落实风险。» is not among the 风险点 of 专家管理科's 附件二"
        in str(ledger)
    )
    assert all(p.warning for ps in warnings.values() for p in ps)


def test_no_deadline_check_against_the_built_in_2020_deadlines(unit: Path) -> None:
    (unit / "campaign.yaml").write_text("filed_on: 2021-03-01\n", encoding="utf-8")
    filings = [load_filing(path) for path in sorted(unit.glob("附件一*.yaml"))]

    warnings = cross_form_warnings(filings)

    assert not any(p.field == "filed_on" for ps in warnings.values() for p in ps)


def test_a_filer_with_two_forms_is_named(unit: Path) -> None:
    copy = unit / "附件一-冯玉岗-重复.yaml"
    copy.write_bytes((unit / "附件一-冯玉岗.yaml").read_bytes())
    filings = [load_filing(path) for path in sorted(unit.glob("附件一*.yaml"))]

    warnings = cross_form_warnings(filings)

    repeated = [p for ps in warnings.values() for p in ps if p.field == "filer"]
    assert len(repeated) == 1
    (original,) = {copy, unit / "附件一-冯玉岗.yaml"} - {repeated[0].path}
    assert repeated[0].message.startswith(f"冯玉岗 also filed a 附件一 in {original}")


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("1.评标专家抽取违规风险。", "评标专家抽取违规风险"),
        ("（二）济私风险；", "济私风险"),
        ("“各自为政”风险", "“各自为政”风险"),
    ],
)
def test_point_names_are_compared_without_numbering_or_stops(
    written: str, name: str
) -> None:
    assert point_name([written]) == name


def test_summary_command_prints_the_table_and_writes_the_workbook(
    rostered: Path, tmp_path: Path
) -> None:
    target = tmp_path / "summary.xlsx"

    result = CliRunner().invoke(main, ["summary", str(rostered), "-o", str(target)])

    assert result.exit_code == 0, result.stderr
    assert "王五" in result.stdout
    assert "最高风险等级的风险点" in result.stdout
    assert "is not among the 风险点" in result.stderr
    assert load_workbook(target).sheetnames == [
        "按科室",
        "按风险类别和风险等级",
        "最高风险等级的风险点",
        "警告与错误",
    ]
