"""Rebuild the templates: ``python -m riskdocs.design FOLDER``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from riskdocs.design import build_templates


def main(argv: list[str] | None = None) -> int:
    """Build the four templates into the folder named on the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m riskdocs.design",
        description="Build the docxtpl templates of the four forms.",
    )
    parser.add_argument("folder", type=Path, help="where to write the .docx files")
    arguments = parser.parse_args(argv)

    for path in build_templates(arguments.folder):
        print(path, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
