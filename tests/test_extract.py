"""Filled forms read back into data: rendered samples, generated and typed forms."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_STEMS, SAMPLE_UNIT

from riskdocs import DataError, Renderer, load_filing, render_paths
from riskdocs.cli import main
from riskdocs.extracting import extract_files, extract_form
from riskdocs.models import CATEGORIES, Campaign, IndividualForm

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write_forms


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_rendered_sample_extracts_to_the_same_model(rendered: Path, stem: str) -> None:
    sample = load_filing(SAMPLE_UNIT / f"{stem}.yaml").form

    extracted = extract_form(rendered / f"{stem}.docx")

    assert extracted == sample


def test_generated_forms_round_trip(tmp_path: Path) -> None:
    forms = write_forms(tmp_path / "in", 12, seed=7)
    render_paths([tmp_path / "in"], tmp_path / "out")

    for path in forms:
        extracted = extract_form(tmp_path / "out" / f"{path.stem}.docx")

        filing = load_filing(path)
        assert isinstance(filing.form, IndividualForm)
        as_printed = filing.form.model_copy(
            update={
                "filed_on": filing.filed_on,
                "risks": sorted(
                    filing.form.risks, key=lambda r: CATEGORIES.index(r.category)
                ),
            }
        )
        assert extracted == as_printed, path.name


def test_extracted_yaml_loads_back_to_the_sample(
    rendered: Path, tmp_path: Path
) -> None:
    documents = [rendered / f"{stem}.docx" for stem in SAMPLE_STEMS]
    (tmp_path / "campaign.yaml").write_bytes(
        (SAMPLE_UNIT / "campaign.yaml").read_bytes()
    )

    report = extract_files(documents, tmp_path)

    assert not report.failed
    for stem in SAMPLE_STEMS:
        again = load_filing(tmp_path / f"{stem}.yaml").form
        assert again == load_filing(SAMPLE_UNIT / f"{stem}.yaml").form


def fill(cell: docx.table._Cell, *paragraphs: str) -> None:
    """Type into a cell as a person would: replace its text, a paragraph a line."""
    cell.paragraphs[0].text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def test_a_blank_form_typed_into_by_hand_is_read(tmp_path: Path) -> None:
    blank = tmp_path / "blank.docx"
    blank.write_bytes(Renderer().render_blank("individual", Campaign()))
    document = docx.Document(str(blank))
    line = next(p for p in document.paragraphs if "填报时间" in p.text)
    line.text = "填报人员：王  五\t填报时间：２０２０年 ４月１４日"
    table = document.tables[0]
    fill(table.cell(1, 1), "岗位运行风险")
    fill(table.cell(1, 2), "1.审核把关不严。", "2.工作作风漂浮。")
    fill(table.cell(1, 3), "3")
    fill(table.cell(4, 1), "效能风险")
    fill(table.cell(4, 3), "1")
    review = table.cell(6, 0)
    review.paragraphs[1].text = "同意。"
    review.paragraphs[-1].text = "部门负责人审核签字：\t时间：2020年4月16日"
    typed = tmp_path / "typed.docx"
    document.save(str(typed))

    form = extract_form(typed)

    assert form == IndividualForm.model_validate(
        {
            "form": "individual",
            "filer": "王  五",
            "filed_on": "2020-04-14",
            "risks": [
                {
                    "category": "权力运行",
                    "name": "岗位运行风险",
                    "details": ["1.审核把关不严。", "2.工作作风漂浮。"],
                    "level": 3,
                },
                {"category": "作风效能", "name": "效能风险", "level": 1},
            ],
            "review": {"opinion": ["同意。"], "signed_on": "2020-04-16"},
        }
    )


def test_a_wrong_value_typed_in_names_its_row_and_cell(
    rendered: Path, tmp_path: Path
) -> None:
    document = docx.Document(str(rendered / "附件一-李婷.docx"))
    fill(document.tables[0].cell(3, 3), "高")
    typed = tmp_path / "李婷.docx"
    document.save(str(typed))

    with pytest.raises(DataError) as raised:
        extract_form(typed)

    assert str(raised.value) == (
        f"{typed}:4:4: risks[2].level (风险等级): must be a whole number, got '高'"
    )


def test_a_document_that_is_no_form_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("关于开展廉政风险点排查的通知")
    document.save(str(other))

    report = extract_files([other], tmp_path / "out")

    (failed,) = report.failed
    assert "letter.docx:1:1: is not one of the four forms" in str(failed.error)
    assert not (tmp_path / "out" / "letter.yaml").exists()


def test_extract_command_writes_yaml_and_reports(
    rendered: Path, tmp_path: Path
) -> None:
    documents = [str(rendered / f"{stem}.docx") for stem in SAMPLE_STEMS]

    result = CliRunner().invoke(main, ["extract", *documents, "-o", str(tmp_path)])

    assert result.exit_code == 0, result.stderr
    assert "6 forms extracted" in result.stderr
    written = sorted(path.stem for path in tmp_path.glob("*.yaml"))
    assert written == sorted(SAMPLE_STEMS)
    first_line = (tmp_path / "附件四-专家管理科.yaml").read_text(encoding="utf-8")
    assert first_line.startswith("# Extracted by riskdocs from 附件四-专家管理科.docx.")
