"""Turn a filing into the values its template prints.

Templates see plain strings and lists of strings (one string a paragraph), so
that a person editing a template in Word needs no Python: see the README for
the names each form's template receives.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from riskdocs.filing import Filing
from riskdocs.models import (
    CATEGORIES,
    Campaign,
    Category,
    Clue,
    CluesForm,
    DepartmentForm,
    DepartmentRisk,
    FormKind,
    IndividualForm,
    IndividualRisk,
    LedgerEntry,
    LedgerForm,
    Review,
)

Context = dict[str, Any]

CLUE_ROWS = 7
"""附件三 always prints at least this many rows, the rest left for hand-filling."""

NO_CLUES = "无"


def chinese_date(day: date) -> str:
    """Write a date as printed on the forms: 2020年4月14日."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_day(day: date) -> str:
    """Write a deadline as printed in the notes: 3月20日."""
    return f"{day.month}月{day.day}日"


def category_lines(category: Category) -> list[str]:
    """Split a 风险类别 over two lines as the form prints it: 权力 / 运行."""
    if len(category) == 4:
        return [category[:2], category[2:]]

    return [category]


def build_context(filing: Filing) -> Context:
    """Return the values the filing's template prints."""
    form = filing.form
    context = common_context(
        filing.campaign, filing.kind, chinese_date(filing.filed_on)
    )

    if isinstance(form, IndividualForm):
        context.update(_individual(form))
    elif isinstance(form, DepartmentForm):
        context.update(_department(form))
    elif isinstance(form, CluesForm):
        context.update(_clues(form))
    elif isinstance(form, LedgerForm):
        context.update(_ledger(form))

    return context


def common_context(campaign: Campaign, kind: FormKind, filed_on: str) -> Context:
    """Return the values every form prints: title, date and the notes' parts."""
    return {
        "title": campaign.title,
        "report_to": campaign.report_to,
        "deadline": month_day(campaign.deadlines.of(kind)),
        "filed_on": filed_on,
    }


def _individual(form: IndividualForm) -> Context:
    return {
        "filer": form.filer,
        "rows": _individual_rows(form.risks),
        "review": _review(form.review),
    }


def _individual_rows(risks: list[IndividualRisk]) -> list[Context]:
    rows = []
    for category, risk in _by_category(risks):
        rows.append(
            {
                "category": category_lines(category),
                "name": risk.name if risk else [],
                "details": risk.details if risk else [],
                "level": str(risk.level) if risk else "",
            }
        )

    return rows


RiskT = TypeVar("RiskT", IndividualRisk, DepartmentRisk)


def _by_category(risks: list[RiskT]) -> list[tuple[Category, RiskT | None]]:
    """Pair each 风险类别, in the form's order, with its risk or None."""
    given = {risk.category: risk for risk in risks}
    return [(category, given.get(category)) for category in CATEGORIES]


def _review(review: Review) -> Context:
    signed_on = review.signed_on
    return {
        "opinion": review.opinion,
        "signed_on": chinese_date(signed_on) if signed_on else "",
    }


def _department(form: DepartmentForm) -> Context:
    return {
        "unit": form.unit,
        "duties": form.duties,
        "rows": _department_rows(form.risks),
    }


def _department_rows(risks: list[DepartmentRisk]) -> list[Context]:
    rows = []
    for category, risk in _by_category(risks):
        rows.append(
            {
                "category": category_lines(category),
                "points": risk.points if risk else [],
                "details": risk.details if risk else [],
            }
        )

    return rows


def _clue_row(clue: Clue) -> Context:
    return {
        "type": clue.type,
        "subject": {
            "name": clue.subject.name,
            "unit": clue.subject.unit,
            "position": clue.subject.position,
            "rank": clue.subject.rank,
        },
        "summary": clue.summary,
        "source": clue.source,
        "handler": {"unit": clue.handler.unit, "lead": clue.handler.lead},
        "outcome": clue.outcome,
    }


def _empty_clue_row() -> Context:
    return {
        "type": [],
        "subject": {"name": [], "unit": [], "position": [], "rank": []},
        "summary": [],
        "source": [],
        "handler": {"unit": [], "lead": []},
        "outcome": [],
    }


def _clues(form: CluesForm) -> Context:
    rows = [_clue_row(clue) for clue in form.clues]
    if not rows:
        rows.append(_empty_clue_row() | {"type": [NO_CLUES]})

    while len(rows) < CLUE_ROWS:
        rows.append(_empty_clue_row())

    return {"unit": form.unit, "rows": rows}


def _ledger_row(number: int, entry: LedgerEntry) -> Context:
    due = [chinese_date(entry.due)] if isinstance(entry.due, date) else entry.due
    return {
        "number": str(number),
        "risk": entry.risk,
        "details": entry.details,
        "measures": entry.measures,
        "status": entry.status,
        "due": due,
        "owner": {"unit": entry.owner.unit, "person": entry.owner.person},
        "leader": entry.leader,
        "remark": entry.remark,
    }


def _ledger(form: LedgerForm) -> Context:
    rows = [_ledger_row(number, entry) for number, entry in enumerate(form.entries, 1)]
    return {"unit": form.unit, "rows": rows}


BLANK_LEDGER_ROWS = 8
"""How many empty rows a blank 附件四 gives for hand-filling."""

BLANK_DATE = "\u3000" * 4 + "年" + "\u3000" * 2 + "月" + "\u3000" * 2 + "日"
"""填报时间 on a blank form: room to write the year, month and day."""


def blank_context(campaign: Campaign, kind: FormKind) -> Context:
    """Return the values of an empty form for filling by hand.

    It keeps the campaign's title, notes and deadline, the category labels of
    附件一 and 附件二, and empty rows where the data would stand.
    """
    context = common_context(campaign, kind, BLANK_DATE)
    if kind == "individual":
        rows = _individual_rows([])
        context.update({"filer": "", "rows": rows, "review": _review(Review())})
    elif kind == "department":
        context.update({"unit": "", "duties": [], "rows": _department_rows([])})
    elif kind == "clues":
        context.update({"unit": "", "rows": [_empty_clue_row()] * CLUE_ROWS})
    else:
        empty: Context = {"number": "", "owner": {"unit": [], "person": []}}
        texts = ("risk", "details", "measures", "status", "due", "leader", "remark")
        empty.update((name, []) for name in texts)
        context.update({"unit": "", "rows": [empty] * BLANK_LEDGER_ROWS})

    return context
