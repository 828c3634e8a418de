"""Read filled forms back into data: a .docx made from riskdocs' templates.

The forms may have been written by riskdocs or typed by hand into a blank
form in Word or WPS; both are read the same way, by their layout: the 附件
label says which form it is, the line under the title gives 填报人员 or
填报单位 and 填报时间, and the table's rows give the rest. A problem is
reported as ``file.docx:ROW:CELL: field (label): message``, ROW and CELL
counted from 1 in the form's table.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree
from pydantic import ValidationError

from riskdocs.batch import Outcome, Report, check_output, claim_targets
from riskdocs.errors import DataError, Problem, RiskdocsError
from riskdocs.loading import Location, format_location
from riskdocs.models import CATEGORIES, FORM_LABELS, FORM_MODELS, Form, FormKind
from riskdocs.rendering import write_file
from riskdocs.validation import error_message, label_of
from riskdocs.yamlwriting import form_yaml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KINDS_BY_LABEL = {label: kind for kind, label in FORM_LABELS.items()}
_FILING_LINE = re.compile(
    r"(?:填报人员|填报单位（盖章）)：(?P<who>.*?)填报时间：(?P<when>.*)", re.S
)
_NO_DATE = re.compile(r"年?月?日?")
_REVIEW = "部门负责人审核意见："
_SIGNATURE = "部门负责人审核签字："
_SIGNED_ON = "时间："

Cells = list[list[list[str]]]
"""A table: its rows, each a list of cells, each a list of paragraph texts."""


def extract_form(path: Path) -> Form:
    """Read a filled form and return its validated model.

    Raises:
        DataError: the file is not one of the four forms, or what it holds is
            not valid; each problem names the table row and cell.
    """
    data, places = extract_data(path)
    kind: FormKind = data["form"]
    model = FORM_MODELS[kind]
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            location = tuple(detail["loc"])
            row, cell = _place_of(places, location)
            problems.append(
                Problem(
                    path,
                    row,
                    cell,
                    format_location(location),
                    label_of(model, location),
                    error_message(model, detail),
                )
            )
        raise DataError(problems) from None


def extract_data(path: Path) -> tuple[dict[str, Any], dict[Location, tuple[int, int]]]:
    """Read a form's values as the YAML file would hold them, and their cells.

    Raises:
        DataError: the file is not a .docx, or not one of the four forms.
    """
    paragraphs, tables = _read_body(path)
    label = next((text.strip() for text in paragraphs if text.strip()), "")
    kind = KINDS_BY_LABEL.get(label)
    if kind is None or not tables:
        message = (
            "is not one of the four forms: it should start with its label"
            " (附件一 … 附件四) and hold the form's table; extract reads forms made"
            " from riskdocs' templates"
        )
        raise DataError([Problem(path, 1, 1, "", "", message)])

    who, when = _filing_line(paragraphs)
    reader = _READERS[kind]
    data: dict[str, Any] = {"form": kind}
    data["filer" if kind == "individual" else "unit"] = who
    if when is not None:
        data["filed_on"] = when

    places: dict[Location, tuple[int, int]] = {}
    data.update(reader(tables[0], places))
    return data, places


def _read_body(path: Path) -> tuple[list[str], list[Cells]]:
    """Return the body's paragraphs outside tables, and its tables."""
    try:
        with zipfile.ZipFile(path) as package:
            root = etree.fromstring(package.read("word/document.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        message = f"cannot be read as a Word document ({error}); save it again as .docx"
        raise DataError([Problem(path, 1, 1, "", "", message)]) from None

    body = root.find(f"{W}body")
    paragraphs: list[str] = []
    tables: list[Cells] = []
    for child in body if body is not None else []:
        if child.tag == f"{W}p":
            paragraphs.append(_text(child))
        elif child.tag == f"{W}tbl":
            tables.append(
                [
                    [
                        [_text(p) for p in cell.iter(f"{W}p")]
                        for cell in row.findall(f"{W}tc")
                    ]
                    for row in child.findall(f"{W}tr")
                ]
            )

    return paragraphs, tables


def _text(paragraph: etree._Element) -> str:
    pieces = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):
        if node.tag == f"{W}t":
            pieces.append(node.text or "")
        else:
            pieces.append("\t" if node.tag == f"{W}tab" else "\n")

    return "".join(pieces)


def _filing_line(paragraphs: list[str]) -> tuple[str, str | None]:
    """Return 填报人员 or 填报单位, and 填报时间 (None where left blank)."""
    for text in paragraphs:
        match = _FILING_LINE.search(text)
        if match:
            who = match["who"].strip()
            return who, _date_text(match["when"])

    return "", None


def _date_text(text: str) -> str | None:
    """Tidy a typed date (full-width digits, spaces); None when it is blank."""
    tidy = "".join(unicodedata.normalize("NFKC", text).split())
    return None if _NO_DATE.fullmatch(tidy) else tidy


def _value(paragraphs: list[str]) -> str | list[str]:
    """Return a cell's paragraphs as YAML would hold them: text, or a list."""
    kept = [text for text in paragraphs if text.strip()]
    return kept[0] if len(kept) == 1 else kept


def _put(
    target: dict[str, Any],
    keys: tuple[str, ...],
    cell: list[str],
    location: Location,
    place: tuple[int, int],
    places: dict[Location, tuple[int, int]],
) -> None:
    """Store a cell's value under the key path ``keys`` when the cell is not empty.

    ``("subject", "name")`` stores it as ``target["subject"]["name"]``.
    """
    value = _value(cell)
    if not value:
        return

    for key in keys[:-1]:
        target = target.setdefault(key, {})
    target[keys[-1]] = value
    places[(*location, *keys)] = place


def _category_rows(
    rows: Cells, columns: tuple[str, ...], places: dict[Location, tuple[int, int]]
) -> list[dict[str, Any]]:
    """Read the 风险类别 rows of 附件一 or 附件二; empty rows are left out."""
    risks: list[dict[str, Any]] = []
    for number, row in _numbered(rows):
        category = "".join("".join(row[0]).split()) if row else ""
        if category not in CATEGORIES:
            continue

        risk: dict[str, Any] = {"category": category}
        location = ("risks", len(risks))
        places[location] = (number, 1)
        for index, key in enumerate(columns, start=1):
            if index < len(row):
                place = (number, index + 1)
                _put(risk, (key,), row[index], location, place, places)

        if len(risk) > 1:
            risks.append(risk)

    return risks


def _numbered(rows: Cells, start: int = 0) -> Iterator[tuple[int, list[list[str]]]]:
    """Yield the rows from ``start`` on, each with its number counted from 1."""
    yield from enumerate(rows[start:], start=start + 1)


def _individual(
    table: Cells, places: dict[Location, tuple[int, int]]
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "risks": _category_rows(table, ("name", "details", "level"), places)
    }
    review = _review(table[-1][0] if table and table[-1] else [])
    if review:
        places[("review",)] = (len(table), 1)
        data["review"] = review

    return data


def _review(paragraphs: list[str]) -> dict[str, Any]:
    """Read 部门负责人审核意见 and its date from the last row of 附件一."""
    opinion: list[str] = []
    signed_on = None
    in_opinion = False
    for paragraph in paragraphs:
        text = paragraph.strip()
        if text.startswith(_REVIEW):
            in_opinion = True
            text = text.removeprefix(_REVIEW).strip()
        elif text.startswith(_SIGNATURE):
            in_opinion = False
            signed_on = _date_text(text.partition(_SIGNED_ON)[2])
            continue

        if in_opinion and text:
            opinion.append(text)

    review: dict[str, Any] = {}
    if opinion:
        review["opinion"] = opinion[0] if len(opinion) == 1 else opinion
    if signed_on:
        review["signed_on"] = signed_on
    return review


def _department(
    table: Cells, places: dict[Location, tuple[int, int]]
) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if table and len(table[0]) > 1:
        _put(data, ("duties",), table[0][1], (), (1, 2), places)

    data["risks"] = _category_rows(table, ("points", "details"), places)
    return data


_CLUE_COLUMNS: tuple[tuple[str, ...], ...] = (
    ("type",),
    ("subject", "name"),
    ("subject", "unit"),
    ("subject", "position"),
    ("subject", "rank"),
    ("summary",),
    ("source",),
    ("handler", "unit"),
    ("handler", "lead"),
    ("outcome",),
)

_LEDGER_COLUMNS: tuple[tuple[str, ...], ...] = (
    (),
    ("risk",),
    ("details",),
    ("measures",),
    ("status",),
    ("due",),
    ("owner",),
    ("leader",),
    ("remark",),
)


def _data_rows(
    rows: Cells,
    start: int,
    columns: tuple[tuple[str, ...], ...],
    places: dict[Location, tuple[int, int]],
    name: str,
) -> list[dict[str, Any]]:
    """Read the rows of 附件三 or 附件四 below their header; skip empty rows."""
    records: list[dict[str, Any]] = []
    for number, row in _numbered(rows, start):
        record: dict[str, Any] = {}
        location: Location = (name, len(records))
        for index, path in enumerate(columns):
            if not path or index >= len(row):
                continue

            if path == ("owner",):
                _owner(record, row[index], location, (number, index + 1), places)
                continue

            _put(record, path, row[index], location, (number, index + 1), places)

        if record and record != {"type": "无"}:
            places[location] = (number, 1)
            records.append(record)

    return records


def _owner(
    record: dict[str, Any],
    cell: list[str],
    location: Location,
    place: tuple[int, int],
    places: dict[Location, tuple[int, int]],
) -> None:
    """Read 责任单及责任人: its first paragraph the unit, the rest the person."""
    kept = [text for text in cell if text.strip()]
    if not kept:
        return

    owner: dict[str, Any] = {"unit": kept[0]}
    if kept[1:]:
        owner["person"] = _value(kept[1:])
    record["owner"] = owner
    places[(*location, "owner")] = place


def _clues(table: Cells, places: dict[Location, tuple[int, int]]) -> dict[str, Any]:
    return {"clues": _data_rows(table, 2, _CLUE_COLUMNS, places, "clues")}


def _ledger(table: Cells, places: dict[Location, tuple[int, int]]) -> dict[str, Any]:
    return {"entries": _data_rows(table, 1, _LEDGER_COLUMNS, places, "entries")}


_READERS = {
    "individual": _individual,
    "department": _department,
    "clues": _clues,
    "ledger": _ledger,
}


def _place_of(
    places: dict[Location, tuple[int, int]], location: Location
) -> tuple[int, int]:
    for end in range(len(location), -1, -1):
        place = places.get(location[:end])
        if place is not None:
            return place

    return (1, 1)


def extract_files(documents: Sequence[Path], output: Path) -> Report:
    """Write ``output/<name>.yaml`` for each filled form; failures go in the report.

    Raises:
        UsageError: two documents would give the same file.
        OutputError: the output folder cannot be written.
    """
    targets = (output / f"{document.stem}.yaml" for document in documents)
    jobs = claim_targets(zip(documents, targets, strict=True))

    check_output(output)
    report = Report()
    for job in jobs:
        try:
            form = extract_form(job.source)
            note = f"Extracted by riskdocs from {job.source.name}."
            changed = write_file(job.target, form_yaml(form, note).encode("utf-8"))
            report.outcomes.append(Outcome(job, changed=changed))
        except RiskdocsError as error:
            report.outcomes.append(Outcome(job, error=error))

    return report
