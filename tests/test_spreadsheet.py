"""Spreadsheets: the empty workbook, the round trip of the samples, cell errors."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import SAMPLE_STEMS, SAMPLE_UNIT

from riskdocs import Filing, load_filing
from riskdocs.cli import main
from riskdocs.models import FORM_LABELS, FormKind, IndividualForm
from riskdocs.sheets import LAYOUTS, form_rows

HEADERS: dict[FormKind, list[str]] = {
    "individual": [
        "填报人员",
        "填报时间",
        "风险类别",
        "风险点名称",
        "主要内容及表现形式",
        "风险等级",
        "部门负责人审核意见",
        "审核时间",
    ],
    "department": [
        "填报单位",
        "填报时间",
        "职能职责",
        "风险类别",
        "风险点名称",
        "主要内容及表现形式",
    ],
    "clues": [
        "填报单位",
        "填报时间",
        "问题类型",
        "姓名",
        "所在单位（部门）",
        "职务",
        "级别",
        "问题线索主要内容",
        "问题线索来源方式",
        "查办单位",
        "查办负责人",
        "处置情况",
    ],
    "ledger": [
        "填报单位",
        "填报时间",
        "风险点名称",
        "主要内容及表现形式",
        "整改措施",
        "完成情况",
        "完成时限",
        "责任单位（处室）",
        "责任人",
        "分管领导",
        "备注",
    ],
}
CATEGORY_LIST = '"权力运行,制度机制,外部环境,作风效能,其他"'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def empty_workbook(runner: CliRunner, folder: Path, *kinds: str) -> Path:
    """Write an empty workbook with `riskdocs sheet`; return its path."""
    path = folder / "填报.xlsx"
    result = runner.invoke(main, ["sheet", *kinds, "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def fill(path: Path, rows_by_sheet: dict[str, list[list[Any]]]) -> None:
    """Append rows below the headers of the named sheets, as a person would."""
    workbook = openpyxl.load_workbook(path)
    for sheet, rows in rows_by_sheet.items():
        for row in rows:
            workbook[sheet].append(row)
    workbook.save(path)


def individual_workbook(runner: CliRunner, folder: Path, rows: list[list[Any]]) -> Path:
    path = empty_workbook(runner, folder, "individual")
    fill(path, {"附件一": rows})
    return path


def risk(filer: str, category: str, level: Any = 1, **cells: Any) -> list[Any]:
    """Make a row of 附件一: one risk of one person."""
    row = [filer, None, category, f"{category}风险", None, level, None, None]
    for index, value in cells.items():
        row["ABCDEFGH".index(index)] = value
    return row


def import_into(runner: CliRunner, workbook: Path, output: Path) -> Result:
    return runner.invoke(main, ["import", str(workbook), "-o", str(output)])


def problems(result: Result) -> list[str]:
    """Return the lines of stderr that name a cell or the workbook."""
    return result.stderr.splitlines()[:-1]


def on_first_row_only(filing: Filing, rows: list[list[Any]]) -> list[list[Any]]:
    """Clear the form's own values below its first row, but for its name."""
    columns = LAYOUTS[filing.kind].columns[1:]
    cleared = [
        [
            row[0],
            *(None if c.per_form else v for c, v in zip(columns, row[1:], strict=True)),
        ]
        for row in rows[1:]
    ]
    return rows[:1] + cleared


def individual_form(path: Path) -> IndividualForm:
    """Load an imported 附件一, with the sample campaign beside it."""
    shutil.copy(SAMPLE_UNIT / "campaign.yaml", path.parent)
    form = load_filing(path).form
    assert isinstance(form, IndividualForm)
    return form


def samples() -> list[Filing]:
    return [load_filing(SAMPLE_UNIT / f"{stem}.yaml") for stem in SAMPLE_STEMS]


@pytest.mark.parametrize("kind", HEADERS)
def test_sheet_heads_the_columns_with_the_labels_on_the_form(
    runner: CliRunner, tmp_path: Path, kind: FormKind
) -> None:
    path = empty_workbook(runner, tmp_path, kind)

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [FORM_LABELS[kind], "说明"]
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS[kind]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.max_row == 1


