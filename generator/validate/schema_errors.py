"""Validate stage: one python-jsonschema error as located problems in our words: the key or value it is about, the
best branch of an anyOf or oneOf, what was expected and what was found, and a hint (schemas.py finds the errors)."""

from __future__ import annotations

import difflib
import json
from functools import reduce
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from generator.diagnostics.messages import MESSAGES, say
from generator.diagnostics.problem import Problem, pointer_join
from generator.load.documents import Document

_LANGUAGES = ("en", "nl")


def pointer_of(path: Any) -> str:
    """The JSON Pointer of a path of keys and indexes."""
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


def error_problems(doc: Document, error: ValidationError) -> list[Problem]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        branch = _branch_errors(error)
        if branch is None:
            pointer = pointer_join(pointer_of(error.absolute_path), "type")
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
        return [p for e in branch for p in error_problems(doc, e)]
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(error.schema.get("properties", {}))
        problems = []
        for key in sorted(set(error.instance) - set(allowed)):
            pointer = pointer_join(pointer_of(error.absolute_path), key)
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
    pointer = pointer_of(error.absolute_path)
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
