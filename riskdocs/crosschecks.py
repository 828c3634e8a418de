"""Checks across the forms of one campaign: what no single form can show."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from riskdocs.context import chinese_date, month_day
from riskdocs.errors import Problem
from riskdocs.filing import Filing
from riskdocs.loading import Location, format_location
from riskdocs.models import DepartmentForm, IndividualForm, LedgerForm

_NUMBERING = re.compile(
    r"^\s*[（(]?[0-9０-９一二三四五六七八九十]+[)）]?[.．、,，]?\s*"
)
_END_PUNCTUATION = "。．.；;，,、 \u3000"


def point_name(paragraphs: Sequence[str]) -> str:
    """Reduce a 风险点名称 to what names it: no numbering, spaces or end stop."""
    text = "".join("".join(paragraphs).split())
    return _NUMBERING.sub("", text).rstrip(_END_PUNCTUATION)


def cross_form_warnings(filings: Sequence[Filing]) -> dict[Path, list[Problem]]:
    """Return the warnings of each form file that come from comparing forms.

    Forms are compared within their campaign (the campaign.yaml they share):
    a 附件四 entry whose 风险点名称 is not among its section's 附件二 points, a
    filer with two 附件一, and a 附件一 dated after the campaign's deadline.
    """
    groups: dict[Path | None, list[Filing]] = defaultdict(list)
    for filing in filings:
        groups[filing.campaign_path].append(filing)

    found: dict[Path, list[Problem]] = defaultdict(list)
    for group in groups.values():
        for filing, problem in _check_group(group):
            found[filing.path].append(problem)

    return found


def _check_group(filings: list[Filing]) -> list[tuple[Filing, Problem]]:
    return [
        *_unknown_ledger_points(filings),
        *_repeated_filers(filings),
        *_late_individual_forms(filings),
    ]


def _unknown_ledger_points(filings: list[Filing]) -> list[tuple[Filing, Problem]]:
    """Find 附件四 entries that name no 风险点 of their section's 附件二."""
    points: dict[str, tuple[Filing, set[str]]] = {}
    for filing in filings:
        if isinstance(filing.form, DepartmentForm):
            risks = filing.form.risks
            names = {point_name([point]) for risk in risks for point in risk.points}
            points[filing.form.unit] = (filing, names)

    found = []
    for filing in filings:
        form = filing.form
        if not isinstance(form, LedgerForm) or form.unit not in points:
            continue

        department, names = points[form.unit]
        for index, entry in enumerate(form.entries):
            if point_name(entry.risk) not in names:
                message = (
                    f"«{''.join(entry.risk)}» is not among the 风险点 of"
                    f" {form.unit}'s 附件二 ({department.path.name}); use the same"
                    " name in both forms, or add the point to 附件二"
                )
                location = ("entries", index, "risk")
                found.append(_at(filing, location, message, "风险点名称"))

    return found


def _repeated_filers(filings: list[Filing]) -> list[tuple[Filing, Problem]]:
    """Find a filer with more than one 附件一."""
    filed_by: dict[str, Filing] = {}
    found = []
    for filing in filings:
        if not isinstance(filing.form, IndividualForm):
            continue

        filer = filing.form.filer
        first = filed_by.setdefault(filer, filing)
        if first is not filing:
            message = f"{filer} also filed a 附件一 in {first.path}; keep one of them"
            found.append(_at(filing, ("filer",), message, "填报人员"))

    return found


def _late_individual_forms(filings: list[Filing]) -> list[tuple[Filing, Problem]]:
    """Find 附件一 dated after the deadline their campaign.yaml sets.

    The built-in deadlines are the 2020 review's; a campaign that names none
    is not checked against them.
    """
    found = []
    for filing in filings:
        if "deadlines" not in filing.campaign.model_fields_set:
            continue

        deadline = filing.campaign.deadlines.individual
        if isinstance(filing.form, IndividualForm) and filing.filed_on > deadline:
            message = (
                f"{chinese_date(filing.filed_on)} is after the deadline of 附件一,"
                f" {month_day(deadline)} ({chinese_date(deadline)})"
            )
            found.append(_at(filing, ("filed_on",), message, "填报时间"))

    return found


def _at(
    filing: Filing, location: Location, message: str, label: str
) -> tuple[Filing, Problem]:
    """Place a warning at ``location`` of the filing's YAML, or at its top."""
    if filing.source is not None:
        problem = filing.source.problem(location, message, label=label, warning=True)
    else:
        field = format_location(location)
        problem = Problem(filing.path, 1, 1, field, label, message, warning=True)

    return filing, problem
