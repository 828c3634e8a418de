"""Measure batch rendering: riskdocs against plain docxtpl and the zip floor.

Generates N varied 附件一 forms (N = 1000 by default) and prints, from one run,
the time a form of

- riskdocs in one process (load, validate, render, write atomically),
- riskdocs with every core (``--jobs``),
- plain docxtpl on the same template and data (open, render, save a form),
- the floor: rewriting the template's zip with an already-rendered document,

with the ratios between them, and the peak memory of one-process batches of N
and 10 N forms. Run with ``make bench``.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from docxtpl import DocxTemplate
from generate import write_forms

from riskdocs.batch import plan_jobs, render_jobs
from riskdocs.context import build_context
from riskdocs.filing import CampaignCache, load_filing
from riskdocs.rendering import Renderer
from riskdocs.templating import builtin_template, make_environment

DOCUMENT = "word/document.xml"


def per_form(count: int, work: Callable[[], object]) -> float:
    """Return the milliseconds a form that ``work`` took for ``count`` forms."""
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000 / count


def riskdocs_batch(forms: Path, output: Path, workers: int) -> None:
    """Render the folder as the command does."""
    report = render_jobs(plan_jobs([forms], output), Renderer(), workers=workers)
    if report.failed:
        raise SystemExit(f"{len(report.failed)} forms failed: {report.failed[0].error}")


def plain_docxtpl(forms: Path, output: Path) -> None:
    """Render each form the way docxtpl's documentation shows."""
    template = builtin_template("individual")
    environment = make_environment()
    campaigns = CampaignCache()
    output.mkdir()
    for path in sorted(forms.glob("附件一-*.yaml")):
        context = build_context(load_filing(path, campaigns))
        document = DocxTemplate(template)
        document.render(context, jinja_env=environment, autoescape=True)
        document.save(output / f"{path.stem}.docx")


def floor(forms: Path, output: Path) -> None:
    """Rewrite the template's zip around an already-rendered document, per form."""
    template = builtin_template("individual")
    sample = render_one(next(forms.glob("附件一-*.yaml")))
    with zipfile.ZipFile(io.BytesIO(sample)) as package:
        rendered = package.read(DOCUMENT)

    output.mkdir()
    for path in sorted(forms.glob("附件一-*.yaml")):
        with (
            zipfile.ZipFile(template) as source,
            zipfile.ZipFile(
                output / f"{path.stem}.docx", "w", zipfile.ZIP_DEFLATED
            ) as target,
        ):
            for info in source.infolist():
                blob = rendered if info.filename == DOCUMENT else source.read(info)
                target.writestr(info.filename, blob)


def render_one(path: Path) -> bytes:
    return Renderer().render(load_filing(path))


def peak_memory_mb(forms: Path, output: Path) -> float:
    """Render a folder in a fresh one-process run; return its peak memory in MB."""
    script = Path(__file__).resolve()
    result = subprocess.run(
        [sys.executable, str(script), "--peak-memory-of", str(forms), str(output)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip())


def print_row(name: str, milliseconds: float, floor_ms: float) -> None:
    ratio = milliseconds / floor_ms
    print(f"  {name:<34} {milliseconds:7.2f} ms a form  ({ratio:4.2f} × floor)")


def main() -> int:
    """Run the benchmark and print its figures and the targets they meet."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="forms in the batch")
    parser.add_argument("--no-memory", action="store_true", help="skip the 10 N run")
    parser.add_argument("--peak-memory-of", nargs=2, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()

    if arguments.peak_memory_of:
        forms, output = arguments.peak_memory_of
        riskdocs_batch(forms, output, workers=1)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return 0

    count = arguments.count
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="riskdocs-bench-") as scratch:
        folder = Path(scratch)
        forms = folder / "forms"
        write_forms(forms, count)

        one = per_form(count, lambda: riskdocs_batch(forms, folder / "one", 1))
        every = per_form(count, lambda: riskdocs_batch(forms, folder / "all", cores))
        plain = per_form(count, lambda: plain_docxtpl(forms, folder / "plain"))
        floor_ms = per_form(count, lambda: floor(forms, folder / "floor"))

        python = sys.version.split()[0]
        print(f"{count} varied 附件一 forms, {cores} cores, Python {python}")
        print_row("floor (zip rewrite, rendered XML)", floor_ms, floor_ms)
        print_row("riskdocs, one process", one, floor_ms)
        print_row(f"riskdocs, {cores} processes (--jobs)", every, floor_ms)
        print_row("plain docxtpl (open, render, save)", plain, floor_ms)
        speedup = plain / one
        print(f"  riskdocs is {speedup:.1f} × faster than plain docxtpl in one process")
        print(
            f"  {cores} processes give {one / every:.2f} × the one-process throughput"
        )
        checks = [
            ("one process at most 2 × the floor", one <= 2 * floor_ms),
            ("one process at least 4 × faster than plain docxtpl", plain >= 4 * one),
            (
                "2 cores give at least 1.7 × the throughput",
                cores < 2 or one / every >= 1.7,
            ),
        ]

        if not arguments.no_memory:
            large = folder / "large"
            write_forms(large, count * 10, seed=10)
            small_mb = peak_memory_mb(forms, folder / "memory-small")
            large_mb = peak_memory_mb(large, folder / "memory-large")
            growth = large_mb / small_mb - 1
            print(
                f"  peak memory: {small_mb:.0f} MB for {count} forms,"
                f" {large_mb:.0f} MB for {count * 10} ({growth:+.0%})"
            )
            checks.append(("peak memory for 10 N within 20 % of N", growth <= 0.20))

    for name, met in checks:
        print(f"  {'met' if met else 'MISSED'}: {name}")

    return 0 if all(met for _, met in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
