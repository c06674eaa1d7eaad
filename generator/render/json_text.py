"""Indented JSON text for the published files (twins, CASE, the JSON export): the text `json.dumps(data,
ensure_ascii=False, indent=2)` gives, written by orjson (twenty times faster; a build writes megabytes of it).

Data orjson does not take as the standard library does (an integer past 64 bits, a key that is not a string, a
subclass of a JSON type, a dataclass) is written by the standard library instead. Numbers with a fraction are the one
place the two may write the same value differently (orjson writes 1e-05 as 0.00001, and a NaN as null where the
standard library writes NaN, which is not JSON); the model holds none. tests/test_json_text.py compares both.
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
