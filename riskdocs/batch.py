"""Find the form files under the paths given and render each into the output."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from riskdocs.crosschecks import cross_form_warnings
from riskdocs.errors import OutputError, Problem, RiskdocsError, UsageError
from riskdocs.filing import CAMPAIGN_FILE, CampaignCache, Filing, load_filing
from riskdocs.models import FormKind
from riskdocs.rendering import Renderer, write_file

FORM_SUFFIXES = (".yaml", ".yml")
CHUNK_MOST = 16
"""The most forms handed to a worker process at once."""


@dataclass(frozen=True)
class Job:
    """One form file and the .docx it is rendered into."""

    source: Path
    target: Path


@dataclass(frozen=True)
class Outcome:
    """What became of one job: written, unchanged, or failed with an error."""

    job: Job
    changed: bool = False
    error: RiskdocsError | None = None
    warnings: tuple[Problem, ...] = ()


@dataclass
class Report:
    """The outcomes of a batch, in input order."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        """Return the outcomes that ended in an error."""
        return [outcome for outcome in self.outcomes if outcome.error is not None]

    @property
    def succeeded(self) -> list[Outcome]:
        """Return the outcomes that produced a file."""
        return [outcome for outcome in self.outcomes if outcome.error is None]


def find_forms(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """List the form files under each path, as (path given, form file) pairs.

    A folder is searched recursively in name order; campaign.yaml and hidden
    files are not forms.

    Raises:
        UsageError: a path does not exist or is not a YAML file.
    """
    found: list[tuple[Path, Path]] = []
    for root in paths:
        if root.is_dir():
            files = sorted(
                candidate
                for candidate in root.rglob("*")
                if _is_form_file(candidate.relative_to(root)) and candidate.is_file()
            )
            found.extend((root, candidate) for candidate in files)
        elif root.is_file() and root.name == CAMPAIGN_FILE:
            continue
        elif root.is_file() and root.suffix in FORM_SUFFIXES:
            found.append((root, root))
        elif root.exists():
            raise UsageError(f"{root}: not a form file; give .yaml files or folders")
        else:
            raise UsageError(f"{root}: no such file or folder")

    return found


def _is_form_file(relative: Path) -> bool:
    if relative.suffix not in FORM_SUFFIXES or relative.name == CAMPAIGN_FILE:
        return False

    return not any(part.startswith(".") for part in relative.parts)


def plan_jobs(paths: Sequence[Path], output: Path) -> list[Job]:
    """Decide the .docx file each form is written to.

    The output mirrors the input below each folder given; a file given is
    written as ``output/<its name>.docx``, or to ``output`` itself when that
    ends in .docx and the file is the only path.

    Raises:
        UsageError: a path is missing, or two forms would be written to the
            same file.
    """
    forms = find_forms(paths)
    if output.suffix.lower() == ".docx":
        if len(paths) != 1 or not paths[0].is_file():
            raise UsageError(
                f"{output}: an output ending in .docx takes exactly one form file;"
                " give a folder as -o to render several"
            )
        return [Job(paths[0], output)]

    pairs = []
    for root, source in forms:
        relative = source.relative_to(root) if root != source else Path(source.name)
        pairs.append((source, output / relative.with_suffix(".docx")))

    return claim_targets(pairs)


def claim_targets(pairs: Iterable[tuple[Path, Path]]) -> list[Job]:
    """Turn (source, target) pairs into jobs, refusing two sources for one target.

    Raises:
        UsageError: naming both sources and the file they would share.
    """
    jobs: list[Job] = []
    claimed: dict[Path, Path] = {}
    for source, target in pairs:
        if target in claimed:
            raise UsageError(
                f"{source} and {claimed[target]} would both be written to {target};"
                " rename one of them or write them into different folders"
            )

        claimed[target] = source
        jobs.append(Job(source, target))

    return jobs


def check_output(output: Path) -> None:
    """Make sure the output folder can be written, before any work is done.

    Raises:
        OutputError: the folder cannot be created or written into.
    """
    folder = output.parent if output.suffix.lower() == ".docx" else output
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise OutputError(
            f"{folder}: cannot write into this folder ({error.strerror}); choose"
            " another -o, or make it writable"
        ) from None


def render_jobs(
    jobs: Sequence[Job],
    renderer: Renderer | None = None,
    progress: Callable[[Outcome], None] | None = None,
    workers: int = 1,
) -> Report:
    """Render every job; a failed form is reported and the others go on.

    With ``workers`` above 1 the forms are rendered by that many processes,
    handed out in chunks; the outcomes come back in the order of ``jobs``
    either way. ``progress`` is called after each job, in that order.
    """
    renderer = renderer or Renderer()
    report = Report()
    if workers > 1 and len(jobs) > 1:
        outcomes = _render_in_processes(jobs, renderer, workers)
    else:
        campaigns = CampaignCache()
        outcomes = (render_job(job, renderer, campaigns) for job in jobs)

    for outcome in outcomes:
        report.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)

    return report


def render_job(job: Job, renderer: Renderer, campaigns: CampaignCache) -> Outcome:
    """Load, render and write one form; return what became of it."""
    try:
        filing = load_filing(job.source, campaigns)
        changed = write_file(job.target, renderer.render(filing))
    except RiskdocsError as error:
        return Outcome(job, error=error)

    return Outcome(job, changed=changed, warnings=filing.warnings)


def _render_in_processes(
    jobs: Sequence[Job], renderer: Renderer, workers: int
) -> Iterator[Outcome]:
    chunk = max(1, min(CHUNK_MOST, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=_start_worker,
        initargs=(renderer.overrides,),
    ) as pool:
        yield from pool.map(_render_in_worker, jobs, chunksize=chunk)


_worker: tuple[Renderer, CampaignCache] | None = None


def _start_worker(templates: Mapping[FormKind, Path]) -> None:
    """Give a worker process its own renderer, which compiles each template once."""
    global _worker
    _worker = (Renderer(templates), CampaignCache())


def _render_in_worker(job: Job) -> Outcome:
    if _worker is None:
        raise RuntimeError("the worker process was not started by render_jobs")

    return render_job(job, *_worker)


def render_paths(
    paths: Sequence[Path | str],
    output: Path | str,
    templates: Mapping[FormKind, Path] | None = None,
    workers: int = 1,
) -> Report:
    """Render the forms under ``paths`` into the folder (or .docx) ``output``.

    ``workers`` processes share the work; see :func:`render_jobs`.

    Raises:
        UsageError: see :func:`plan_jobs`.
        OutputError: the output folder cannot be written.
        Errors in single forms do not raise; they are in the report.
    """
    jobs = plan_jobs([Path(path) for path in paths], Path(output))
    check_output(Path(output))
    return render_jobs(jobs, Renderer(templates), workers=workers)


def validate_paths(paths: Sequence[Path | str]) -> Report:
    """Load and check every form under ``paths`` without writing anything.

    Raises:
        UsageError: a path does not exist.
    """
    return load_paths(paths)[1]


def load_paths(paths: Sequence[Path | str]) -> tuple[list[Filing], Report]:
    """Load every form under ``paths``, and check the forms against each other.

    Returns the forms that loaded, and a report of every file in order: its
    errors, or its warnings, those from comparing forms included (see
    :func:`riskdocs.crosschecks.cross_form_warnings`).

    Raises:
        UsageError: a path does not exist.
    """
    campaigns = CampaignCache()
    filings: list[Filing] = []
    outcomes: list[Outcome] = []
    for _, source in find_forms([Path(path) for path in paths]):
        job = Job(source, source)
        try:
            filing = load_filing(source, campaigns)
        except RiskdocsError as error:
            outcomes.append(Outcome(job, error=error))
            continue

        filings.append(filing)
        outcomes.append(Outcome(job, warnings=filing.warnings))

    across = cross_form_warnings(filings)
    report = Report(
        [
            replace(outcome, warnings=(*outcome.warnings, *across[outcome.job.source]))
            if outcome.job.source in across
            else outcome
            for outcome in outcomes
        ]
    )
    return filings, report
