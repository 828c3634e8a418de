"""Shared fixtures: the sample folder, its rendered forms, and a scratch folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from riskdocs import render_paths

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_UNIT = SAMPLES / "2020-专家管理科"
REFERENCE = Path(__file__).resolve().parent / "reference"

SAMPLE_STEMS = [
    "附件一-冯玉岗",
    "附件一-邵孝辉",
    "附件一-李婷",
    "附件二-专家管理科",
    "附件三-专家管理科",
    "附件四-专家管理科",
]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Render the samples once for the session; return the output folder."""
    output = tmp_path_factory.mktemp("rendered")
    report = render_paths([SAMPLES], output)
    assert not report.failed, [str(outcome.error) for outcome in report.failed]
    return output / SAMPLE_UNIT.name


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """Return a copy of the sample folder that a test may change."""
    copy = tmp_path / SAMPLE_UNIT.name
    shutil.copytree(SAMPLE_UNIT, copy)
    return copy
