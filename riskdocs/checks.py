"""Warnings about data that is valid but will not print well."""

from __future__ import annotations

from pydantic import BaseModel

from riskdocs.errors import Problem
from riskdocs.loading import Source
from riskdocs.models import ROW_FIELDS, Form, FormKind

CELL_CAPACITY: dict[FormKind, dict[str, int]] = {
    "individual": {"name": 24, "details": 200},
    "department": {"duties": 160, "points": 80, "details": 260},
    "clues": {"type": 16, "summary": 80, "source": 30, "outcome": 30},
    "ledger": {
        "risk": 24,
        "details": 120,
        "measures": 84,
        "status": 8,
        "due": 8,
        "leader": 8,
        "remark": 8,
    },
}
"""About how many characters fit in each cell while a form stays on one page.

The figures follow each column's width at the form's type size, with the few
lines a row can take when all rows are about as full; the samples use about
half of them.
"""


def overflow_warnings(form: Form, source: Source) -> list[Problem]:
    """Warn of each cell whose text will likely push the form onto a second page."""
    kind = form.form
    capacity = CELL_CAPACITY[kind]
    warnings = _check_fields(form, (), capacity, source)

    rows: list[BaseModel] = getattr(form, ROW_FIELDS[kind])
    for index, row in enumerate(rows):
        warnings += _check_fields(row, (ROW_FIELDS[kind], index), capacity, source)

    return warnings


def _check_fields(
    record: BaseModel,
    location: tuple[str | int, ...],
    capacity: dict[str, int],
    source: Source,
) -> list[Problem]:
    warnings = []
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        limit = capacity.get(name)
        if limit is None or not isinstance(value, list):
            continue

        length = sum(len(paragraph) for paragraph in value)
        if length > limit:
            message = (
                f"is {length} characters long; about {limit} fit in this cell, so the"
                " form will likely run onto a second page; shorten it, or attach a"
                " continuation sheet (续表)"
            )
            warnings.append(
                source.problem(
                    (*location, name), message, label=info.title or "", warning=True
                )
            )

    return warnings
