"""Read rendered .docx files back for the tests: text, cells, fonts, page setup."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def qualified(name: str) -> str:
    """Return ``w:name`` in Clark notation."""
    return f"{{{W}}}{name}"


def document_xml(path: Path) -> etree._Element:
    """Parse word/document.xml of a .docx file."""
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def paragraph_text(paragraph: etree._Element) -> str:
    """Return a paragraph's text, tabs and breaks as white space."""
    parts = []
    for node in paragraph.iter(qualified("t"), qualified("tab"), qualified("br")):
        parts.append(node.text or "" if node.tag == qualified("t") else "\n")

    return "".join(parts)


def text_in_order(path: Path) -> str:
    """Return the text of the body in document order, one paragraph a line.

    Each table cell is read once, where it stands, so merged cells are not
    repeated as python-docx's ``row.cells`` would repeat them.
    """
    body = document_xml(path).find("w:body", NS)
    return "\n".join(paragraph_text(p) for p in body.iter(qualified("p")))


def squeeze(text: str) -> str:
    """Drop all white space, as the fidelity comparison sets it aside."""
    return re.sub(r"\s+", "", text)


def reference_text(path: Path) -> str:
    """Return a reference block as it must print: dates with 日, not 号."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"(\d{1,2}月\d{1,2})号", r"\1日", text)


@dataclass(frozen=True)
class Cell:
    """One w:tc element: its text paragraphs and how it is merged."""

    paragraphs: list[str]
    span: int
    vertical_merge: str | None
    element: etree._Element


def table_rows(path: Path, index: int = 0) -> list[list[Cell]]:
    """Return the rows of the body's ``index``-th table, cell by cell."""
    tables = document_xml(path).findall(".//w:tbl", NS)
    rows = []
    for row in tables[index].findall("w:tr", NS):
        rows.append(list(_cells(row)))

    return rows


def _cells(row: etree._Element) -> Iterator[Cell]:
    for cell in row.findall("w:tc", NS):
        span = cell.find("w:tcPr/w:gridSpan", NS)
        merge = cell.find("w:tcPr/w:vMerge", NS)
        yield Cell(
            paragraphs=[paragraph_text(p) for p in cell.findall("w:p", NS)],
            span=int(span.get(qualified("val"))) if span is not None else 1,
            vertical_merge=(
                (merge.get(qualified("val")) or "continue")
                if merge is not None
                else None
            ),
            element=cell,
        )


def fonts_of_text(path: Path, text: str) -> set[tuple[str | None, float | None]]:
    """Return the (East Asian font, size in pt) of the runs carrying ``text``.

    A run's own properties win; what it leaves unset is read from the
    paragraph's style and then from the document defaults.
    """
    root = document_xml(path)
    styles = _styles(path)
    found = set()
    for paragraph in root.iter(qualified("p")):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        style_id = style.get(qualified("val")) if style is not None else None
        for run in paragraph.findall(".//w:r", NS):
            run_text = "".join(t.text or "" for t in run.findall("w:t", NS))
            if text in run_text:
                found.add(_run_font(run, styles.get(style_id or "", styles[""])))

    return found


def _run_font(
    run: etree._Element, inherited: tuple[str | None, float | None]
) -> tuple[str | None, float | None]:
    fonts = run.find("w:rPr/w:rFonts", NS)
    size = run.find("w:rPr/w:sz", NS)
    east_asia = fonts.get(qualified("eastAsia")) if fonts is not None else None
    points = int(size.get(qualified("val"))) / 2 if size is not None else None
    return (east_asia or inherited[0], points or inherited[1])


def _styles(path: Path) -> dict[str, tuple[str | None, float | None]]:
    """Map paragraph style ids to their font; the key "" holds the defaults."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/styles.xml"))

    defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    base = _font_of(defaults, (None, None))
    result = {"": base}
    for style in root.findall("w:style", NS):
        style_id = style.get(qualified("styleId"))
        result[style_id] = _font_of(style.find("w:rPr", NS), base)

    normal = result.get("Normal", base)
    result[""] = normal
    return result


def _font_of(
    properties: etree._Element | None, inherited: tuple[str | None, float | None]
) -> tuple[str | None, float | None]:
    if properties is None:
        return inherited

    fonts = properties.find("w:rFonts", NS)
    size = properties.find("w:sz", NS)
    east_asia = fonts.get(qualified("eastAsia")) if fonts is not None else None
    points = int(size.get(qualified("val"))) / 2 if size is not None else None
    return (east_asia or inherited[0], points or inherited[1])


def page_setup(path: Path) -> dict[str, float]:
    """Return the section's page size and margins in millimetres."""
    section = document_xml(path).find("w:body/w:sectPr", NS)
    size = section.find("w:pgSz", NS)
    margins = section.find("w:pgMar", NS)
    twips_per_mm = 1440 / 25.4
    setup = {
        "width": int(size.get(qualified("w"))) / twips_per_mm,
        "height": int(size.get(qualified("h"))) / twips_per_mm,
    }
    for side in ("top", "bottom", "left", "right"):
        setup[side] = int(margins.get(qualified(side))) / twips_per_mm

    setup["landscape"] = float(size.get(qualified("orient")) == "landscape")
    return setup
