"""generator/render/json_text.py on generated data: hypothesis writes JSON values (text of any code point, integers of
any size, nesting, keys of every kind) and the helper must give the standard library's text for each. Numbers with a
fraction are left out: there the two may write the same value differently (the module says so; the model has none)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import json_text

pytestmark = pytest.mark.slow

SCALARS = st.none() | st.booleans() | st.integers() | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text() | st.integers(), inner, max_size=5),
    max_leaves=40,
)


@settings(max_examples=2000, deadline=None)
@given(VALUES)
def test_generated_values_match_the_standard_library(data: Any) -> None:
    assert json_text.indented(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
