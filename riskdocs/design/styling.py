"""Set up pages, typefaces and paragraphs the way Chinese government forms do.

Every length here is a whole number of twips (1/20 pt), the unit Word writes,
so the built templates hold the same integers on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from docx.text.paragraph import Paragraph

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"

# The children of w:rPr in the order the schema requires.
_RUN_PROPERTY_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps",
    "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss",
    "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
    "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip

_A4_SHORT = 11906
_A4_LONG = 16838


def mm(value: float) -> int:
    """Convert millimetres to whole twips."""
    return round(value * 1440 / 25.4)


def pt(value: float) -> int:
    """Convert points to whole twips."""
    return round(value * 20)


@dataclass(frozen=True)
class TextStyle:
    """A typeface, its size and exact line height in points, and a width scale.

    `scale` narrows the glyphs to that percentage of their width (字符缩放).
    """

    font: str
    size: float
    line: float
    scale: int = 100


class Orientation(Enum):
    """The two ways an A4 form is printed."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class PageSetup:
    """An A4 page and its margins, in twips."""

    orientation: Orientation
    top: int
    bottom: int
    left: int
    right: int

    @property
    def width(self) -> int:
        """Return the page width."""
        return _A4_SHORT if self.orientation is Orientation.PORTRAIT else _A4_LONG

    @property
    def height(self) -> int:
        """Return the page height."""
        return _A4_LONG if self.orientation is Orientation.PORTRAIT else _A4_SHORT

    @property
    def text_width(self) -> int:
        """Return the width of the type area."""
        return self.width - self.left - self.right


# GB/T 9704-2012: a 156 mm x 225 mm type area, the binding edge on the left;
# landscape forms turn the same area.
PORTRAIT = PageSetup(Orientation.PORTRAIT, mm(37), mm(35), mm(28), mm(26))
LANDSCAPE = PageSetup(Orientation.LANDSCAPE, mm(28), mm(26), mm(37), mm(35))


def element(tag: str, attributes: dict[str, str] | None = None) -> BaseOxmlElement:
    """Make an OOXML element from a prefixed tag and prefixed attribute names."""
    qualified = {qn(name): value for name, value in (attributes or {}).items()}
    return OxmlElement(tag, qualified)


def insert_ordered(
    parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]
) -> None:
    """Insert `child` into `parent` where the schema `order` puts it."""
    tag = child.tag.replace(qn("w:"), "w:")
    successors = order[order.index(tag) + 1 :]
    parent.insert_element_before(child, *successors)


def set_page(document: Document, page: PageSetup) -> None:
    """Give the document's only section the size and margins of `page`."""
    section = document.sections[0]
    section.orientation = (
        WD_ORIENT.PORTRAIT
        if page.orientation is Orientation.PORTRAIT
        else WD_ORIENT.LANDSCAPE
    )
    section.page_width = Twips(page.width)
    section.page_height = Twips(page.height)

    section.top_margin = Twips(page.top)
    section.bottom_margin = Twips(page.bottom)
    section.left_margin = Twips(page.left)
    section.right_margin = Twips(page.right)
    section.gutter = Twips(0)


def set_run_properties(properties: BaseOxmlElement, style: TextStyle) -> None:
    """Write typeface, size, width scale and language into a w:rPr element.

    The face goes on all four w:rFonts slots: without w:eastAsia, Word shows
    Chinese text in some other face.
    """
    properties.remove_all("w:rFonts", "w:w", "w:sz", "w:szCs", "w:lang")

    slots = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
    fonts = element("w:rFonts", dict.fromkeys(slots, style.font))
    insert_ordered(properties, fonts, _RUN_PROPERTY_ORDER)

    if style.scale != 100:
        scale = element("w:w", {"w:val": str(style.scale)})
        insert_ordered(properties, scale, _RUN_PROPERTY_ORDER)

    half_points = str(round(style.size * 2))
    for tag in ("w:sz", "w:szCs"):
        size = element(tag, {"w:val": half_points})
        insert_ordered(properties, size, _RUN_PROPERTY_ORDER)

    language = element("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN"})
    insert_ordered(properties, language, _RUN_PROPERTY_ORDER)


def format_paragraph(
    paragraph: Paragraph,
    style: TextStyle,
    alignment: WD_ALIGN_PARAGRAPH,
    *,
    before: int = 0,
    after: int = 0,
) -> None:
    """Give a paragraph an alignment, exact line spacing and space around it."""
    layout = paragraph.paragraph_format
    layout.alignment = alignment
    layout.space_before = Twips(before)
    layout.space_after = Twips(after)
    layout.line_spacing = Twips(pt(style.line))
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def add_tab_stops(
    paragraph: Paragraph, stops: Sequence[tuple[int, WD_TAB_ALIGNMENT]]
) -> None:
    """Add tab stops, each a position in twips and an alignment."""
    for position, alignment in stops:
        paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(position), alignment)


def add_text(paragraph: Paragraph, text: str, style: TextStyle) -> None:
    """Append one run of text with its typeface and size set on the run.

    A tab character in `text` becomes a w:tab in the same run. Text is marked
    to keep its spaces, so a value that starts or ends with one prints it.
    """
    run = paragraph.add_run(text)
    set_run_properties(run._r.get_or_add_rPr(), style)
    for text_element in run._r.findall(qn("w:t")):
        text_element.set(qn("xml:space"), "preserve")


def set_defaults(document: Document, style: TextStyle) -> None:
    """Make `style` the document default and the Normal style.

    This replaces the theme fonts of the python-docx starting document, so a
    paragraph typed into the form later still prints in the form's face.
    """
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles.insert(0, defaults)
    defaults.clear()

    run_default = element("w:rPrDefault")
    run_properties = element("w:rPr")
    set_run_properties(run_properties, style)
    run_default.append(run_properties)
    defaults.append(run_default)

    spacing = {"w:before": "0", "w:after": "0", "w:line": str(pt(style.line))}
    spacing["w:lineRule"] = "exact"
    paragraph_properties = element("w:pPr")
    paragraph_properties.append(element("w:spacing", spacing))
    paragraph_default = element("w:pPrDefault")
    paragraph_default.append(paragraph_properties)
    defaults.append(paragraph_default)

    normal = document.styles["Normal"]
    normal.paragraph_format.space_before = Twips(0)
    normal.paragraph_format.space_after = Twips(0)
    normal.paragraph_format.line_spacing = Twips(pt(style.line))
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    set_run_properties(normal.element.get_or_add_rPr(), style)


def set_compatibility(document: Document) -> None:
    """Ask for Word 2013 layout and Chinese as the East Asian theme language.

    In compatibility mode 15 a table's outer rule sits on the margin, where
    LibreOffice draws it too, rather than one cell padding outside it.
    """
    settings = document.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")

    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:eastAsia"), "zh-CN")
