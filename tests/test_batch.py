"""Batches: the fast path equals plain docxtpl, output is stable, runs are safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import ROOT, SAMPLE_STEMS, SAMPLE_UNIT

from riskdocs import load_filing
from riskdocs.archive import read_members
from riskdocs.batch import plan_jobs, render_jobs
from riskdocs.context import build_context
from riskdocs.rendering import Renderer, render_plainly
from riskdocs.templating import read_template

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import write_forms


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty varied 附件一 forms with their campaign."""
    folder = tmp_path_factory.mktemp("generated") / "unit"
    write_forms(folder, 40)
    return folder


def plain_and_fast(path: Path) -> tuple[bytes, bytes]:
    """Render one form by plain docxtpl and by the compiled fast path."""
    renderer = Renderer()
    filing = load_filing(path)
    template_path = renderer.template_path(filing.kind, filing.campaign, None)
    plain = render_plainly(
        read_template(template_path), build_context(filing), renderer.environment
    )
    fast = renderer.render(filing)
    assert renderer.compiled[template_path] is not None, "the fast path was used"
    return plain, fast


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_fast_path_writes_what_plain_docxtpl_writes(stem: str) -> None:
    plain, fast = plain_and_fast(SAMPLE_UNIT / f"{stem}.yaml")

    assert read_members(fast) == read_members(plain)
    assert fast == plain


def test_fast_path_equals_plain_docxtpl_on_generated_forms(generated: Path) -> None:
    for path in sorted(generated.glob("附件一-*.yaml"))[:10]:
        plain, fast = plain_and_fast(path)

        assert read_members(fast) == read_members(plain), path.name


def test_fast_path_renders_each_form_on_its_own(generated: Path) -> None:
    renderer = Renderer()
    paths = sorted(generated.glob("附件一-*.yaml"))[:3]

    first = [renderer.render(load_filing(path)) for path in paths]
    again = [renderer.render(load_filing(path)) for path in reversed(paths)]

    assert first == list(reversed(again))
    assert len(set(first)) == 3


def test_two_runs_give_identical_bytes(generated: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        render_jobs(plan_jobs([generated], tmp_path / name))

    a = sorted((tmp_path / "a").glob("*.docx"))
    assert len(a) == 40
    for path in a:
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_jobs_1_and_2_give_the_same_files_in_the_same_order(
    generated: Path, tmp_path: Path
) -> None:
    one = render_jobs(plan_jobs([generated], tmp_path / "one"), workers=1)
    two = render_jobs(plan_jobs([generated], tmp_path / "two"), workers=2)

    assert [o.job.source for o in two.outcomes] == [o.job.source for o in one.outcomes]
    names = sorted(p.name for p in (tmp_path / "one").glob("*.docx"))
    assert names == sorted(p.name for p in (tmp_path / "two").glob("*.docx"))
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (
            tmp_path / "two" / name
        ).read_bytes()


def test_a_failed_form_in_a_worker_comes_back_with_its_problems(
    generated: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "unit"
    write_forms(folder, 20)
    bad = folder / "附件一-00007.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("level: ", "level: 9", 1))

    report = render_jobs(plan_jobs([folder], tmp_path / "out"), workers=2)

    (failed,) = report.failed
    assert failed.job.source == bad
    assert "must be 1–4" in str(failed.error)
    assert failed.error.problems[0].label == "风险等级"  # type: ignore[union-attr]


def start_batch(
    tmp_path: Path, *options: str, **popen: Any
) -> tuple[subprocess.Popen[str], Path]:
    """Start rendering 400 forms in another process; return it and its output."""
    forms = tmp_path / "forms"
    write_forms(forms, 400)
    output = tmp_path / "out"
    command = [sys.executable, "-m", "riskdocs.cli", "render", str(forms)]
    process = subprocess.Popen(
        [*command, "-o", str(output), *options], text=True, **popen
    )
    return process, output


def wait_for_files(output: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(list(output.glob("*.docx"))) < count and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_batch_killed_midway_leaves_no_partial_docx(tmp_path: Path) -> None:
    process, output = start_batch(
        tmp_path, "--jobs", "2", "--quiet", start_new_session=True
    )

    wait_for_files(output, 40)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    written = list(output.glob("*.docx"))
    assert 40 <= len(written) < 400
    for path in written:
        docx.Document(str(path))


def test_ctrl_c_stops_with_status_130_and_whole_files(tmp_path: Path) -> None:
    process, output = start_batch(tmp_path, "--jobs", "1", stderr=subprocess.PIPE)

    wait_for_files(output, 20)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 130
    assert "riskdocs: interrupted; every file written so far is whole" in stderr
    assert "Traceback" not in stderr
    written = list(output.glob("*.docx"))
    assert 20 <= len(written) < 400
    assert list(output.glob(".*")) == []
    for path in written:
        docx.Document(str(path))
