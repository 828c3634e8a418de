"""The committed JSON Schemas match the models, and the samples point at them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_UNIT

from riskdocs.schema import json_schemas, schema_text, write_schemas

SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")

    assert committed == schema_text(json_schemas()[name]), "run `make schemas`"


def test_schema_command_writes_every_schema(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)

    assert sorted(path.name for path in written) == sorted(json_schemas())
    individual = json.loads((tmp_path / "individual.schema.json").read_text())
    assert individual["properties"]["filer"]["title"] == "填报人员"
    assert individual["additionalProperties"] is False


@pytest.mark.parametrize(
    "path", sorted(SAMPLE_UNIT.glob("*.yaml")), ids=lambda p: p.name
)
def test_sample_names_its_schema_for_editors(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    schema = first_line.removeprefix("# yaml-language-server: $schema=")

    assert schema != first_line
    assert (path.parent / schema).resolve().is_file()
