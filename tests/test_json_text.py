"""The indented JSON of the published files (generator/render/json_text.py, written by orjson) is the text the standard
library gives for the same value: on every JSON file the real project publishes, and on hand-picked edge cases
(hypothesis adds generated data in tests/test_json_text_generated.py)."""

from __future__ import annotations

import enum
import json
import uuid
from typing import Any

import pytest

from generator.render import json_text
from tests.helpers import real_pages


def standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def written_here(name: str) -> bool:
    """The files json_text writes: twins (`…/index.<lang>.json`, the catalogue, edition deltas), CASE, the JSON export.
    (Schemas and frozen editions are copied as they are; the check page's data is one compact line.)"""
    return name.endswith(".json") and (
        name.startswith(("downloads/case/", "downloads/json/coachref-model.", "catalogue.")) or "/index." in name
    )


def test_every_published_json_file_is_the_standard_librarys_text() -> None:
    files = {name: _text(content) for name, content in real_pages().items() if written_here(name)}
    assert len(files) > 300, sorted(files)[:5]
    assert [name for name, text in files.items() if text != standard(json.loads(text))] == []


def _text(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


EDGE_CASES = [
    {"a": [1, 2, {"b": None, "c": True, "d": False}], "e": [], "f": {}, "g": ""},
    ['quote " backslash \\ slash /', "tab\tnewline\nreturn\r", "\x00\x1f\x7f", "\u2028\u2029", "é ß 中 😀"],
    {"lone surrogate": "\ud800"},  # not UTF-8: orjson refuses it, the text is then the standard library's
    {"big": 10**30, "negative": -(2**63), "past 64 bits": 2**64},
    {1: "a key that is not a string"},
    [[[[[]]]], {"": {"": {}}}],
    "a bare string",
    0,
    None,
]


@pytest.mark.parametrize("data", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_edge_cases_match_the_standard_library(data: Any) -> None:
    assert json_text.indented(data) == standard(data)


def test_the_differences_it_admits_are_these() -> None:
    """What the module's docstring says orjson writes differently, pinned: a change in orjson shows here."""
    assert json_text.indented([1e-05, float("nan"), float("inf")]) == "[\n  0.00001,\n  null,\n  null\n]\n"
    assert json_text.indented({"a": Colour.RED, "u": uuid.UUID(int=1)}) == (
        '{\n  "a": "red",\n  "u": "00000000-0000-0000-0000-000000000001"\n}\n'
    )


class Colour(enum.Enum):
    RED = "red"


def test_what_is_not_json_fails_as_in_the_standard_library() -> None:
    with pytest.raises(TypeError):
        json_text.indented({"a": object()})
    with pytest.raises(TypeError):
        json_text.indented({"a": {1, 2}})
