"""Sum up a unit's review: who has not filed, what is missing, where risks are high.

The people and sections come from ``roster:`` in campaign.yaml; a 附件一
counts for the section its filer is listed under, and 附件二, 三 and 四 for the
section named as their 填报单位.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from riskdocs.batch import Report, load_paths
from riskdocs.errors import DataError
from riskdocs.filing import Filing
from riskdocs.models import (
    CATEGORIES,
    FORM_LABELS,
    Category,
    CluesForm,
    DepartmentForm,
    FormKind,
    IndividualForm,
    LedgerForm,
)
from riskdocs.rendering import write_file

UNLISTED = "（花名册外）"
"""The section of filers who are on no roster."""

LEVELS = (1, 2, 3, 4)
SECTION_FORMS: tuple[FormKind, ...] = ("department", "clues", "ledger")


@dataclass(frozen=True)
class Risk:
    """One risk point of a 附件一, with who filed it and where."""

    section: str
    filer: str
    category: Category
    name: str
    level: int
    path: Path


@dataclass
class SectionSummary:
    """How far one section has come."""

    section: str
    people: list[str] = field(default_factory=list)
    filers: list[str] = field(default_factory=list)
    forms: set[FormKind] = field(default_factory=set)
    risks: list[Risk] = field(default_factory=list)

    @property
    def missing_people(self) -> list[str]:
        """Return the people on the roster who filed no 附件一."""
        return [person for person in self.people if person not in self.filers]

    @property
    def missing_forms(self) -> list[str]:
        """Return the labels of the section forms (附件二, 三, 四) not filed."""
        if self.section == UNLISTED:
            return []

        return [FORM_LABELS[kind] for kind in SECTION_FORMS if kind not in self.forms]

    def count(self, category: Category | None = None, level: int | None = None) -> int:
        """Count the section's risk points, of one 风险类别 and/or 风险等级."""
        return sum(
            1
            for risk in self.risks
            if category in (None, risk.category) and level in (None, risk.level)
        )


@dataclass
class Summary:
    """The summary of every section, and the forms that could not be read."""

    sections: list[SectionSummary]
    report: Report

    @property
    def highest_level(self) -> int | None:
        """Return the highest 风险等级 in use, or None when there are no risks."""
        levels = [risk.level for section in self.sections for risk in section.risks]
        return max(levels, default=None)

    @property
    def highest_risks(self) -> list[Risk]:
        """Return every risk point at the highest 风险等级 in use."""
        top = self.highest_level
        return [r for s in self.sections for r in s.risks if r.level == top]


def summarize(paths: Sequence[Path | str]) -> Summary:
    """Load the forms under ``paths`` and sum them up by section.

    Raises:
        UsageError: a path does not exist. Forms that fail to load are in
            the summary's report, with every warning of the others.
    """
    filings, report = load_paths(paths)
    sections: dict[str, SectionSummary] = {}
    section_of: dict[str, str] = {}
    for filing in filings:
        for listed in filing.campaign.roster:
            summary = sections.setdefault(
                listed.section, SectionSummary(listed.section)
            )
            for person in listed.people:
                if person not in summary.people:
                    summary.people.append(person)
                section_of.setdefault(person, listed.section)

    for filing in filings:
        _count(filing, sections, section_of)

    ordered = sorted(sections.values(), key=lambda section: section.section == UNLISTED)
    return Summary(ordered, report)


def _count(
    filing: Filing, sections: dict[str, SectionSummary], section_of: dict[str, str]
) -> None:
    form = filing.form
    if isinstance(form, IndividualForm):
        name = section_of.get(form.filer, UNLISTED)
        summary = sections.setdefault(name, SectionSummary(name))
        summary.filers.append(form.filer)
        summary.risks.extend(
            Risk(
                name,
                form.filer,
                risk.category,
                "".join(risk.name),
                risk.level,
                filing.path,
            )
            for risk in form.risks
        )
    elif isinstance(form, DepartmentForm | CluesForm | LedgerForm):
        summary = sections.setdefault(form.unit, SectionSummary(form.unit))
        summary.forms.add(form.form)


Table = list[list[str]]


def section_rows(summary: Summary) -> Table:
    """Return one row a section: roster, filed, missing, risk points by level."""
    rows = [["科室", "应填", "已填附件一", "未填人员", "缺少", "风险点"]]
    rows[0] += [f"{level}级" for level in LEVELS]
    for section in summary.sections:
        rows.append(
            [
                section.section,
                str(len(section.people)),
                str(len(section.filers)),
                "、".join(section.missing_people) or "—",
                "、".join(section.missing_forms) or "—",
                str(section.count()),
                *(str(section.count(level=level)) for level in LEVELS),
            ]
        )

    return rows


def category_rows(summary: Summary) -> Table:
    """Return the count of risk points by 风险类别 and 风险等级, all sections."""
    rows = [["风险类别", *(f"{level}级" for level in LEVELS), "合计"]]
    for category in CATEGORIES:
        counts = [
            sum(section.count(category, level) for section in summary.sections)
            for level in LEVELS
        ]
        rows.append([category, *map(str, counts), str(sum(counts))])

    return rows


def highest_rows(summary: Summary) -> Table:
    """Return every risk point at the highest 风险等级 in use."""
    rows = [["科室", "填报人员", "风险类别", "风险点名称", "风险等级", "文件"]]
    rows += [
        [r.section, r.filer, r.category, r.name, str(r.level), str(r.path)]
        for r in summary.highest_risks
    ]
    return rows


TABLES = (
    ("按科室", section_rows),
    ("按风险类别和风险等级", category_rows),
    ("最高风险等级的风险点", highest_rows),
)


def problem_rows(summary: Summary) -> Table:
    """Return every error and warning of the forms summed up, one a row."""
    rows = [["文件", "行", "列", "字段", "说明"]]
    for outcome in summary.report.outcomes:
        error = outcome.error
        problems = error.problems if isinstance(error, DataError) else []
        if error is not None and not problems:
            rows.append([str(outcome.job.source), "", "", "", str(error)])

        for problem in (*problems, *outcome.warnings):
            label = f" ({problem.label})" if problem.label else ""
            place = [str(problem.line), str(problem.column)]
            message = ("警告：" if problem.warning else "") + problem.message
            rows.append([str(problem.path), *place, problem.field + label, message])

    return rows


def summary_table(summary: Summary) -> str:
    """Lay the summary out as text tables for a terminal."""
    parts = [f"{title}\n{_table(rows(summary))}" for title, rows in TABLES]
    return "\n\n".join(parts) + "\n"


def write_workbook(summary: Summary, path: Path) -> None:
    """Write the summary as a workbook: one sheet a table, and one of warnings.

    Raises:
        OutputError: the file cannot be written.
    """
    workbook = Workbook()
    for title, rows in (*TABLES, ("警告与错误", problem_rows)):
        sheet = workbook.create_sheet(title)
        for row in rows(summary):
            sheet.append(row)
        _style(sheet)
    del workbook[workbook.sheetnames[0]]

    buffer = io.BytesIO()
    workbook.save(buffer)
    write_file(path, buffer.getvalue())


def _style(sheet: Worksheet) -> None:
    """Bold and freeze the header row; fit the columns to their text."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(sheet.columns, start=1):
        widest = max(_width(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[get_column_letter(index)].width = min(widest + 2, 60)


def _width(text: str) -> int:
    """Return how many terminal columns ``text`` takes: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            text + " " * (width - _width(text))
            for text, width in zip(row, widths, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())

    return "\n".join(lines)
