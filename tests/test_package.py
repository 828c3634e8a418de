"""A wheel built from the repository carries the templates and works elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_UNIT

from riskdocs.models import FORM_KINDS


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once, without network access beyond what pip has."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("riskdocs-*.whl")
    return built


def test_wheel_contains_the_templates_and_type_marker(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as package:
        names = set(package.namelist())

    for kind in FORM_KINDS:
        assert f"riskdocs/templates/{kind}.docx" in names
    assert "riskdocs/py.typed" in names
    assert "riskdocs/fontconfig.conf" in names


def test_wheel_renders_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as package:
        package.extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {**os.environ, "PYTHONPATH": str(unpacked), "PYTHONSAFEPATH": "1"}
    script = (
        "import riskdocs, sys; from riskdocs.templating import builtin_template;"
        " print(riskdocs.__file__); print(builtin_template('individual'));"
        " sys.argv = ['riskdocs', 'render', sys.argv[1], '-o', 'out'];"
        " import riskdocs.cli as c; c.run()"
    )

    result = subprocess.run(
        [sys.executable, "-c", script, str(SAMPLE_UNIT)],
        cwd=elsewhere,
        env=environment,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    module, template = result.stdout.splitlines()[:2]
    assert module.startswith(str(unpacked))
    assert template.startswith(str(unpacked))
    assert len(list((elsewhere / "out").glob("*.docx"))) == 6
