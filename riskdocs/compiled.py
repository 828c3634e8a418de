"""Render many forms from one template prepared once.

docxtpl, used plainly, opens the template, prepares its XML and compiles its
Jinja code for every document. A :class:`CompiledTemplate` does that once per
batch: the body's Jinja program is compiled once, the parts that do not
change are serialized and compressed once, and each form costs one Jinja
render, docxtpl's own clean-up of the result, and the zip of one part.

The steps after the Jinja render are docxtpl's own methods, in docxtpl's
order, so the document is the same as plain docxtpl's (a test compares every
part). Templates that use what this path does not handle (Jinja in headers,
footers, footnotes or document properties) are rendered the plain way.
"""

from __future__ import annotations

import io
import re
from typing import Any

import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import nsmap
from docxtpl import DocxTemplate

from riskdocs.archive import Member, compress, read_members, write_zip

_JINJA_MARK = re.compile(r"\{[{%#]")
_FOOTNOTES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
_FIRST_DRAWING_ID = 1000
"""docxtpl numbers the drawings of each document from here."""


class CompiledTemplate:
    """A template whose Jinja code and unchanged parts are prepared once."""

    def __init__(self, data: bytes, environment: jinja2.Environment) -> None:
        """Prepare the template in ``data``; see :func:`compile_template`."""
        self.document = DocxTemplate(io.BytesIO(data))
        self.document.init_docx()
        self.document.render_properties({}, environment)

        body = self.document.patch_xml(self.document.get_xml())
        self.program = environment.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", body))

        self.root = self.document.docx.element
        self.part_name = self.document.docx.part.partname.membername
        saved = io.BytesIO()
        self.document.docx.save(saved)
        self.members: list[Member | None] = [
            None if name == self.part_name else compress(name, blob)
            for name, blob in read_members(saved.getvalue())
        ]

    def render(self, context: dict[str, Any]) -> bytes:
        """Return the .docx bytes of the template filled with ``context``.

        Raises:
            jinja2.UndefinedError: the template uses a name ``context`` lacks.
        """
        xml = self.program.render(context)

        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        for escaped, tag in (
            ("{_{", "{{"),
            ("}_}", "}}"),
            ("{_%", "{%"),
            ("%_}", "%}"),
        ):
            xml = xml.replace(escaped, tag)
        xml = self.document.resolve_listing(xml)
        body = self.document.fix_tables(xml)

        for number, drawing in enumerate(body.xpath("//wp:docPr", namespaces=nsmap)):
            drawing.attrib["id"] = str(_FIRST_DRAWING_ID + 1 + number)

        self.root.replace(self.root.body, body)
        rendered = compress(self.part_name, serialize_part_xml(self.root))
        return write_zip(
            rendered if member is None else member for member in self.members
        )


def compile_template(
    data: bytes, environment: jinja2.Environment
) -> CompiledTemplate | None:
    """Prepare a template for many renders, or return None if it needs plain docxtpl.

    Plain docxtpl is needed where Jinja stands outside the document body: in a
    header, footer, footnote or document property.
    """
    document = DocxTemplate(io.BytesIO(data))
    document.init_docx()

    properties = document.docx.core_properties
    texts = [properties.author, properties.comments, properties.identifier]
    texts += [properties.language, properties.subject, properties.title]
    if any(_JINJA_MARK.search(text or "") for text in texts):
        return None

    outside_body = (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER)
    relationships = document.docx.part.rels.values()
    if any(relationship.reltype in outside_body for relationship in relationships):
        return None

    parts = document.docx.part.package.iter_parts()
    if any(part.content_type == _FOOTNOTES for part in parts):
        return None

    return CompiledTemplate(data, environment)
