"""Rendering: values print as typed, rows follow the form's order, output is stable."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import SAMPLE_UNIT
from docxread import table_rows, text_in_order

from riskdocs import Renderer, TemplateError, load_filing, render, render_file
from riskdocs.models import FormKind
from riskdocs.templating import builtin_template


def write_form(folder: Path, name: str, text: str) -> Path:
    """Write a form file beside a campaign that sets the date."""
    (folder / "campaign.yaml").write_text("filed_on: 2020-04-14\n", encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_values_prints_as_typed(tmp_path: Path) -> None:
    typed = "A&B <c> \"d\" 'e' {{ filer }} {% if x %}"
    path = write_form(
        tmp_path,
        "form.yaml",
        f"form: department\nunit: 专家管理科\nduties: |-\n  {typed}\n",
    )
    target = tmp_path / "form.docx"

    render_file(load_filing(path), target)

    document = docx.Document(str(target))
    cells = [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]
    assert typed in cells


def test_rendering_twice_gives_identical_bytes() -> None:
    filing = load_filing(SAMPLE_UNIT / "附件四-专家管理科.yaml")

    assert render(filing) == render(filing)


def test_zip_members_carry_a_fixed_time() -> None:
    data = render(load_filing(SAMPLE_UNIT / "附件二-专家管理科.yaml"))

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        times = {info.date_time for info in package.infolist()}

    assert times == {(1980, 1, 1, 0, 0, 0)}


def test_categories_print_in_the_form_order_with_empty_rows(tmp_path: Path) -> None:
    path = write_form(
        tmp_path,
        "form.yaml",
        "form: individual\nfiler: 张三\nrisks:\n"
        "  - {category: 作风效能, name: 甲, level: 3}\n"
        "  - {category: 权力运行, name: 乙, level: 1}\n",
    )
    target = tmp_path / "form.docx"

    render_file(load_filing(path), target)

    rows = table_rows(target)
    firsts = ["".join(row[0].paragraphs) for row in rows[1:6]]
    names = ["".join(row[1].paragraphs) for row in rows[1:6]]
    assert firsts == ["权力运行", "制度机制", "外部环境", "作风效能", "其他"]
    assert names == ["乙", "", "", "甲", ""]


def test_category_cells_print_on_two_lines(rendered: Path) -> None:
    rows = table_rows(rendered / "附件一-冯玉岗.docx")

    assert rows[1][0].paragraphs == ["权力", "运行"]
    assert rows[5][0].paragraphs == ["其他"]


def test_review_opinion_and_date_are_printed(tmp_path: Path) -> None:
    path = write_form(
        tmp_path,
        "form.yaml",
        "form: individual\nfiler: 张三\n"
        "review: {opinion: 同意, signed_on: 2020-04-15}\n",
    )
    target = tmp_path / "form.docx"

    render_file(load_filing(path), target)

    text = text_in_order(target)
    assert "同意" in text
    assert "2020年4月15日" in text


def test_clues_list_prints_none_and_seven_rows(rendered: Path) -> None:
    rows = table_rows(rendered / "附件三-专家管理科.docx")

    data_rows = rows[2:]
    assert len(data_rows) == 7
    assert data_rows[0][0].paragraphs == ["无"]
    assert all(len(row) == 10 for row in data_rows)


def test_clues_fill_their_rows_and_grow_past_seven(tmp_path: Path) -> None:
    clue = (
        "  - type: 违纪\n    subject: {name: 王五, unit: 专家管理科, position: 科员,"
        " rank: 科级}\n    summary: 收受礼品\n    source: 来信\n"
        "    handler: {unit: 机关纪委, lead: 赵六}\n    outcome: 查办中\n"
    )
    path = write_form(
        tmp_path, "f.yaml", "form: clues\nunit: 专家管理科\nclues:\n" + clue * 9
    )
    target = tmp_path / "f.docx"

    render_file(load_filing(path), target)

    data_rows = table_rows(target)[2:]
    assert len(data_rows) == 9
    assert ["".join(cell.paragraphs) for cell in data_rows[0]] == [
        "违纪",
        "王五",
        "专家管理科",
        "科员",
        "科级",
        "收受礼品",
        "来信",
        "机关纪委",
        "赵六",
        "查办中",
    ]


def test_ledger_numbers_rows_and_prints_a_due_date(tmp_path: Path) -> None:
    path = write_form(
        tmp_path,
        "f.yaml",
        "form: ledger\nunit: 专家管理科\nentries:\n"
        "  - {risk: 甲, due: 长期坚持}\n  - {risk: 乙, due: 2020-08-30}\n",
    )
    target = tmp_path / "f.docx"

    render_file(load_filing(path), target)

    rows = table_rows(target)[1:]
    assert [row[0].paragraphs for row in rows] == [["1"], ["2"]]
    assert [row[5].paragraphs for row in rows] == [["长期坚持"], ["2020年8月30日"]]


def test_owner_prints_unit_then_person(rendered: Path) -> None:
    rows = table_rows(rendered / "附件四-专家管理科.docx")

    owner = [text for text in rows[1][6].paragraphs if text.strip()]
    assert owner == ["专家管理科", "冯玉钢"]


def _template_with_paragraph(source: Path, target: Path, text: str) -> Path:
    document = docx.Document(str(source))
    document.add_paragraph(text)
    document.save(str(target))
    return target


SAMPLE_OF_KIND = {"individual": "附件一-李婷", "ledger": "附件四-专家管理科"}


def render_sample_with(kind: FormKind, template: Path) -> bytes:
    """Render the sample form of ``kind`` with ``template`` in place of its own."""
    filing = load_filing(SAMPLE_UNIT / f"{SAMPLE_OF_KIND[kind]}.yaml")
    return Renderer({kind: template}).render(filing)


def test_template_naming_an_unknown_variable_is_refused(tmp_path: Path) -> None:
    template = _template_with_paragraph(
        builtin_template("individual"), tmp_path / "mine.docx", "{{ filer_name }}"
    )

    with pytest.raises(TemplateError, match="filer_name"):
        render_sample_with("individual", template)


def test_template_naming_an_unknown_attribute_is_refused(tmp_path: Path) -> None:
    template = _template_with_paragraph(
        builtin_template("individual"), tmp_path / "mine.docx", "{{ review.opnion }}"
    )

    with pytest.raises(TemplateError, match="opnion"):
        render_sample_with("individual", template)


def test_campaign_may_name_its_own_template(unit: Path) -> None:
    _template_with_paragraph(
        builtin_template("individual"),
        unit / "my-individual.docx",
        "本单位自定义说明{{ filer }}",
    )
    campaign = unit / "campaign.yaml"
    campaign.write_text(
        campaign.read_text(encoding="utf-8")
        + "templates:\n  individual: my-individual.docx\n",
        encoding="utf-8",
    )
    target = unit / "out.docx"

    render_file(load_filing(unit / "附件一-李婷.yaml"), target)

    assert "本单位自定义说明李婷" in text_in_order(target)


def test_template_that_is_not_a_docx_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "notes.docx"
    template.write_text("not a document")

    with pytest.raises(
        TemplateError, match=r"notes\.docx: the template is not a \.docx"
    ):
        render_sample_with("ledger", template)


def test_template_syntax_error_names_the_template_and_place(tmp_path: Path) -> None:
    template = _template_with_paragraph(
        builtin_template("ledger"), tmp_path / "broken.docx", "坏的标签 {{ unit }"
    )

    with pytest.raises(
        TemplateError, match=r"broken\.docx: template syntax error near «.*坏的标签"
    ):
        render_sample_with("ledger", template)


def test_template_that_is_a_zip_but_no_word_document_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "archive.docx"
    with zipfile.ZipFile(template, "w") as package:
        package.writestr("hello.txt", "hi")

    with pytest.raises(
        TemplateError, match=r"archive\.docx: the template is not a readable"
    ):
        render_sample_with("ledger", template)


def test_truncated_template_is_refused(tmp_path: Path) -> None:
    data = builtin_template("ledger").read_bytes()
    template = tmp_path / "cut.docx"
    template.write_bytes(data[: len(data) // 2])

    with pytest.raises(TemplateError, match=r"cut\.docx: the template is not a \.docx"):
        render_sample_with("ledger", template)


def test_template_code_that_fails_is_a_template_error(tmp_path: Path) -> None:
    template = _template_with_paragraph(
        builtin_template("individual"), tmp_path / "div.docx", "{{ 1 / 0 }}"
    )

    with pytest.raises(
        TemplateError, match=r"div\.docx: the template failed .*ZeroDivisionError"
    ):
        render_sample_with("individual", template)
