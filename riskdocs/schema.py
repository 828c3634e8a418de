"""Write the JSON Schema of each form, for editors that complete and check YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from riskdocs.models import FORM_LABELS, FORM_MODELS, Campaign
from riskdocs.rendering import write_file

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schemas() -> dict[str, dict[str, Any]]:
    """Return each schema by file name: campaign.schema.json and one per form."""
    schemas: dict[str, dict[str, Any]] = {
        "campaign.schema.json": _schema(Campaign.model_json_schema(), "campaign.yaml")
    }
    for kind, model in FORM_MODELS.items():
        title = f"{FORM_LABELS[kind]} ({kind})"
        schemas[f"{kind}.schema.json"] = _schema(model.model_json_schema(), title)

    return schemas


def _schema(body: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": SCHEMA_DIALECT, **body, "title": f"riskdocs: {title}"}


def schema_text(schema: dict[str, Any]) -> str:
    """Format a schema the way it is committed: sorted, indented, UTF-8."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` and return the paths written.

    Raises:
        OutputError: the folder cannot be written.
    """
    written = []
    for name, schema in json_schemas().items():
        path = folder / name
        write_file(path, schema_text(schema).encode("utf-8"))
        written.append(path)

    return written
