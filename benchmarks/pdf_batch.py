"""Measure that one LibreOffice start serves a whole batch of PDF conversions.

Converts one form, then twenty, and prints both times and their ratio: with
one process for the batch, twenty forms cost far less than twenty times one.
Run with `make bench`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from riskdocs import load_filing, render_file
from riskdocs.pdf import convert_to_pdf

SAMPLE = (
    Path(__file__).resolve().parent.parent / "samples/2020-专家管理科/附件一-李婷.yaml"
)


def timed_conversion(folder: Path, count: int, document: Path) -> float:
    """Copy ``document`` ``count`` times into ``folder`` and time their conversion."""
    folder.mkdir()
    copies = [
        Path(shutil.copy(document, folder / f"form-{n:03d}.docx")) for n in range(count)
    ]

    started = time.perf_counter()
    convert_to_pdf(copies)
    return time.perf_counter() - started


def main() -> int:
    """Print the time of one conversion, of a batch, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=20, help="forms in the batch")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        document = folder / "form.docx"
        render_file(load_filing(SAMPLE), document)

        timed_conversion(folder / "warm-up", 1, document)
        one = timed_conversion(folder / "one", 1, document)
        batch = timed_conversion(folder / "batch", arguments.batch, document)

    count = arguments.batch
    print(f"PDF, 1 form:   {one:6.2f} s")
    print(f"PDF, {count} forms: {batch:6.2f} s  ({batch / count:.3f} s a form)")
    print(
        f"ratio {batch / one:.1f}; a LibreOffice start per form would make it {count}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
