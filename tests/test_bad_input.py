"""Each file of the bad-input catalogue (tests/bad) gets its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from riskdocs import DataError, load_filing, validate_paths
from riskdocs.models import DepartmentForm

BAD = Path(__file__).resolve().parent / "bad"
CASES = sorted(
    path.relative_to(BAD)
    for path in BAD.rglob("*.yaml")
    if path.name != "campaign.yaml"
)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_file_reports_the_expected_message(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")

    report = validate_paths([case])

    assert [outcome.job.source for outcome in report.failed] == [case]
    assert f"{report.failed[0].error}\n" == expected


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
