"""riskdocs: fill the four integrity-risk review forms (附件一至四) from YAML.

The pipeline, one module a stage: :mod:`riskdocs.loading` reads YAML with the
place of every value, :mod:`riskdocs.validation` checks it against
:mod:`riskdocs.models`, :mod:`riskdocs.filing` joins a form to its campaign,
:mod:`riskdocs.context` prepares what the template prints,
:mod:`riskdocs.rendering` fills the template, and :mod:`riskdocs.batch` does
it for folders. The library never prints; it returns values or raises a
:class:`RiskdocsError`.
"""

from riskdocs.batch import Report, render_paths, validate_paths
from riskdocs.cells import WorkbookError
from riskdocs.errors import (
    ConversionError,
    DataError,
    OutputError,
    Problem,
    RiskdocsError,
    TemplateError,
    UsageError,
)
from riskdocs.filing import Filing, load_filing
from riskdocs.rendering import Renderer, render, render_file, write_file

__version__ = "1.0.0"

__all__ = [
    "ConversionError",
    "DataError",
    "Filing",
    "OutputError",
    "Problem",
    "Renderer",
    "Report",
    "RiskdocsError",
    "TemplateError",
    "UsageError",
    "WorkbookError",
    "__version__",
    "load_filing",
    "render",
    "render_file",
    "render_paths",
    "validate_paths",
    "write_file",
]
