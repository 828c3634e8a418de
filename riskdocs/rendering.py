"""Render a filing into the bytes of a .docx file, and write it safely."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import jinja2

from riskdocs.archive import compress, read_members, write_zip
from riskdocs.compiled import CompiledTemplate, compile_template
from riskdocs.context import Context, blank_context, build_context
from riskdocs.errors import OutputError, TemplateError
from riskdocs.filing import Filing
from riskdocs.models import Campaign, FormKind
from riskdocs.templating import (
    Template,
    builtin_template,
    make_environment,
    read_template,
)

TEMPLATE_FAILURES = (
    jinja2.TemplateError,
    TypeError,
    ValueError,
    ArithmeticError,
    LookupError,
    AttributeError,
)
"""What Jinja code in a user's template can raise while a form is filled."""


class Renderer:
    """Render filings, reading and checking each template once per batch."""

    def __init__(self, templates: Mapping[FormKind, Path] | None = None) -> None:
        """Use ``templates`` in place of the campaign's or the built-in ones."""
        self.overrides = dict(templates or {})
        self.loaded: dict[Path, Template] = {}
        self.compiled: dict[Path, CompiledTemplate | None] = {}
        self.checked: set[tuple[Path, FormKind]] = set()
        self.environment = make_environment()

    def template_path(
        self, kind: FormKind, campaign: Campaign, campaign_path: Path | None
    ) -> Path:
        """Return the template of a kind: --template, campaign.yaml, or built-in."""
        override = self.overrides.get(kind)
        if override is not None:
            return override

        chosen: str | None = getattr(campaign.templates, kind)
        if chosen is not None and campaign_path is not None:
            return campaign_path.parent / chosen

        return builtin_template(kind)

    def render(self, filing: Filing) -> bytes:
        """Render one filing and return the .docx file's bytes.

        Raises:
            TemplateError: the template cannot be read, or prints a value the
                form does not have.
        """
        path = self.template_path(filing.kind, filing.campaign, filing.campaign_path)
        return self.render_context(path, filing.kind, build_context(filing))

    def render_blank(
        self, kind: FormKind, campaign: Campaign, campaign_path: Path | None = None
    ) -> bytes:
        """Render an empty form of one kind for filling by hand.

        Raises:
            TemplateError: see :meth:`render`.
        """
        path = self.template_path(kind, campaign, campaign_path)
        return self.render_context(path, kind, blank_context(campaign, kind))

    def render_context(self, path: Path, kind: FormKind, context: Context) -> bytes:
        """Fill the template at ``path`` with ``context``; return the .docx bytes.

        Raises:
            TemplateError: see :meth:`render`.
        """
        template = self.loaded.get(path)
        if template is None:
            template = self.loaded[path] = read_template(path)
            self.compiled[path] = compile_template(template.data, self.environment)

        if (path, kind) not in self.checked:
            template.check_variables(kind, set(context))
            self.checked.add((path, kind))

        compiled = self.compiled[path]
        try:
            if compiled is not None:
                return compiled.render(context)

            return render_plainly(template, context, self.environment)
        except jinja2.UndefinedError as error:
            raise TemplateError(
                f"{path}: the template uses a value the {kind} form does not"
                f" have ({error.message}); correct the name in the template"
            ) from None
        except TEMPLATE_FAILURES as error:
            raise TemplateError(
                f"{path}: the template failed while filling the {kind} form"
                f" ({type(error).__name__}: {error}); correct the template"
            ) from None


def render_plainly(
    template: Template, context: Context, environment: jinja2.Environment
) -> bytes:
    """Render with docxtpl as documented: open, render, save, for one document.

    Raises:
        jinja2.UndefinedError: the template uses a name ``context`` lacks.
    """
    document = template.open()
    document.render(context, jinja_env=environment, autoescape=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_docx(buffer.getvalue())


def render(filing: Filing) -> bytes:
    """Render one filing with its campaign's or the built-in template.

    Raises:
        TemplateError: see :meth:`Renderer.render`.
    """
    return Renderer().render(filing)


def render_file(filing: Filing, path: Path | str) -> bool:
    """Render one filing into ``path``; return False when the file was already so.

    Raises:
        TemplateError: see :meth:`Renderer.render`.
        OutputError: the file cannot be written.
    """
    return write_file(Path(path), render(filing))


def normalize_docx(data: bytes) -> bytes:
    """Rewrite a .docx zip with fixed timestamps, so equal input gives equal bytes."""
    return write_zip(compress(name, blob) for name, blob in read_members(data))


def write_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; return False when it was already so.

    The bytes go to a temporary file beside the target, which is then renamed
    into place, so an interrupted run never leaves a truncated file. A file
    that already holds ``data`` is not rewritten, only touched, so that make
    sees it as up to date.

    Raises:
        OutputError: the folder cannot be created or written.
    """
    try:
        same_size = path.is_file() and path.stat().st_size == len(data)
        if same_size and path.read_bytes() == data:
            os.utime(path)
            return False

        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(
            f"{path}: cannot write the file: {error.strerror}; check that the"
            " folder exists and you may write in it"
        ) from None

    return True
