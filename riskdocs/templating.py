"""Find, read and check the .docx template of each form."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta

from riskdocs.errors import TemplateError
from riskdocs.models import FormKind


def builtin_template(kind: FormKind) -> Path:
    """Return the path of the template riskdocs ships for one kind of form."""
    name = f"{kind}.docx"
    packaged = resources.files("riskdocs").joinpath("templates", name)
    if packaged.is_file():
        return Path(str(packaged))

    return Path(__file__).resolve().parent.parent / "templates" / name


def make_environment() -> jinja2.Environment:
    """Return the Jinja environment forms render with: escaped, strict."""
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


@dataclass(frozen=True)
class Template:
    """A template's bytes, read once and checked, ready to render many forms."""

    path: Path
    data: bytes
    variables: frozenset[str]

    def open(self) -> DocxTemplate:
        """Return a fresh docxtpl document to render one form into."""
        return DocxTemplate(io.BytesIO(self.data))

    def check_variables(self, kind: FormKind, provided: set[str]) -> None:
        """Refuse a template that prints a value the form does not have.

        Raises:
            TemplateError: naming each unknown variable and the ones there are.
        """
        unknown = sorted(self.variables - provided)
        if not unknown:
            return

        names = ", ".join(unknown)
        known = ", ".join(sorted(provided))
        raise TemplateError(
            f"{self.path}: the template uses {names}, which the {kind} form does"
            f" not have; use only these names: {known}"
        )


def read_template(path: Path) -> Template:
    """Read a .docx template and find the variables it prints.

    Raises:
        TemplateError: the file is missing, is not a .docx, or its Jinja code
            has a syntax error (the message gives the text around it).
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"{path}: cannot read the template: {error.strerror}"
        raise TemplateError(message) from None

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(
            f"{path}: the template is not a .docx file; save it from Word, WPS or"
            " LibreOffice as a Word document (.docx)"
        )

    try:
        document = DocxTemplate(io.BytesIO(data))
        document.init_docx()
        xml = document.patch_xml(document.get_xml())
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        parsed = make_environment().parse(xml)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"{path}: template syntax error near «{_text_near(xml, error.lineno)}»:"
            f" {error.message}"
        ) from None
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise TemplateError(
            f"{path}: the template is not a readable Word document ({error});"
            " open it in Word and save it again as .docx"
        ) from None

    variables = frozenset(meta.find_undeclared_variables(parsed))
    return Template(path=path, data=data, variables=variables)


def _text_near(xml: str, line: int) -> str:
    """Return the text of the paragraph on a line of the template's XML.

    Every paragraph starts a line, as docxtpl lays the XML out to render it.
    """
    lines = xml.splitlines()[max(line - 1, 0) : line]
    text = re.sub(r"<[^>]+>", "", " ".join(lines))
    return " ".join(text.split())[:120]
