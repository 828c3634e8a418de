"""The ``riskdocs`` command: a thin front over the library, reporting on stderr."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from riskdocs import __version__
from riskdocs.batch import (
    Outcome,
    Report,
    check_output,
    plan_jobs,
    render_jobs,
    validate_paths,
)
from riskdocs.cells import WorkbookError
from riskdocs.errors import OutputError, RiskdocsError, UsageError
from riskdocs.extracting import extract_files
from riskdocs.filing import CampaignCache, load_campaign
from riskdocs.importing import read_workbook, write_forms
from riskdocs.models import FORM_KINDS, FORM_LABELS, FormKind
from riskdocs.pdf import combine_pdfs, convert_to_pdf
from riskdocs.rendering import Renderer, write_file
from riskdocs.schema import write_schemas
from riskdocs.summary import summarize, summary_table, write_workbook
from riskdocs.workbook import HELP_SHEET, blank_workbook

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PROGRESS_FROM = 6
"""Show a progress bar for batches of at least this many forms."""
PARALLEL_FROM = 16
"""Render with several processes from this many forms on; below it, starting
the processes costs more than they save."""


def _report(message: str) -> None:
    click.echo(message, err=True)


def _fail(error: RiskdocsError) -> NoReturn:
    """Report an error that ends the command; exit 2 for wrong usage, else 1."""
    _report(f"riskdocs: {error}")
    sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_FAILED)


def _parse_templates(values: Sequence[str]) -> dict[FormKind, Path]:
    templates: dict[FormKind, Path] = {}
    for value in values:
        kind, _, path = value.partition("=")
        if kind not in FORM_KINDS or not path:
            raise click.BadParameter(
                f"{value!r} is not KIND=FILE; KIND is one of {', '.join(FORM_KINDS)},"
                " e.g. --template individual=my-individual.docx",
                param_hint="--template",
            )
        templates[kind] = Path(path)

    return templates


def _count(number: int, noun: str) -> str:
    """Write a count with its noun: 1 form, 6 forms."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _report_outcomes(report: Report, quiet: bool) -> None:
    """Report each form's errors, and its warnings unless ``quiet``.

    A line already reported is not repeated: a bad campaign.yaml fails every
    form below it, and is named once.
    """
    reported: set[str] = set()
    for outcome in report.outcomes:
        if outcome.error is not None:
            lines = str(outcome.error).splitlines()
        elif not quiet:
            lines = [str(warning) for warning in outcome.warnings]
        else:
            lines = []

        for line in lines:
            if line not in reported:
                reported.add(line)
                _report(line)


def _report_failed_files(report: Report) -> None:
    if report.failed:
        names = ", ".join(str(outcome.job.source) for outcome in report.failed)
        _report(f"riskdocs: failed: {names}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="riskdocs")
def main() -> None:
    """Fill the integrity-risk review forms (附件一至四) from YAML files.

    Each YAML file is one form; campaign.yaml in its folder or a parent holds
    what the forms share. Errors go to stderr as path:line:column: field.
    """


def output_option(help_text: str, **path_rules: bool) -> Callable[[F], F]:
    """Return the ``-o/--output`` option, with the path rules of its command."""
    return click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(path_type=Path, **path_rules),
        help=help_text,
    )


