"""Turn rendered forms into PDF with LibreOffice, and join PDFs for printing.

One headless LibreOffice process converts a whole batch, with a private
profile folder (so a desktop LibreOffice that is open does not block it) and
riskdocs' fontconfig file, which maps the faces the forms name to free ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from riskdocs.errors import ConversionError
from riskdocs.rendering import write_file

INSTALL_HINT = (
    "install LibreOffice and the CJK fonts, on Debian or Ubuntu with"
    " `sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk"
    " fonts-arphic-ukai`"
)
SECONDS_PER_FORM = 20
"""How long LibreOffice may take for each form before the batch is given up."""


def find_soffice() -> Path:
    """Return the path of LibreOffice's ``soffice`` command.

    Raises:
        ConversionError: LibreOffice is not installed; the message says how
            to install it.
    """
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)

    raise ConversionError(f"LibreOffice (soffice) is not installed; {INSTALL_HINT}")


def fontconfig_file() -> Path:
    """Return riskdocs' fontconfig file, which maps the forms' faces to free ones."""
    return Path(str(resources.files("riskdocs").joinpath("fontconfig.conf")))


def convert_to_pdf(documents: Sequence[Path]) -> list[Path]:
    """Write a PDF beside each .docx, all converted by one LibreOffice process.

    Returns the PDFs in the order of ``documents``. Each PDF is written
    atomically; one that LibreOffice could not make is reported by name.

    Raises:
        ConversionError: LibreOffice is missing, failed, or took too long.
    """
    if not documents:
        return []

    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="riskdocs-pdf-") as scratch:
        folder = Path(scratch)
        staged = _stage(documents, folder / "in")
        _run_soffice(soffice, staged, folder)

        written = []
        missing = []
        for document, copy in zip(documents, staged, strict=True):
            made = folder / "out" / copy.with_suffix(".pdf").name
            target = document.with_suffix(".pdf")
            if made.is_file():
                write_file(target, made.read_bytes())
                written.append(target)
            else:
                missing.append(str(document))

    if missing:
        raise ConversionError(
            "LibreOffice made no PDF of " + ", ".join(missing) + "; open the file"
            " in Word or LibreOffice to see whether it is damaged"
        )

    return written


def _stage(documents: Sequence[Path], folder: Path) -> list[Path]:
    """Give each document a unique name in one folder, so equal names cannot clash."""
    folder.mkdir()
    staged = []
    for number, document in enumerate(documents):
        copy = folder / f"{number:06d}.docx"
        try:
            os.link(document, copy)
        except OSError:
            shutil.copyfile(document, copy)
        staged.append(copy)

    return staged


def _run_soffice(soffice: Path, staged: Sequence[Path], folder: Path) -> None:
    profile = (folder / "profile").as_uri()
    command = [
        str(soffice),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(folder / "out"),
        *(str(path) for path in staged),
    ]
    environment = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}
    timeout = 60 + SECONDS_PER_FORM * len(staged)

    try:
        result = subprocess.run(
            command,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ConversionError(
            f"LibreOffice did not finish converting {len(staged)} forms in"
            f" {timeout} s; convert fewer at a time"
        ) from None

    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        detail = said[-1] if said else f"exit status {result.returncode}"
        raise ConversionError(f"LibreOffice failed to convert the forms: {detail}")


def combine_pdfs(pdfs: Sequence[Path], target: Path) -> Path:
    """Join PDFs, in the order given, into one file for printing.

    Raises:
        ConversionError: a PDF cannot be read.
        OutputError: the target cannot be written.
    """
    import io

    from pypdf import PdfWriter
    from pypdf.errors import PdfReadError

    writer = PdfWriter()
    for pdf in pdfs:
        try:
            writer.append(str(pdf))
        except (OSError, PdfReadError) as error:
            raise ConversionError(f"{pdf}: cannot read the PDF: {error}") from None

    buffer = io.BytesIO()
    writer.write(buffer)
    write_file(target, buffer.getvalue())
    return target
