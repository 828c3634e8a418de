"""PDF output through LibreOffice: one page per form, the right faces, one start."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_STEMS, SAMPLE_UNIT, SAMPLES
from pypdf import PdfReader

from riskdocs.cli import main
from riskdocs.models import FORM_KINDS
from riskdocs.pdf import convert_to_pdf

HAS_SOFFICE = shutil.which("soffice") is not None
needs_soffice = pytest.mark.skipif(
    not HAS_SOFFICE and not os.environ.get("CI"),
    reason="soffice (LibreOffice) is not installed; the PDF tests need it"
    " (apt-get install libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai)",
)
A4 = (595.3, 841.9)
LANDSCAPE_STEMS = {"附件三-专家管理科", "附件四-专家管理科"}


@pytest.fixture(scope="module")
def pdfs(rendered: Path) -> dict[str, Path]:
    """Convert the rendered samples once, in one batch."""
    documents = [rendered / f"{stem}.docx" for stem in SAMPLE_STEMS]
    return {path.stem: path for path in convert_to_pdf(documents)}


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [
        (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))
        for page in PdfReader(path).pages
    ]


def font_names(path: Path) -> set[str]:
    """Return the base font names a PDF's pages use, without subset prefixes."""
    names = set()
    for page in PdfReader(path).pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources.get("/Font", {})
        for font in fonts.values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(name.split("+", 1)[-1])

    return names


@needs_soffice
@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_sample_is_one_a4_page_in_its_orientation(
    pdfs: dict[str, Path], stem: str
) -> None:
    sizes = page_sizes(pdfs[stem])

    expected = A4[::-1] if stem in LANDSCAPE_STEMS else A4
    assert sizes == [pytest.approx(expected, abs=1)]


@needs_soffice
def test_pdf_uses_a_serif_body_a_distinct_title_and_no_dejavu(
    pdfs: dict[str, Path],
) -> None:
    names = font_names(pdfs["附件一-冯玉岗"])

    serif = {name for name in names if "Serif" in name and "CJK" in name}
    assert any(name.endswith("-Regular") or "Regular" in name for name in serif)
    assert any("Bold" in name for name in serif), "the title has its own face"
    assert any("Sans" in name and "CJK" in name for name in names), "黑体 label"
    assert not any("DejaVu" in name for name in names)


@needs_soffice
def test_combine_joins_every_form_in_input_order(tmp_path: Path) -> None:
    combined = tmp_path / "all.pdf"

    result = CliRunner().invoke(
        main,
        [
            "render",
            str(SAMPLES),
            "-o",
            str(tmp_path / "out"),
            "--combine",
            str(combined),
        ],
    )

    assert result.exit_code == 0, result.stderr
    singles = sorted((tmp_path / "out").rglob("*.pdf"))
    assert len(singles) == 6
    total = sum(len(PdfReader(path).pages) for path in singles)
    assert len(PdfReader(combined).pages) == total
    first_page_text = PdfReader(combined).pages[0].extract_text()
    assert "冯玉岗" in first_page_text


@needs_soffice
@pytest.mark.parametrize("kind", FORM_KINDS)
def test_blank_form_renders_converts_and_fits_one_page(
    tmp_path: Path, kind: str
) -> None:
    target = tmp_path / f"{kind}.docx"

    result = CliRunner().invoke(
        main,
        [
            "blank",
            kind,
            "-o",
            str(target),
            "--pdf",
            "--campaign",
            str(SAMPLE_UNIT / "campaign.yaml"),
        ],
    )

    assert result.exit_code == 0, result.stderr
    assert len(page_sizes(target.with_suffix(".pdf"))) == 1


@pytest.fixture
def soffice_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record each LibreOffice start while letting it run."""
    calls: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(command: list[str], **options: Any) -> Any:
        calls.append(command)
        return real_run(command, **options)

    monkeypatch.setattr(subprocess, "run", recording_run)
    return calls


@needs_soffice
def test_a_batch_of_twenty_starts_libreoffice_once(
    rendered: Path, tmp_path: Path, soffice_calls: list[list[str]]
) -> None:
    documents = []
    for number in range(20):
        folder = tmp_path / f"unit{number}"
        folder.mkdir()
        documents.append(Path(shutil.copy(rendered / "附件一-李婷.docx", folder)))

    made = convert_to_pdf(documents)

    assert len(soffice_calls) == 1
    assert made == [path.with_suffix(".pdf") for path in documents]
    assert all(len(PdfReader(path).pages) == 1 for path in made)


def test_missing_libreoffice_is_reported_and_docx_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)

    result = CliRunner().invoke(
        main,
        ["render", str(SAMPLE_UNIT / "附件一-李婷.yaml"), "-o", str(tmp_path), "--pdf"],
    )

    assert result.exit_code == 1
    assert "LibreOffice (soffice) is not installed" in result.stderr
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert (tmp_path / "附件一-李婷.docx").is_file()
