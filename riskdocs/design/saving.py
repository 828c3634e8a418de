"""Save templates so that building them twice gives the same bytes."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE

from riskdocs.rendering import normalize_docx, write_file

AUTHOR = "riskdocs"
FIXED_TIME = datetime.datetime(2020, 1, 1, 0, 0, 0)


def set_properties(document: Document, title: str) -> None:
    """Give the document fixed core properties and drop the preview picture."""
    properties = document.core_properties
    properties.title = title
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.comments = ""
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.revision = 1

    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del relationships[key]


def write_docx(document: Document, path: Path) -> None:
    """Save ``document`` to ``path`` with fixed member timestamps, atomically.

    The members keep the order python-docx writes them in.

    Raises:
        OutputError: the file cannot be written.
    """
    saved = io.BytesIO()
    document.save(saved)
    write_file(path, normalize_docx(saved.getvalue()))
