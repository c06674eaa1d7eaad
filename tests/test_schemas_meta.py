"""Meta-tests on schemas/: valid Draft 2020-12, no $id (offline resolution), a description on every property, no open
objects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from .helpers import ROOT

SCHEMAS = sorted((ROOT / "schemas").glob("*.schema.json"))


def _subschemas(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    yield from _subschemas(sub, f"{pointer}/{key}/{name}")
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                yield from _subschemas(value, f"{pointer}/{key}")
            elif key in ("oneOf", "anyOf", "allOf"):
                for i, sub in enumerate(value):
                    yield from _subschemas(sub, f"{pointer}/{key}/{i}")


def test_there_is_a_schema_per_kind_of_file() -> None:
    names = {p.name.removesuffix(".schema.json") for p in SCHEMAS}
    assert {"common", "framework", "group", "requirements", "mapping", "relations", "course", "export"} <= names


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12_without_id(path: Path) -> None:
    """No $id: validators and editors then resolve the relative $refs beside the file they read, with no network
    (an $id on a host would send them there; tests/test_offline_validation.py checks the tools)."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "$id" not in schema
    assert schema.get("description")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_is_described_and_every_object_closed(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    undescribed, open_objects = [], []
    for pointer, sub in _subschemas(schema):
        if "/properties/" in pointer and "description" not in sub:
            undescribed.append(pointer)
        is_object = sub.get("type") == "object" or "properties" in sub
        if is_object and sub.get("additionalProperties") is not False:
            open_objects.append(pointer or "/")
    assert undescribed == []
    assert open_objects == []


def test_bilingual_text_is_defined_once() -> None:
    """Only common.schema.json defines en/nl objects; the other schemas refer to it."""
    for path in SCHEMAS:
        if path.name == "common.schema.json":
            continue
        for pointer, sub in _subschemas(json.loads(path.read_text(encoding="utf-8"))):
            props = sub.get("properties", {})
            assert not {"en", "nl"} <= set(props), f"{path.name}{pointer} redefines bilingual text"


def test_a_schema_rule_without_wording_of_its_own_gives_the_validators_message(tmp_path: Path) -> None:
    """code.md finding 3: a keyword the messages do not word (maxItems on modules) was an internal error (exit 2);
    it is a located schema-violation with python-jsonschema's own message."""
    import json

    from tests.conftest import copy_project
    from tests.helpers import run_cli

    root = copy_project(tmp_path / "project")
    path = root / "schemas/course.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["modules"]["maxItems"] = 1
    path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    code, out, err = run_cli(["check"], root)
    assert code == 1, err
    assert "internal error" not in out + err and "Traceback" not in out + err
    line = next(x for x in out.splitlines() if "courses/hbo-jobcoach-duaal.yaml:" in x)
    assert "error[schema-violation]" in line and "is too long" in line and "(at /modules)" in line


def test_the_build_stops_when_the_course_schema_uses_a_keyword_the_browser_does_not_check(tmp_path: Path) -> None:
    """issue 19 item 1: the check page's validator implements a subset of JSON Schema; a keyword outside it would be
    skipped in the browser without a word, so the build stops with the place and the fix, and keeps the old site."""
    import json

    from tests.conftest import copy_project
    from tests.helpers import run_cli

    root = copy_project(tmp_path / "project")
    path = root / "schemas/course.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["modules"]["maxItems"] = 400  # every example course still meets it
    path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    assert run_cli(["check"], root)[0] == 0
    code, _out, err = run_cli(["build"], root)
    assert code == 1 and "Traceback" not in err
    assert "/properties/modules: maxItems is a keyword the check page's validator does not implement" in err
    assert not (root / "site").exists()
