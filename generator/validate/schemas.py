"""Validate stage, part one: JSON Schema (Draft 2020-12, formats checked) per file, errors as problems (worded by
schema_errors.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from generator.diagnostics.problem import Problem
from generator.load.documents import Document
from generator.validate.schema_errors import error_problems, pointer_of

#: The base of the in-memory registry's keys (RFC 2606 reserves .invalid: nothing is ever fetched from it).
INTERNAL_BASE = "https://schemas.coachref.invalid/"

#: The schemas every project needs: one per kind of data file, and the shared definitions.
REQUIRED = ("common", "framework", "group", "requirements", "mapping", "relations", "course")


#: The schema files of a folder as read: (file names of required schemas that are missing, (name, content or the
#: reason it cannot be read) of every *.schema.json). Compiled schemas are cached by this, not by the folder, so a
#: new copy of the same schemas (a test's project, a second checkout) is not compiled again.
Key = tuple[tuple[str, ...], tuple[tuple[str, bytes | str], ...]]


@cache
def _key(folder: Path) -> Key:
    missing = tuple(f"{stem}.schema.json" for stem in REQUIRED if not (folder / f"{stem}.schema.json").is_file())
    files: list[tuple[str, bytes | str]] = []
    for path in sorted(folder.glob("*.schema.json")):
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            files.append((path.name, f"the schema file cannot be read: {getattr(exc, 'strerror', exc)}"))
    return missing, tuple(files)


def _sources(folder: Path) -> tuple[dict[str, Any], tuple[tuple[str, int, int, str], ...]]:
    """Every schema in `folder` by stem, and what is wrong with the files: (file name, line, column, message)."""
    return _parsed(_key(folder))


@cache
def _parsed(key: Key) -> tuple[dict[str, Any], tuple[tuple[str, int, int, str], ...]]:
    missing, files = key
    schemas: dict[str, Any] = {}
    faults = [(name, 1, 1, "the schema file is missing") for name in missing]
    for name, content in files:
        if isinstance(content, str):
            faults.append((name, 1, 1, content))
            continue
        try:
            schema = json.loads(content.decode("utf-8"))
        except json.JSONDecodeError as exc:
            faults.append((name, exc.lineno, exc.colno, f"the schema file is not valid JSON: {exc.msg}"))
            continue
        except UnicodeDecodeError as exc:
            faults.append((name, 1, 1, f"the schema file cannot be read: {exc}"))
            continue
        try:
            jsonschema_rs.meta.validate(schema)
        except jsonschema_rs.ValidationError as exc:
            faults.append((name, 1, 1, f"the file is not a valid JSON Schema: {exc.message}"))
            continue
        if not isinstance(schema, dict):
            faults.append((name, 1, 1, "the schema is not a JSON object"))
            continue
        # The files carry no $id, so every tool resolves their relative $refs beside the file it read (a checkout,
        # the published copies, an editor), offline. Here they get an address in a reserved, never-resolving
        # domain that only keys our in-memory registry.
        schemas[name.removesuffix(".schema.json")] = {"$id": INTERNAL_BASE + name, **schema}
    return schemas, tuple(sorted(faults))


def schema_problems(folder: Path, root: Path) -> list[Problem]:
    """What stops the schemas in `folder` from checking anything: missing, unreadable, not JSON, not a schema,
    or a `$ref` that does not resolve. Each problem names the schema file, relative to `root` where it is inside."""
    faults = list(_sources(folder)[1])
    if not faults:
        try:
            fast_validators(folder)
        except Exception as exc:  # any compile failure of the project's own schemas (a $ref to nowhere, ...)
            faults.append(("common.schema.json", 1, 1, f"the schemas cannot be compiled: {exc}".splitlines()[0]))
    shown = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder.as_posix()
    return [
        Problem(
            f"{shown}/{name}",
            line,
            col,
            "schema-file",
            message,
            "",
            hint="restore the file from version control (git checkout -- schemas/)",
        )
        for name, line, col, message in faults
    ]


def validators(folder: Path) -> dict[str, Draft202012Validator]:
    """One validator per schema stem in `folder`, sharing a registry so `$ref`s between files resolve."""
    return _validators(_key(folder))


@cache
def _validators(key: Key) -> dict[str, Draft202012Validator]:
    schemas = _parsed(key)[0]
    registry: Registry[Any] = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    checker = FormatChecker()
    return {stem: Draft202012Validator(s, registry=registry, format_checker=checker) for stem, s in schemas.items()}


def fast_validators(folder: Path) -> dict[str, Any]:
    """The same schemas compiled by jsonschema-rs, which answers "valid?" some 200 times faster."""
    return _fast_validators(_key(folder))


@cache
def _fast_validators(key: Key) -> dict[str, Any]:
    schemas = _parsed(key)[0]
    registry = jsonschema_rs.Registry([(str(s["$id"]), s) for s in schemas.values()])
    return {
        stem: jsonschema_rs.Draft202012Validator(s, registry=registry, validate_formats=True)
        for stem, s in schemas.items()
    }


def validate(doc: Document, kind: str, folder: Path) -> list[Problem]:
    """Every schema violation in `doc`, each located at the offending key or value.

    Valid files (nearly all of them, and all the big ones) are answered by jsonschema-rs alone; only an
    invalid file is walked again by python-jsonschema, whose errors carry what our messages need.
    """
    fast = fast_validators(folder)[kind]
    if fast.is_valid(doc.data):
        return []
    problems = [p for error in validators(folder)[kind].iter_errors(doc.data) for p in error_problems(doc, error)]
    if not problems:  # the two libraries disagree (a format only jsonschema-rs checks): report its view
        for error in fast.iter_errors(doc.data):
            pointer = pointer_of(error.instance_path)
            line, col = doc.where(pointer)
            problems.append(
                Problem(
                    doc.rel,
                    line,
                    col,
                    "invalid-format" if "format" in str(error.schema_path) else "schema-violation",
                    error.message,
                    pointer,
                )
            )
    return problems
