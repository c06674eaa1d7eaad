"""generator/render/json_text.py on generated data: hypothesis writes JSON values (text of any code point, whole
numbers, nesting), orjson writes each, and the text must be the standard library's. Numbers with a fraction are left
out: there the two may write the same value differently (the module says so; the model has none)."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import json_text

pytestmark = pytest.mark.slow

#: JSON values orjson takes: text without lone surrogates (hypothesis makes none by default), 64-bit whole numbers,
#: string keys. (Data past that goes to the standard library, whose text it then is by definition; those cases are
#: in tests/test_json_text.py.)
SCALARS = st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**64 - 1) | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40,
)


@settings(max_examples=2000, deadline=None)
@given(VALUES)
def test_generated_values_match_the_standard_library(data: Any) -> None:
    written = orjson.dumps(data, option=json_text._OPTIONS).decode("utf-8")  # orjson itself, never the fallback
    assert written == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert json_text.indented(data) == written
