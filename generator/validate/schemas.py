"""Validate stage, part one: JSON Schema (Draft 2020-12, formats checked) per file, errors as problems."""

from __future__ import annotations

import difflib
import json
from functools import cache, reduce
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from generator.diagnostics.messages import MESSAGES, say
from generator.diagnostics.problem import Problem, pointer_join
from generator.load.documents import Document

_LANGUAGES = ("en", "nl")


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
    problems = [p for error in validators(folder)[kind].iter_errors(doc.data) for p in _problems(doc, error)]
    if not problems:  # the two libraries disagree (a format only jsonschema-rs checks): report its view
        for error in fast.iter_errors(doc.data):
            pointer = _pointer(error.instance_path)
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


def _pointer(path: Any) -> str:
    pointer = ""
    for token in path:
        pointer = pointer_join(pointer, token)
    return pointer


def _describe(value: Any) -> str:
    """How a message names the kind of value found."""
    kinds = {dict: "mapping", list: "list", str: "text", bool: "boolean", int: "number", float: "number"}
    kind = "null" if value is None else kinds.get(type(value))
    return say(f"got.{kind}") if kind else type(value).__name__


def _field(pointer: str) -> str:
    """How a message names the place: the last key, with its list index when it is one (items/1)."""
    if not pointer:
        return "(top level)"
    tokens = pointer.split("/")
    if tokens[-1].isdigit() and len(tokens) > 2:
        return f"{tokens[-2]}/{tokens[-1]}"
    return tokens[-1]


def _branch_errors(error: ValidationError) -> list[ValidationError] | None:
    """For a oneOf whose branches are told apart by a `type` constant, the errors of the branch the
    instance names; None when the instance names no branch (then its `type` itself is wrong)."""
    instance = error.instance
    branches = error.validator_value
    consts = [b.get("properties", {}).get("type", {}).get("const") for b in branches]
    if not isinstance(instance, dict) or None in consts:
        # Branches of different types (text, or a mapping with en and nl): explain the branch whose type the value
        # has, not a "wrong type" from a branch it was never meant for.
        fitting = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
        return [best_match(fitting or error.context)]
    if instance.get("type") not in consts:
        return None
    index = consts.index(instance["type"])
    return [e for e in error.context if e.relative_schema_path[0] == index]


def _problems(doc: Document, error: ValidationError) -> list[Problem]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        branch = _branch_errors(error)
        if branch is None:
            pointer = pointer_join(_pointer(error.absolute_path), "type")
            consts = [b["properties"]["type"]["const"] for b in error.validator_value]
            line, col = doc.where(pointer)
            got = error.instance.get("type")
            return [
                Problem(
                    doc.rel,
                    line,
                    col,
                    "invalid-value",
                    f'"type" is {got!r}, expected one of: ' + ", ".join(consts),
                    pointer,
                    hint="each rule type takes its own fields; see schemas/requirements.schema.json",
                )
            ]
        return [p for e in branch for p in _problems(doc, e)]
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(error.schema.get("properties", {}))
        problems = []
        for key in sorted(set(error.instance) - set(allowed)):
            pointer = pointer_join(_pointer(error.absolute_path), key)
            line, col = doc.where(pointer, key=True)
            close = difflib.get_close_matches(key, allowed, n=1)
            shown = ", ".join(allowed)
            hint = (
                say("unknown-property.close.hint", close=close[0], allowed=shown)
                if close
                else say("unknown-property.hint", allowed=shown)
            )
            message = say("unknown-property", key=key)
            problems.append(Problem(doc.rel, line, col, "unknown-property", message, pointer, hint=hint))
        return problems
    return [_problem(doc, error)]


def _problem(doc: Document, error: ValidationError) -> Problem:
    pointer = _pointer(error.absolute_path)
    field = _field(pointer)
    line, col = doc.where(pointer)
    code, hint = "schema-violation", ""  # a rule with no wording of its own: the validator's message
    validator = error.validator
    if validator == "required":
        missing = str(error.message).split("'")[1]
        keys = set(error.instance) if isinstance(error.instance, dict) else set()
        is_kind = pointer.endswith("/kind") and keys <= set(_LANGUAGES)
        is_text = keys <= {"en", "nl", "kind"} and (bool(keys & set(_LANGUAGES)) or is_kind)
        code = "missing-language" if (is_text or is_kind) and missing in _LANGUAGES else "missing-property"
        message = (
            say("missing-property.from", name=missing, field=field)
            if pointer
            else say("missing-property", name=missing)
        )
        if is_kind:
            hint = f'add "{missing}:" with official, translation or summary'
        elif code == "missing-language":
            hint = f'add "{missing}:" with the text in that language; nothing falls back to the other language'
        else:
            hint = say("missing-property.hint", name=missing)
        pointer = pointer_join(pointer, missing)
    elif validator in ("minLength", "pattern") and field in _LANGUAGES and error.schema.get("pattern", "\\S") == "\\S":
        code = "empty-language"
        message = f'the "{field}" text is empty'
        hint = "write the text in that language; nothing falls back to the other language"
    elif validator == "type":
        code = "wrong-type"
        expected = _expected(error.validator_value)
        message = say("wrong-type", field=field, expected=expected, got=_describe(error.instance))
        if error.validator_value == "string" and isinstance(error.instance, (bool, int, float)):
            hint = say("wrong-type.quote.hint")
        elif isinstance(error.validator_value, str):
            hint = say("wrong-type.hint", expected=expected)
    elif validator in ("enum", "const"):
        code = "invalid-value"
        options = error.validator_value if validator == "enum" else [error.validator_value]
        message = say(
            "invalid-value.enum", field=field, value=repr(error.instance), options=", ".join(map(str, options))
        )
        close = difflib.get_close_matches(str(error.instance), [str(o) for o in options], n=1)
        hint = say("did-you-mean.hint", close=close[0]) if close else ""
    elif validator in ("pattern", "format"):
        code = "invalid-format"
        message = say("invalid-format", field=field, value=repr(error.instance))
        hint = error.schema.get("description", "") or say("invalid-format.hint", pattern=error.validator_value)
    elif validator in _OWN_WORDS:
        code = "invalid-value"
        key = _OWN_WORDS[validator]
        if validator in ("minItems", "minLength") and error.validator_value != 1:
            key = "invalid-value.too-short"
        message = say(key, field=field, value=repr(error.instance), limit=repr(error.validator_value))
    elif validator == "maxLength":
        code = "invalid-value"
        message = f'"{field}": {error.message}'
    else:  # schema-violation: a rule with no wording of its own here; the validator's message, and the rule
        message = f'"{field}": {error.message}'
        hint = f"the schema's rule here is {validator}: {json.dumps(error.validator_value)}"
    return Problem(doc.rel, line, col, code, message, pointer, hint=hint)


#: The schema rules whose message is ours (diagnostics/messages.py), as the check page words them too.
_OWN_WORDS = {
    "minItems": "invalid-value.non-empty",
    "minLength": "invalid-value.non-empty",
    "minimum": "invalid-value.minimum",
    "maximum": "invalid-value.maximum",
    "uniqueItems": "invalid-value.unique",
}


def _expected(types: Any) -> str:
    """How a message names the type (or types) a schema asks for."""
    named = [
        say(f"type.{t}") if f"type.{t}" in MESSAGES else str(t) for t in (types if isinstance(types, list) else [types])
    ]
    return reduce(lambda first, second: say("type.or", first=first, second=second), named)