def test_sheet_offers_drop_down_lists_for_category_and_level(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = empty_workbook(runner, tmp_path, "individual", "department")

    workbook = openpyxl.load_workbook(path)
    lists = {
        name: {
            str(rule.sqref): rule.formula1
            for rule in workbook[name].data_validations.dataValidation
        }
        for name in ("附件一", "附件二")
    }
    assert lists == {
        "附件一": {"C2:C1000": CATEGORY_LIST, "F2:F1000": '"1,2,3,4"'},
        "附件二": {"D2:D1000": CATEGORY_LIST},
    }
    rule = workbook["附件一"].data_validations.dataValidation[1]
    assert rule.showErrorMessage
    assert rule.error == (
        "请从下拉列表中选择：1、2、3、4。 风险等级 must be one of 1, 2, 3, 4."
    )


def test_sheet_explains_each_column_on_the_help_sheet(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = empty_workbook(runner, tmp_path, "individual", "ledger")

    rows = list(openpyxl.load_workbook(path)["说明"].iter_rows(values_only=True))

    assert rows[0] == ("工作表", "列", "表头", "YAML 键", "必填", "填写内容", "示例")
    columns = [row for row in rows[1:] if row[1] is not None]
    assert [row[2] for row in columns] == HEADERS["individual"] + HEADERS["ledger"]
    assert columns[5] == (
        "附件一",
        "F",
        "风险等级",
        "risks[].level",
        "是",
        "风险点 › 风险等级。按“四种形态”从下拉列表中选择 1–4。",
        "1",
    )
    assert columns[1][3:5] == ("filed_on", "否")
    assert columns[15][2:5] == ("责任单位（处室）", "entries[].owner.unit", "否")


@pytest.mark.parametrize("repeated", [True, False], ids=["repeated", "first-row"])
def test_samples_round_trip_through_a_workbook(
    runner: CliRunner, tmp_path: Path, repeated: bool
) -> None:
    path = empty_workbook(runner, tmp_path, *HEADERS)
    originals = samples()
    rows_by_sheet: dict[str, list[list[Any]]] = {}
    for filing in originals:
        rows = form_rows(filing.form)
        if not repeated:
            rows = on_first_row_only(filing, rows)
        rows_by_sheet.setdefault(FORM_LABELS[filing.kind], []).extend(rows)
    fill(path, rows_by_sheet)
    output = tmp_path / "imported"

    result = import_into(runner, path, output)

    assert result.exit_code == 0, result.stderr
    assert f"6 forms imported from {path} into {output}" in result.stderr
    assert sorted(p.stem for p in output.iterdir()) == sorted(SAMPLE_STEMS)
    shutil.copy(SAMPLE_UNIT / "campaign.yaml", output)
    for original in originals:
        imported = load_filing(output / original.path.name)
        assert imported.form == original.form, original.path.name


def test_imported_file_says_where_it_came_from_and_reads_like_the_readme(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = individual_workbook(
        runner,
        tmp_path,
        [
            risk("李婷", "权力运行", 2, B=date(2020, 4, 14), G="同意"),
            risk("李婷", "作风效能", 1, H=date(2020, 4, 15)),
        ],
    )

    import_into(runner, path, tmp_path / "out")

    assert (tmp_path / "out" / "附件一-李婷.yaml").read_text(encoding="utf-8") == (
        "# Imported from 填报.xlsx sheet 附件一 by riskdocs import.\n"
        "form: individual\n"
        "filer: 李婷\n"
        "filed_on: 2020-04-14\n"
        "risks:\n"
        "- category: 权力运行\n"
        "  name: 权力运行风险\n"
        "  level: 2\n"
        "- category: 作风效能\n"
        "  name: 作风效能风险\n"
        "  level: 1\n"
        "review:\n"
        "  opinion: 同意\n"
        "  signed_on: 2020-04-15\n"
    )


def test_a_unit_without_clues_is_one_row_and_an_empty_list(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = empty_workbook(runner, tmp_path, "clues")
    fill(path, {"附件三": [["专家管理科", date(2020, 4, 14)]]})

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load((tmp_path / "out" / "附件三-专家管理科.yaml").read_text())
    assert data == {
        "form": "clues",
        "unit": "专家管理科",
        "filed_on": date(2020, 4, 14),
        "clues": [],
    }


def test_a_level_that_is_not_a_number_names_its_cell(
    runner: CliRunner, tmp_path: Path
) -> None:
    categories = ["权力运行", "制度机制", "外部环境", "作风效能"]
    rows = [risk("冯玉岗", category) for category in categories]
    rows += [risk("李婷", "权力运行"), risk("李婷", "制度机制", "高")]
    path = individual_workbook(runner, tmp_path, rows)

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 1
    assert problems(result) == [
        "附件一!F7: risks[1].level (风险等级): must be a whole number, got '高'"
    ]
    assert result.stderr.splitlines()[-1] == (
        f"riskdocs: {path}: 1 cell problem, no file written; correct the cells"
        " named above and import again"
    )
    assert not (tmp_path / "out").exists()


def test_every_wrong_cell_of_every_sheet_is_reported_at_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = empty_workbook(runner, tmp_path, "individual", "ledger")
    fill(
        path,
        {
            "附件一": [
                risk("冯玉岗", "廉政"),
                risk("冯玉岗", "制度机制", 5, B="四月十四日"),
                risk("冯玉岗", "权力运行", D=None),
                risk("李婷", "权力运行"),
                risk("李婷", "权力运行"),
            ],
            "附件四": [["专家管理科", None, None, "没有写风险点名称"]],
        },
    )

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 1
    assert problems(result) == [
        "附件一!C2: risks[0].category (风险类别): must be one of 权力运行, 制度机制,"
        " 外部环境, 作风效能, 其他; got '廉政'",
        "附件一!B3: filed_on (填报时间): must be a date written like 2020-04-14,"
        " got '四月十四日'",
        "附件一!F3: risks[1].level (风险等级): must be 1–4, got 5",
        "附件一!D4: risks[2].name (风险点名称): is missing; this field is"
        " required, add it",
        "附件一!C6: risks[1].category (风险类别): 权力运行 is given twice (also at"
        " risks[0]); each category has one row on the form, so put both in one"
        " entry",
        "附件四!C2: entries[0].risk (风险点名称): is missing; this field is"
        " required, add it",
    ]
    assert "6 cell problems, no file written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_different_form_values_in_one_group_name_both_cells(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = individual_workbook(
        runner,
        tmp_path,
        [
            risk("冯玉岗", "权力运行", B=date(2020, 4, 14)),
            risk("李婷", "权力运行", B=date(2020, 4, 20)),
            risk("冯玉岗", "制度机制"),
            risk("冯玉岗", "外部环境", B=date(2020, 4, 15)),
        ],
    )

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 1
    assert problems(result) == [
        "附件一!B5: filed_on (填报时间): is 2020-04-15 here but 2020-04-14 in B2,"
        " on another row of the same form; give one value, or leave it empty below"
        " the form's first row"
    ]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["冯玉岗", " "],
            "附件一!A3: filer (填报人员): is empty; write it on every row, as the rows"
            " of one form are grouped by it (unmerge merged cells and fill each one)",
        ),
        (
            ["李 婷", "李/婷"],
            "附件一!A3: filer (填报人员): makes the file name 附件一-李_婷.yaml, as"
            " '李 婷' in A2 does, since a file name keeps only letters and digits;"
            " make the names differ in letters or digits",
        ),
    ],
    ids=["empty", "same-file-name"],
)
def test_each_row_needs_a_name_that_makes_its_own_file_name(
    runner: CliRunner, tmp_path: Path, names: list[str], expected: str
) -> None:
    rows = [risk(name, "权力运行") for name in names]
    path = individual_workbook(runner, tmp_path, rows)

    result = import_into(runner, path, tmp_path / "out")

    assert problems(result) == [expected]


