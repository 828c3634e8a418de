"""Check loaded YAML data against the models and report every problem at once."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from riskdocs.errors import DataError, Problem
from riskdocs.loading import Location, Source, as_mapping
from riskdocs.models import (
    FORM_KINDS,
    FORM_MODELS,
    Campaign,
    DepartmentForm,
    Form,
    IndividualForm,
)

ModelT = TypeVar("ModelT", bound=BaseModel)


def form_model(source: Source) -> type[Form] | None:
    """Return the model of the form a file says it is, or None if it says none."""
    data = source.data
    kind = data.get("form") if isinstance(data, dict) else None
    for known, model in FORM_MODELS.items():
        if kind == known:
            return model

    return None


def validate_form(source: Source) -> Form:
    """Turn a form file's data into its model.

    Raises:
        DataError: with one problem for each thing wrong in the file.
    """
    data = as_mapping(source, "a form")
    kind = data.get("form")
    if not isinstance(kind, str) or kind not in FORM_MODELS:
        raise DataError([_form_kind_problem(source, kind)])

    model = FORM_MODELS[kind]
    form = _validate(source, model, data)

    problems = [
        source.problem(location, message, label="风险类别")
        for location, message in _repeated_categories(form)
    ]
    if problems:
        raise DataError(problems)

    return form


def reading_warnings(source: Source, model: type[BaseModel]) -> list[Problem]:
    """Return the warnings noted while reading a file, labelled for its model."""
    return [
        source.problem(location, message, label=label_of(model, location), warning=True)
        for location, message in source.notes
    ]


def validate_campaign(source: Source) -> Campaign:
    """Turn campaign.yaml's data into its model; an empty file means all defaults.

    Raises:
        DataError: with one problem for each thing wrong in the file.
    """
    if source.data is None:
        return Campaign()

    return _validate(source, Campaign, as_mapping(source, "campaign.yaml"))


def _validate(source: Source, model: type[ModelT], data: Any) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = _without_misspelt_missing(model, error.errors())
        problems = [_problem(source, model, detail) for detail in details]
        raise DataError(sorted(problems, key=lambda p: (p.line, p.column))) from None


def _without_misspelt_missing(
    model: type[BaseModel], details: list[ErrorDetails]
) -> list[ErrorDetails]:
    """Drop "missing" errors for a key that an unknown key is a misspelling of.

    ``filler:`` is then reported once, as an unknown key that means ``filer``,
    not a second time as ``filer`` missing.
    """
    meant = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            location = tuple(detail["loc"])
            known = _field_names(model, location[:-1])
            for close in difflib.get_close_matches(str(location[-1]), known, n=1):
                meant.add((*location[:-1], close))

    return [
        detail
        for detail in details
        if not (detail["type"] == "missing" and tuple(detail["loc"]) in meant)
    ]


def _form_kind_problem(source: Source, kind: Any) -> Problem:
    choices = ", ".join(FORM_KINDS)
    if kind is None:
        message = f"is missing; say which form this file is, one of {choices}"
        return source.problem(("form",), message, label="表格")

    hint = _suggestion(kind, FORM_KINDS) if isinstance(kind, str) else ""
    message = f"must be one of {choices}, got {_describe(kind)}{hint}"
    return source.problem(("form",), message, label="表格")


def _repeated_categories(form: Form) -> list[tuple[Location, str]]:
    """Find a 风险类别 given twice in the risks of 附件一 or 附件二."""
    categories: list[str]
    if isinstance(form, (IndividualForm, DepartmentForm)):
        categories = [risk.category for risk in form.risks]
    else:
        return []

    seen: dict[str, int] = {}
    found: list[tuple[Location, str]] = []
    for index, category in enumerate(categories):
        if category in seen:
            first = seen[category]
            message = (
                f"{category} is given twice (also at risks[{first}]); each"
                " category has one row on the form, so put both in one entry"
            )
            found.append((("risks", index, "category"), message))
        else:
            seen[category] = index

    return found


def _problem(source: Source, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    location = tuple(detail["loc"])
    label = label_of(model, location)
    is_key = detail["type"] == "extra_forbidden"
    return source.problem(
        location, error_message(model, detail), label=label, key=is_key
    )


def error_message(model: type[BaseModel], detail: ErrorDetails) -> str:
    """Say what is wrong in one Pydantic error, in words a user can act on."""
    kind = detail["type"]
    given = detail.get("input")
    explain = _MESSAGES.get(kind)
    if explain is not None:
        return explain(detail, given)

    if kind == "extra_forbidden":
        location = tuple(detail["loc"])
        known = _field_names(model, location[:-1])
        hint = _suggestion(str(location[-1]), known)
        return f"is not a known key{hint}; remove it or correct its spelling"

    text = detail["msg"]
    return text[:1].lower() + text[1:]


def _describe(value: Any) -> str:
    """Name what a user wrote, for messages like 'must be text, got a list'."""
    if value is None:
        return "nothing"

    if isinstance(value, list):
        return "a list"

    if isinstance(value, dict):
        return "a mapping"

    return repr(value)


def _literal_message(detail: ErrorDetails, given: Any) -> str:
    expected = detail.get("ctx", {}).get("expected", "")
    choices = expected.replace("'", "").replace(" or ", ", ")
    options = [choice.strip() for choice in choices.split(",")]
    hint = _suggestion(str(given), options)
    return f"must be one of {choices}; got {_describe(given)}{hint}"


_MESSAGES: dict[str, Callable[[ErrorDetails, Any], str]] = {
    "missing": lambda detail, given: "is missing; this field is required, add it",
    "string_type": lambda detail, given: f"must be text, got {_describe(given)}",
    "list_type": lambda detail, given: f"must be a list, got {_describe(given)}",
    "model_type": lambda detail, given: (
        f"must be a mapping of keys (`key: value`), got {_describe(given)}"
    ),
    "int_parsing": lambda detail, given: f"must be a whole number, got {given!r}",
    "int_type": lambda detail, given: f"must be a whole number, got {_describe(given)}",
    "date_type": lambda detail, given: (
        f"must be a date written like 2020-04-14, got {_describe(given)}"
    ),
    "string_too_short": lambda detail, given: "is empty; write the text",
    "too_short": lambda detail, given: "is empty; write the text",
    "literal_error": _literal_message,
}


def _suggestion(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def label_of(model: type[BaseModel], location: Location) -> str:
    """Find the label printed on the form for the field at ``location``."""
    current: Any = model
    label = ""
    for part in location:
        current = _unwrap(current)
        if isinstance(part, int):
            current = _item_type(current)
            continue

        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            break

        info = current.model_fields.get(part)
        if info is None:
            return ""

        label = info.title or ""
        current = info.annotation

    return label


def _field_names(model: type[BaseModel], location: Location) -> list[str]:
    current: Any = model
    for part in location:
        current = _unwrap(current)
        if isinstance(part, int):
            current = _item_type(current)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None

    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)

    return []


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``None`` from a type, leaving the one it wraps."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _item_type(annotation: Any) -> Any:
    if typing.get_origin(annotation) is list:
        return _unwrap(typing.get_args(annotation)[0])

    return None
