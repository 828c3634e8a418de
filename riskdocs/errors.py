"""The exceptions riskdocs raises: one base class and a few named kinds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Self, TypeVar


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, with the place it stands."""

    path: Path
    line: int
    column: int
    field: str
    label: str
    message: str
    warning: bool = False
    """A warning is reported, but the form is still rendered."""

    def __str__(self) -> str:
        """Format as ``path:line:column: field (label): message``."""
        where = f"{self.path}:{self.line}:{self.column}"
        message = f"warning: {self.message}" if self.warning else self.message
        if not self.field:
            return f"{where}: {message}"

        label = f" ({self.label})" if self.label else ""
        return f"{where}: {self.field}{label}: {message}"


class RiskdocsError(Exception):
    """Base class of every error riskdocs raises on purpose."""


ProblemT = TypeVar("ProblemT")


class ProblemsError(RiskdocsError, Generic[ProblemT]):
    """An input with problems; ``problems`` lists every one, the message all."""

    def __init__(self, problems: list[ProblemT]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))

    def __reduce__(self) -> tuple[type[Self], tuple[list[ProblemT]]]:
        """Pickle with the problems, so errors cross from worker processes."""
        return (type(self), (self.problems,))


class DataError(ProblemsError[Problem]):
    """A data file is not valid; ``problems`` lists everything wrong with it."""


class TemplateError(RiskdocsError):
    """A template cannot be read or names a variable its form does not have."""


class OutputError(RiskdocsError):
    """An output file cannot be written where it was asked for."""


class UsageError(RiskdocsError):
    """The paths or options given do not fit together."""


class ConversionError(RiskdocsError):
    """LibreOffice is missing, or could not turn a form into a PDF."""
