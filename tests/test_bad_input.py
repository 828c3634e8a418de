"""Each file of the bad-input catalogue (tests/bad) gets its exact message."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docxread import text_in_order

from riskdocs import DataError, load_filing, render_paths
from riskdocs.cli import main
from riskdocs.models import DepartmentForm

BAD = Path(__file__).resolve().parent / "bad"
CASES = sorted(
    path.relative_to(BAD)
    for path in BAD.rglob("*.yaml")
    if path.name != "campaign.yaml"
)


def expected_lines(case: Path) -> list[str]:
    text = (BAD / case).with_suffix(".expected").read_text(encoding="utf-8")
    return text.splitlines()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_file_reports_the_expected_messages(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    expected = expected_lines(case)

    result = CliRunner().invoke(main, ["validate", str(case)])

    reported = [
        line for line in result.stderr.splitlines() if not line.startswith("riskdocs:")
    ]
    assert reported == expected
    has_errors = any(": warning: " not in line for line in expected)
    assert result.exit_code == (1 if has_errors else 0)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_file_never_leaves_a_docx_word_cannot_open(
    case: Path, tmp_path: Path
) -> None:
    has_errors = any(": warning: " not in line for line in expected_lines(case))

    report = render_paths([BAD / case], tmp_path)

    written = list(tmp_path.rglob("*.docx"))
    assert len(written) == (0 if has_errors else 1)
    assert bool(report.failed) == has_errors
    for path in written:
        docx.Document(str(path))


def test_every_case_has_an_expected_message() -> None:
    missing = [
        case for case in CASES if not (BAD / case).with_suffix(".expected").exists()
    ]

    assert missing == []


def test_all_errors_of_a_file_come_at_once_each_with_its_line() -> None:
    with pytest.raises(DataError) as raised:
        load_filing(BAD / "many-errors.yaml")

    places = [(p.line, p.field) for p in raised.value.problems]
    assert places == [
        (3, "filler"),
        (4, "filed_on"),
        (8, "risks[0].details"),
        (9, "risks[0].level"),
        (12, "risks[1].level"),
    ]


def test_level_error_names_the_label_and_the_value() -> None:
    with pytest.raises(DataError) as raised:
        load_filing(BAD / "level-out-of-range.yaml")

    (problem,) = raised.value.problems
    assert (problem.line, problem.column) == (6, 12)
    assert problem.label == "风险等级"
    assert problem.message == "must be 1–4, got 7"


def test_text_that_looks_like_other_types_stays_text(tmp_path: Path) -> None:
    (tmp_path / "campaign.yaml").write_text("filed_on: 2020-04-14\n", encoding="utf-8")
    path = tmp_path / "form.yaml"
    path.write_text("form: department\nunit: 0101\nduties: [yes, NO, 1.5]\n")

    form = load_filing(path).form

    assert isinstance(form, DepartmentForm)
    assert form.unit == "0101"
    assert form.duties == ["yes", "NO", "1.5"]


@pytest.mark.parametrize(
    "written", ["2020/4/14", "2020.4.14", "2020年4月14日", "2020年4月14号"]
)
def test_common_chinese_date_forms_are_read(tmp_path: Path, written: str) -> None:
    path = tmp_path / "form.yaml"
    path.write_text(f"form: clues\nunit: 专家管理科\nfiled_on: {written}\n")

    filing = load_filing(path)

    assert filing.filed_on.isoformat() == "2020-04-14"


def rendered_text(case: str, tmp_path: Path) -> str:
    report = render_paths([BAD / case], tmp_path)
    assert not report.failed
    return text_in_order(tmp_path / Path(case).with_suffix(".docx").name)


def test_markup_prints_as_typed(tmp_path: Path) -> None:
    text = rendered_text("markup.yaml", tmp_path)

    assert "A&B <专家管理科>" in text
    assert "费用 < 5 & 收益 > 3，\"引号\" '单引号'" in text
    assert "{{ unit }} {% if true %}不执行{% endif %} {# 注释 #}" in text
    assert "{%p for x in rows %}" in text


def test_control_characters_are_removed_and_the_rest_kept(tmp_path: Path) -> None:
    text = rendered_text("control-characters.yaml", tmp_path)

    assert "填报人员：冯玉岗" in text
    assert "岗位运行风险" in text
    assert "第一行第二行" in text


@pytest.mark.parametrize("case", ["utf8-bom.yaml", "utf16.yaml"])
def test_unicode_files_with_a_bom_are_read(case: str, tmp_path: Path) -> None:
    assert "填报人员：冯玉岗" in rendered_text(case, tmp_path)


def test_values_yaml_would_convert_print_as_typed(tmp_path: Path) -> None:
    text = rendered_text("text-not-numbers.yaml", tmp_path)

    assert "0101" in text
    for typed in ["NO", "yes", "on", "1.50", "0x1F", "1e3"]:
        assert typed in text.splitlines()


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(
        "form: department\nunit: 科\nduties:\n" + "  - 很长的内容\n" * 100_000
    )

    with pytest.raises(
        DataError, match=r"huge\.yaml:1:1: the file is [\d,]+ bytes, more"
    ):
        load_filing(path)


def test_an_output_folder_that_cannot_be_written_fails_before_any_work(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    result = CliRunner().invoke(
        main, ["render", str(BAD / "markup.yaml"), "-o", str(blocker / "out")]
    )

    assert result.exit_code == 1
    assert result.stderr.count("riskdocs:") == 1
    assert "cannot write into this folder" in result.stderr


def test_output_names_come_from_paths_never_from_values(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "campaign.yaml").write_text("filed_on: 2020-04-14\n")
    (folder / "f.yaml").write_text("form: individual\nfiler: ../../escape\n")
    output = tmp_path / "out"

    render_paths([folder], output)

    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert everything == ["in", "in/campaign.yaml", "in/f.yaml", "out", "out/f.docx"]


def test_summary_names_every_failed_file(tmp_path: Path) -> None:
    cases = [BAD / "empty.yaml", BAD / "markup.yaml", BAD / "unknown-key.yaml"]

    result = CliRunner().invoke(main, ["render", *map(str, cases), "-o", str(tmp_path)])

    assert result.exit_code == 1
    summary = result.stderr.splitlines()[-1]
    assert summary == f"riskdocs: failed: {cases[0]}, {cases[2]}"
    assert (tmp_path / "markup.docx").is_file()


def test_form_written_as_a_list_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("form: [individual]\nfiler: 冯玉岗\n", encoding="utf-8")

    with pytest.raises(
        DataError, match=r"form \(表格\): must be one of .*, got a list"
    ):
        load_filing(path)


def test_campaign_yaml_given_by_name_is_not_a_form(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["validate", str(BAD / "campaign.yaml"), str(BAD / "markup.yaml")]
    )

    assert result.exit_code == 0, result.stderr
    assert "1 form valid" in result.stderr


def test_a_wrong_due_is_reported_once_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "form: ledger\nunit: 科\nfiled_on: 2020-03-11\n"
        "entries:\n  - {risk: 甲, due: [x, [y]]}\n",
        encoding="utf-8",
    )

    with pytest.raises(DataError) as raised:
        load_filing(path)

    (problem,) = raised.value.problems
    assert problem.field == "entries[0].due"
    assert problem.message.startswith("must be a date, or text or a list of texts")