TEMPLATE_OPTION = click.option(
    "--template",
    "templates",
    multiple=True,
    metavar="KIND=FILE",
    help="Use FILE as the template of one kind of form (individual, department,"
    " clues, ledger). Repeat for several kinds.",
)
PDF_OPTION = click.option(
    "--pdf",
    is_flag=True,
    help="Also write a PDF beside each .docx (needs LibreOffice).",
)


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@output_option(
    "Folder to write into (mirrors the input folders), or FILE.docx for one form."
)
@TEMPLATE_OPTION
@PDF_OPTION
@click.option(
    "--combine",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf",
    help="Also join every form's PDF, in input order, into FILE.pdf for printing"
    " (implies --pdf).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Render with this many processes (used for batches of"
    f" {PARALLEL_FROM} forms or more).",
)
@click.option("-q", "--quiet", is_flag=True, help="Report only errors.")
def render(
    paths: tuple[Path, ...],
    output: Path,
    templates: tuple[str, ...],
    pdf: bool,
    combine: Path | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Render form files and folders of them into .docx files.

    A folder is searched recursively and mirrored below the output folder:
    `riskdocs render samples -o out` writes out/2020-专家管理科/附件一-冯玉岗.docx
    for samples/2020-专家管理科/附件一-冯玉岗.yaml.
    A file with errors gives no .docx; the other forms are still written.
    Exit status: 0 all written, 1 some form failed, 2 wrong usage.
    """
    started = time.monotonic()
    if combine is not None and combine.suffix.lower() != ".pdf":
        raise click.BadParameter("must name a .pdf file", param_hint="--combine")

    renderer = Renderer(_parse_templates(templates))
    try:
        planned = plan_jobs(list(paths), output)
    except UsageError as error:
        _fail(error)

    try:
        check_output(output)
    except OutputError as error:
        _fail(error)

    workers = jobs if len(planned) >= PARALLEL_FROM else 1
    show_bar = not quiet and len(planned) >= PROGRESS_FROM and sys.stderr.isatty()
    with click.progressbar(
        length=len(planned), label="rendering", file=sys.stderr, hidden=not show_bar
    ) as bar:

        def advance(outcome: Outcome) -> None:
            bar.update(1)

        report = render_jobs(planned, renderer, progress=advance, workers=workers)

    _report_outcomes(report, quiet)
    documents = [outcome.job.target for outcome in report.succeeded]
    converted = True
    if (pdf or combine) and documents:
        converted = _convert(documents, combine, quiet)

    if not quiet:
        unchanged = sum(1 for o in report.succeeded if not o.changed)
        _report(
            f"riskdocs: {_count(len(report.succeeded), 'form')} written to {output}"
            f" ({unchanged} unchanged), {len(report.failed)} failed,"
            f" in {time.monotonic() - started:.2f} s"
        )
    _report_failed_files(report)

    if report.failed or not converted:
        sys.exit(EXIT_FAILED)


def _convert(documents: list[Path], combine: Path | None, quiet: bool) -> bool:
    """Convert the written forms to PDF, and join them; report any failure."""
    if not quiet:
        _report(f"riskdocs: converting {_count(len(documents), 'form')} to PDF")

    try:
        pdfs = convert_to_pdf(documents)
        if combine is not None:
            combine_pdfs(pdfs, combine)
            if not quiet:
                _report(f"riskdocs: {len(pdfs)} PDFs joined into {combine}")
    except RiskdocsError as error:
        _report(f"riskdocs: {error}; the .docx files are written")
        return False

    return True


@main.command()
@click.argument("kind", type=click.Choice(FORM_KINDS))
@output_option("The .docx file to write.", dir_okay=False)
@click.option(
    "--campaign",
    "campaign_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="campaign.yaml for the title, notes and deadlines (default: the one in"
    " the current folder or a parent, else the built-in values).",
)
@TEMPLATE_OPTION
@PDF_OPTION
def blank(
    kind: FormKind,
    output: Path,
    campaign_file: Path | None,
    templates: tuple[str, ...],
    pdf: bool,
) -> None:
    """Write an empty form for filling in by hand.

    KIND is individual (附件一), department (附件二), clues (附件三) or ledger
    (附件四). The form keeps its layout, labels and notes, with the campaign's
    title and deadline, and empty rows where the data would stand.
    """
    if output.suffix.lower() != ".docx":
        raise click.BadParameter("must name a .docx file", param_hint="--output")

    try:
        if campaign_file is None:
            campaign, found = CampaignCache().campaign_for(Path.cwd() / kind)
        else:
            campaign, found = load_campaign(campaign_file), campaign_file

        renderer = Renderer(_parse_templates(templates))
        write_file(output, renderer.render_blank(kind, campaign, found))
    except RiskdocsError as error:
        _fail(error)

    _report(f"riskdocs: blank {FORM_LABELS[kind]} written to {output}")
    if pdf and not _convert([output], None, quiet=True):
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option("-q", "--quiet", is_flag=True, help="Report only errors.")
def validate(paths: tuple[Path, ...], quiet: bool) -> None:
    """Check form files and folders without writing anything.

    Every problem of every file is reported, each as
    path:line:column: field (label on the form): what is wrong.
    Exit status: 0 all valid, 1 some file has errors, 2 wrong usage.
    """
    try:
        report = validate_paths(paths)
    except UsageError as error:
        _fail(error)

    _report_outcomes(report, quiet)
    if not quiet:
        _report(
            f"riskdocs: {_count(len(report.succeeded), 'form')} valid,"
            f" {len(report.failed)} with errors"
        )
    _report_failed_files(report)

    if report.failed:
        sys.exit(EXIT_FAILED)


@main.command()
@output_option("Folder to write the .schema.json files into.", file_okay=False)
def schema(output: Path) -> None:
    """Write the JSON Schema of campaign.yaml and of each form."""
    try:
        written = write_schemas(output)
    except OutputError as error:
        _fail(error)

    for path in written:
        _report(f"wrote {path}")


@main.command()
@click.argument(
    "kinds", nargs=-1, required=True, type=click.Choice(FORM_KINDS), metavar="KIND"
)
@output_option("The .xlsx workbook to write.", dir_okay=False)
def sheet(kinds: tuple[FormKind, ...], output: Path) -> None:
    """Write an empty workbook to fill in, a sheet for each kind of form.

    KIND is individual (附件一), department (附件二), clues (附件三) or ledger
    (附件四); give several for one workbook. Each sheet is a table headed with
    the labels on the form, one row per row of the form, with drop-down lists
    for 风险类别 and 风险等级; the sheet 说明 explains each column. Fill it in
    Excel or WPS and read it back with `riskdocs import`.
    """
    if output.suffix.lower() != ".xlsx":
        raise click.BadParameter("must name a .xlsx file", param_hint="--output")

    try:
        write_file(output, blank_workbook(kinds))
    except RiskdocsError as error:
        _fail(error)

    sheets = ", ".join(FORM_LABELS[kind] for kind in dict.fromkeys(kinds))
    _report(
        f"riskdocs: workbook with sheets {sheets}, {HELP_SHEET} written to {output}"
    )


@main.command("import")
@click.argument(
    "workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@output_option("Folder to write the form files (.yaml) into.", file_okay=False)
def import_workbook(workbook: Path, output: Path) -> None:
    """Turn a filled workbook into form files, one YAML file per form.

    Reads the sheets 附件一 to 附件四 (as `riskdocs sheet` writes them); rows
    with the same first column (填报人员, 填报单位) make one form, written as
    OUTPUT/附件一-冯玉岗.yaml and so on. Every wrong cell is reported, as
    sheet!cell: field (label on the form): what is wrong, and then no file is
    written. Exit status: 0 all written, 1 errors, 2 wrong usage.
    """
    try:
        forms = read_workbook(workbook)
    except WorkbookError as error:
        cells = [problem for problem in error.problems if problem.cell]
        for problem in error.problems:
            _report(str(problem) if problem.cell else f"riskdocs: {problem}")
        if cells:
            _report(
                f"riskdocs: {workbook}: {_count(len(cells), 'cell problem')}, no file"
                " written; correct the cells named above and import again"
            )
        sys.exit(EXIT_FAILED)

    try:
        written = write_forms(forms, workbook, output)
    except OutputError as error:
        _fail(error)

    unchanged = sum(1 for _, changed in written if not changed)
    _report(
        f"riskdocs: {_count(len(written), 'form')} imported from {workbook}"
        f" into {output} ({unchanged} unchanged)"
    )


@main.command()
@click.argument(
    "documents",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@output_option("Folder to write one YAML file per form into.", file_okay=False)
@click.option("-q", "--quiet", is_flag=True, help="Report only errors.")
def extract(documents: tuple[Path, ...], output: Path, quiet: bool) -> None:
    """Read filled forms (.docx) back into YAML files.

    Reads forms made from riskdocs' templates, whether riskdocs wrote them or
    a person typed into a blank form in Word or WPS, and writes DIR/<name>.yaml
    for each. A value that does not fit is reported as
    file.docx:ROW:CELL: field (label): what is wrong.
    Exit status: 0 all read, 1 some form failed, 2 wrong usage.
    """
    try:
        report = extract_files(list(documents), output)
    except RiskdocsError as error:
        _fail(error)

    _report_outcomes(report, quiet)
    if not quiet:
        written = _count(len(report.succeeded), "form")
        _report(
            f"riskdocs: {written} extracted to {output}, {len(report.failed)} failed"
        )
    _report_failed_files(report)

    if report.failed:
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="Also write the summary as a workbook.",
)
@click.option("-q", "--quiet", is_flag=True, help="Report only errors.")
def summary(paths: tuple[Path, ...], output: Path | None, quiet: bool) -> None:
    """Sum up a unit's forms by the roster in campaign.yaml.

    Prints, per section, who on the roster has not filed a 附件一, which of
    附件二, 三 and 四 is missing, and the risk points by 风险等级; then the
    points of all sections by 风险类别 and 风险等级, and every point at the
    highest 风险等级 in use. Warnings from comparing the forms go to stderr.
    Exit status: 0 all forms read, 1 some form failed, 2 wrong usage.
    """
    try:
        result = summarize(paths)
        if output is not None:
            write_workbook(result, output)
    except RiskdocsError as error:
        _fail(error)

    _report_outcomes(result.report, quiet)
    click.echo(summary_table(result), nl=False)
    if output is not None and not quiet:
        _report(f"riskdocs: summary written to {output}")
    _report_failed_files(result.report)

    if result.report.failed:
        sys.exit(EXIT_FAILED)


def run() -> None:
    """Run the command: usage errors exit 2, failures 1, an interruption 130."""
    try:
        status = main(standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (click.Abort, KeyboardInterrupt):
        _report("riskdocs: interrupted; every file written so far is whole")
        sys.exit(EXIT_INTERRUPTED)
    except RiskdocsError as error:
        _fail(error)

    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    run()
