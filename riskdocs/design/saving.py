"""Save templates so that building them twice gives the same bytes."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE

AUTHOR = "riskdocs"
FIXED_TIME = datetime.datetime(2020, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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
    """Save `document` to `path` as a zip with fixed member timestamps.

    The members keep the order python-docx writes them in.
    """
    saved = io.BytesIO()
    document.save(saved)

    rewritten = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            target.writestr(info, source.read(member.filename))

    path.write_bytes(rewritten.getvalue())
