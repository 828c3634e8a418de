"""Declare the forms' Chinese faces in the font table, with what may stand in.

Word reads w:altName when a face is missing: Windows ships 仿宋 (FangSong) and
黑体 (SimHei) but rarely 仿宋_GB2312 or 方正小标宋简体, and without a declared
alternative Word falls back to a face of its own choosing.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from riskdocs.design.styling import FANGSONG, HEITI, XIAOBIAOSONG

GB2312 = "86"
"""The Windows character set of simplified Chinese (GB2312)."""

ALTERNATIVES = {
    FANGSONG: ("仿宋", "modern"),
    XIAOBIAOSONG: ("宋体", "roman"),
    HEITI: ("SimHei", "modern"),
}
"""Each face the forms name: what Word may use instead, and its family."""


def declare_fonts(document: Document) -> None:
    """Add the forms' faces to word/fontTable.xml with their alternatives."""
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    table = etree.fromstring(part.blob)

    for name, (alternative, family) in ALTERNATIVES.items():
        font = etree.SubElement(table, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alternative})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): GB2312})
        etree.SubElement(font, qn("w:family"), {qn("w:val"): family})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "variable"})

    part._blob = etree.tostring(
        table, xml_declaration=True, encoding="UTF-8", standalone=True
    )
