"""Build the docxtpl templates of the four 廉政风险点排查 forms.

The templates are generated, never edited by hand: ``python -m riskdocs.design
templates/`` rebuilds them, byte for byte the same on every run.
"""

from __future__ import annotations

from pathlib import Path

from riskdocs.design.forms import FORMS
from riskdocs.design.saving import write_docx

__all__ = ["build_templates"]


def build_templates(folder: Path) -> list[Path]:
    """Build the four templates into `folder` and return their paths.

    Creates `folder` when it does not exist; raises OSError when it cannot be
    written.
    """
    folder.mkdir(parents=True, exist_ok=True)

    paths = []
    for form in FORMS:
        path = folder / form.file_name
        write_docx(form.build(), path)
        paths.append(path)

    return paths
