"""The ``riskdocs`` command: a thin front over the library, reporting on stderr."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import click

from riskdocs import __version__
from riskdocs.batch import Outcome, Report, plan_jobs, render_jobs, validate_paths
from riskdocs.errors import RiskdocsError, UsageError
from riskdocs.models import FORM_KINDS, FormKind
from riskdocs.rendering import Renderer
from riskdocs.schema import write_schemas

EXIT_FAILED = 1
EXIT_USAGE = 2
PROGRESS_FROM = 6
"""Show a progress bar for batches of at least this many forms."""


def _report(message: str) -> None:
    click.echo(message, err=True)


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


def _report_failures(report: Report) -> None:
    for outcome in report.failed:
        _report(str(outcome.error))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="riskdocs")
def main() -> None:
    """Fill the integrity-risk review forms (附件一至四) from YAML files.

    Each YAML file is one form; campaign.yaml in its folder or a parent holds
    what the forms share. Errors go to stderr as path:line:column: field.
    """


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to write into (mirrors the input folders), or FILE.docx for one form.",
)
@click.option(
    "--template",
    "templates",
    multiple=True,
    metavar="KIND=FILE",
    help="Use FILE as the template of one kind of form (individual, department,"
    " clues, ledger). Repeat for several kinds.",
)
@click.option("-q", "--quiet", is_flag=True, help="Report only errors.")
def render(
    paths: tuple[Path, ...], output: Path, templates: tuple[str, ...], quiet: bool
) -> None:
    """Render form files and folders of them into .docx files.

    A folder is searched recursively and mirrored below the output folder:
    `riskdocs render samples -o out` writes out/2020-专家管理科/附件一-冯玉岗.docx
    for samples/2020-专家管理科/附件一-冯玉岗.yaml.
    A file with errors gives no .docx; the other forms are still written.
    Exit status: 0 all written, 1 some form failed, 2 wrong usage.
    """
    started = time.monotonic()
    renderer = Renderer(_parse_templates(templates))
    try:
        jobs = plan_jobs(list(paths), output)
    except UsageError as error:
        _report(f"riskdocs: {error}")
        sys.exit(EXIT_USAGE)

    show_bar = not quiet and len(jobs) >= PROGRESS_FROM and sys.stderr.isatty()
    with click.progressbar(
        length=len(jobs), label="rendering", file=sys.stderr, hidden=not show_bar
    ) as bar:

        def advance(outcome: Outcome) -> None:
            bar.update(1)

        report = render_jobs(jobs, renderer, progress=advance)

    _report_failures(report)
    if not quiet:
        unchanged = sum(1 for o in report.succeeded if not o.changed)
        _report(
            f"riskdocs: {_count(len(report.succeeded), 'form')} written to {output}"
            f" ({unchanged} unchanged), {len(report.failed)} failed,"
            f" in {time.monotonic() - started:.2f} s"
        )

    if report.failed:
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
        _report(f"riskdocs: {error}")
        sys.exit(EXIT_USAGE)

    _report_failures(report)
    if not quiet:
        _report(
            f"riskdocs: {_count(len(report.succeeded), 'form')} valid,"
            f" {len(report.failed)} with errors"
        )

    if report.failed:
        sys.exit(EXIT_FAILED)


@main.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the .schema.json files into.",
)
def schema(output: Path) -> None:
    """Write the JSON Schema of campaign.yaml and of each form."""
    try:
        written = write_schemas(output)
    except OSError as error:
        _report(f"riskdocs: {output}: cannot write the schemas: {error.strerror}")
        sys.exit(EXIT_FAILED)

    for path in written:
        _report(f"wrote {path}")


def run() -> None:
    """Run the command, turning an unexpected riskdocs error into exit status 1."""
    try:
        main()
    except RiskdocsError as error:
        _report(f"riskdocs: {error}")
        sys.exit(EXIT_FAILED)
