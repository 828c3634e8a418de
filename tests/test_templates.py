"""The committed templates are exactly what riskdocs/design builds."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from riskdocs.design import build_templates
from riskdocs.models import FORM_KINDS
from riskdocs.templating import read_template

TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    build_templates(folder)
    return folder


@pytest.mark.parametrize("kind", FORM_KINDS)
def test_committed_template_is_what_the_code_builds(built: Path, kind: str) -> None:
    committed = zipfile.ZipFile(TEMPLATES / f"{kind}.docx")
    fresh = zipfile.ZipFile(built / f"{kind}.docx")

    assert committed.namelist() == fresh.namelist()
    for name in fresh.namelist():
        assert committed.read(name) == fresh.read(name), f"{name}: run `make templates`"


def test_building_twice_gives_identical_bytes(built: Path, tmp_path: Path) -> None:
    again = build_templates(tmp_path)

    for path in again:
        assert path.read_bytes() == (built / path.name).read_bytes()


@pytest.mark.parametrize(
    ("kind", "names"),
    [
        (
            "individual",
            {"title", "report_to", "deadline", "filed_on", "filer", "rows", "review"},
        ),
        (
            "department",
            {"title", "report_to", "deadline", "filed_on", "unit", "duties", "rows"},
        ),
        ("clues", {"title", "report_to", "deadline", "filed_on", "unit", "rows"}),
        ("ledger", {"title", "report_to", "deadline", "filed_on", "unit", "rows"}),
    ],
)
def test_template_prints_the_documented_names(kind: str, names: set[str]) -> None:
    template = read_template(TEMPLATES / f"{kind}.docx")

    assert template.variables == names