def test_an_unknown_header_is_an_error_with_the_near_label(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = individual_workbook(runner, tmp_path, [risk("冯玉岗", "权力运行")])
    workbook = openpyxl.load_workbook(path)
    workbook["附件一"]["F1"] = "风险等极"
    workbook["附件一"]["I2"] = "备注"
    workbook.save(path)

    result = import_into(runner, path, tmp_path / "out")

    assert problems(result) == [
        "附件一!F1: 风险等极 is not a column of 附件一 (did you mean 风险等级?); the"
        " columns are 填报人员, 填报时间, 风险类别, 风险点名称, 主要内容及表现形式,"
        " 风险等级, 部门负责人审核意见, 审核时间. Rename or remove it",
        "附件一!2:2: risks[0].level (风险等级): is missing; this field is required,"
        " add it",
        "附件一!I2: holds a value in a column without a header; clear it",
    ]


def test_a_workbook_without_data_sheets_says_which_names_it_expects(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "名单.xlsx"
    workbook = openpyxl.Workbook()
    workbook.worksheets[0]["A1"] = "填报人员"
    workbook.save(path)

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 1
    assert result.stderr == (
        f"riskdocs: {path}: has no sheet named 附件一, 附件二, 附件三, 附件四; name"
        " each sheet of data after its form, as `riskdocs sheet` does\n"
    )


def test_a_file_that_is_not_a_workbook_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "填报.xlsx"
    path.write_text("填报人员,风险类别\n冯玉岗,权力运行\n", encoding="utf-8")

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 1
    assert result.stderr == (
        f"riskdocs: {path}: is not an Excel workbook (.xlsx), or it is damaged"
        " (File is not a zip file); open it in Excel or WPS and save it as .xlsx\n"
    )


def test_an_empty_workbook_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    path = empty_workbook(runner, tmp_path, "individual")

    result = import_into(runner, path, tmp_path / "out")

    assert result.exit_code == 1
    assert "the sheets hold no data; fill the rows below the headers" in result.stderr


def test_a_cell_with_line_breaks_becomes_paragraphs(
    runner: CliRunner, tmp_path: Path
) -> None:
    details = "1.第一段\n\n2.第二段\r\n3.第三段_x000B_4.第四段_x000D_\n"
    path = individual_workbook(
        runner, tmp_path, [risk("李婷", "权力运行", E=details, G="同意")]
    )
    output = tmp_path / "out"

    import_into(runner, path, output)

    form = individual_form(output / "附件一-李婷.yaml")
    assert form.risks[0].details == ["1.第一段", "2.第二段", "3.第三段", "4.第四段"]
    assert form.review.opinion == ["同意"]
    text = (output / "附件一-李婷.yaml").read_text(encoding="utf-8")
    assert "  details:\n  - 1.第一段\n  - 2.第二段\n" in text
    assert "  opinion: 同意\n" in text


def test_text_that_looks_like_a_number_or_boolean_stays_text(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = empty_workbook(runner, tmp_path, "individual", "ledger")
    fill(
        path,
        {
            "附件一": [risk("李婷", "权力运行", 2.0, D="NO", E="0101")],
            "附件四": [
                [
                    *("专家管理科", date(2020, 3, 11), "101", None, None, None),
                    *(date(2020, 6, 30), None, None, None, date(2020, 7, 1)),
                ],
                ["专家管理科", None, 1.5, None, None, True, "长期坚持", 101],
            ],
        },
    )
    output = tmp_path / "out"

    result = import_into(runner, path, output)

    assert result.exit_code == 0, result.stderr
    individual = yaml.safe_load((output / "附件一-李婷.yaml").read_text())
    assert individual["risks"][0] == {
        "category": "权力运行",
        "name": "NO",
        "details": "0101",
        "level": 2,
    }
    ledger = yaml.safe_load((output / "附件四-专家管理科.yaml").read_text())
    assert ledger["entries"] == [
        {"risk": "101", "due": date(2020, 6, 30), "remark": "2020-07-01"},
        {
            "risk": "1.5",
            "status": "TRUE",
            "due": "长期坚持",
            "owner": {"unit": "101"},
        },
    ]


def test_file_names_keep_only_letters_and_digits(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = individual_workbook(
        runner, tmp_path, [risk("../李 婷", "权力运行", B=date(2020, 4, 14))]
    )
    output = tmp_path / "out"

    result = import_into(runner, path, output)

    assert result.exit_code == 0, result.stderr
    assert [p.name for p in output.iterdir()] == ["附件一-___李_婷.yaml"]
    assert individual_form(output / "附件一-___李_婷.yaml").filer == "../李 婷"


@pytest.mark.parametrize(
    "arguments",
    [
        ["sheet", "individual", "-o", "填报.docx"],
        ["sheet", "nonsense", "-o", "填报.xlsx"],
        ["sheet", "-o", "填报.xlsx"],
        ["import", "no-such-workbook.xlsx", "-o", "out"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, arguments: list[str]) -> None:
    result = runner.invoke(main, arguments)

    assert result.exit_code == 2
    assert result.stderr.strip() != ""


@pytest.mark.parametrize("command", ["sheet", "import"])
def test_both_commands_have_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])

    assert result.exit_code == 0
    docstring = main.commands[command].help or ""
    assert docstring.split("\n")[0] in result.stdout
