"""Indented JSON text for the published files (twins, CASE, the JSON export): the text `json.dumps(data,
ensure_ascii=False, indent=2)` gives, written by orjson (twenty times faster; a build writes megabytes of it).

Data orjson does not take as the standard library does (an integer past 64 bits, a key that is not a string, a
subclass of a JSON type, a dataclass, a lone surrogate) is written by the standard library instead. Where the two still
differ, on purpose: numbers with a fraction (orjson writes 1e-05 as 0.00001, and NaN and infinities as null where the
standard library writes NaN and Infinity, which are not JSON), and values the standard library refuses that orjson
writes (an Enum as its value, a UUID as its text, an orjson.Fragment as it is). The exports pass only text, whole
numbers, booleans, None, lists and dicts. tests/test_json_text.py compares both and pins these differences.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_APPEND_NEWLINE
    | orjson.OPT_PASSTHROUGH_SUBCLASS
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_DATETIME
)


def indented(data: Any) -> str:
    """`data` as JSON indented by two spaces, with a final line break."""
    try:
        return orjson.dumps(data, option=_OPTIONS).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):  # TypeError again from the standard library when it is not JSON
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def indented_bytes(data: Any) -> bytes:
    """`indented` as UTF-8 bytes."""
    try:
        return orjson.dumps(data, option=_OPTIONS)
    except (orjson.JSONEncodeError, TypeError):
        return indented(data).encode("utf-8")
