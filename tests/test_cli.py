"""The riskdocs command: output paths, exit status, reports on stderr, help."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_STEMS, SAMPLES
from docxread import table_rows, text_in_order

from riskdocs.cli import main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_render_mirrors_the_sample_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["render", str(SAMPLES), "-o", str(tmp_path)])

    assert result.exit_code == 0, result.stderr
    written = sorted(
        p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx")
    )
    assert written == sorted(f"2020-专家管理科/{stem}.docx" for stem in SAMPLE_STEMS)
    assert "6 forms written" in result.stderr
    assert result.stdout == ""


def test_render_one_file_to_a_named_docx(
    runner: CliRunner, unit: Path, tmp_path: Path
) -> None:
    target = tmp_path / "a" / "form.docx"

    result = runner.invoke(
        main, ["render", str(unit / "附件一-李婷.yaml"), "-o", str(target)]
    )

    assert result.exit_code == 0, result.stderr
    assert "填报人员：李婷" in text_in_order(target)


def test_render_a_file_into_a_folder_uses_its_name(
    runner: CliRunner, unit: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        main, ["render", str(unit / "附件一-李婷.yaml"), "-o", str(tmp_path)]
    )

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "附件一-李婷.docx").is_file()


def test_a_bad_file_fails_alone_and_the_batch_goes_on(
    runner: CliRunner, unit: Path, tmp_path: Path
) -> None:
    bad = unit / "附件一-李婷.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("level: 2", "level: 7", 1))
    output = tmp_path / "out"

    result = runner.invoke(main, ["render", str(unit), "-o", str(output)])

    assert result.exit_code == 1
    assert "附件一-李婷.yaml:" in result.stderr
    assert "(风险等级): must be 1–4, got 7" in result.stderr
    assert not (output / "附件一-李婷.docx").exists()
    assert len(list(output.glob("*.docx"))) == 5
    assert "5 forms written" in result.stderr
    assert "1 failed" in result.stderr


def test_validate_reports_every_problem_and_exits_1(runner: CliRunner) -> None:
    bad = Path(__file__).resolve().parent / "bad" / "many-errors.yaml"

    result = runner.invoke(main, ["validate", str(bad)])

    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "many-errors.yaml:" in line]
    assert len(lines) == 5


def test_validate_samples_is_clean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(SAMPLES)])

    assert result.exit_code == 0, result.stderr
    assert "6 forms valid, 0 with errors" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["render", "no-such-folder", "-o", "out"],
        ["render", str(SAMPLES), "-o", "one.docx"],
        ["render", str(SAMPLES), "-o", "out", "--template", "nonsense"],
        ["render", str(SAMPLES)],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, arguments: list[str]) -> None:
    result = runner.invoke(main, arguments)

    assert result.exit_code == 2
    assert result.stderr.strip() != ""


def test_two_inputs_claiming_one_output_is_a_usage_error(
    runner: CliRunner, unit: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "附件一-李婷.yml").write_text("form: individual\nfiler: 李婷\n")

    result = runner.invoke(
        main,
        [
            "render",
            str(unit / "附件一-李婷.yaml"),
            str(other / "附件一-李婷.yml"),
            "-o",
            str(tmp_path / "o"),
        ],
    )

    assert result.exit_code == 2
    assert "would both be written" in result.stderr


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])

    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    docstring = main.commands[command].help or ""
    assert docstring.split("\n")[0] in result.stdout


def test_rerun_keeps_unchanged_files_but_touches_them(
    runner: CliRunner, unit: Path, tmp_path: Path
) -> None:
    arguments = ["render", str(unit), "-o", str(tmp_path)]
    runner.invoke(main, arguments)
    target = tmp_path / "附件一-李婷.docx"
    before = target.read_bytes()
    os.utime(target, (0, 0))

    result = runner.invoke(main, arguments)

    assert result.exit_code == 0, result.stderr
    assert "(6 unchanged)" in result.stderr
    assert target.read_bytes() == before
    assert target.stat().st_mtime > 0


@pytest.mark.parametrize(
    ("kind", "label", "rows"),
    [("individual", "附件一", 7), ("department", "附件二", 7), ("clues", "附件三", 9)],
)
def test_blank_form_keeps_labels_notes_and_empty_rows(
    runner: CliRunner, tmp_path: Path, kind: str, label: str, rows: int
) -> None:
    target = tmp_path / "blank.docx"
    campaign = SAMPLES / "2020-专家管理科" / "campaign.yaml"

    result = runner.invoke(
        main, ["blank", kind, "-o", str(target), "--campaign", str(campaign)]
    )

    assert result.exit_code == 0, result.stderr
    text = text_in_order(target)
    assert text.startswith(label)
    assert "全市公共资源交易系统廉政风险点排查及防控工作" in text
    assert "3月20日前上报市公管办机关党委" in text
    assert "无" not in text
    assert "年" in text.split("填报时间：")[1].splitlines()[0]
    assert len(table_rows(target)) == rows


def test_blank_ledger_uses_the_campaign_deadline_from_the_current_folder(
    runner: CliRunner, unit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(unit)

    result = runner.invoke(main, ["blank", "ledger", "-o", "台账.docx"])

    assert result.exit_code == 0, result.stderr
    assert "8月30日前上报" in text_in_order(unit / "台账.docx")


def test_a_bad_campaign_is_reported_once_for_all_its_forms(
    runner: CliRunner, unit: Path
) -> None:
    campaign = unit / "campaign.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8") + "titel: 错字\n")

    result = runner.invoke(main, ["validate", str(unit)])

    assert result.exit_code == 1
    assert result.stderr.count("titel: is not a known key") == 1
    assert "0 forms valid, 6 with errors" in result.stderr
