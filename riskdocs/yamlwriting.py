"""Write a form's model back as the YAML a person would write by hand."""

from __future__ import annotations

from typing import Any

import yaml

from riskdocs.models import ROW_FIELDS, Form


def form_yaml(form: Form, note: str) -> str:
    """Return the YAML file of ``form``, headed by a comment line ``note``.

    Keys keep the order of the models, defaults are left out but for the
    table's rows (``clues: []`` says there are none), and a text of one
    paragraph is written as a plain string rather than a list of one.
    """
    given = form.model_dump(exclude_defaults=True)
    rows = ROW_FIELDS[form.form]
    data = {
        name: _simplify(given.get(name, []))
        for name in type(form).model_fields
        if name in given or name == rows
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"# {note}\n{text}"


def _simplify(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _simplify(item) for key, item in value.items()}

    if isinstance(value, list):
        if len(value) == 1 and isinstance(value[0], str):
            return value[0]
        return [_simplify(item) for item in value]

    return value
