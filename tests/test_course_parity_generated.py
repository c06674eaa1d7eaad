"""Parity on generated course files: hypothesis writes valid and broken course files (missing, extra and odd keys,
wrong types, unknown or misspelt references, group ids, duplicate ids, text-level breaks) and the CLI and the check
page's engine (under Node, one process) must give the same answer for every one of at least 2,000."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import load_model
from tests.test_course_parity import disagreement
from tests.tools.course_node import NODE, ROOT, NodeEngine, node_engine

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="needs Node.js (npm ci installs the rest)"),
    pytest.mark.slow,  # 2,000 files through both engines (about 20 s of CPU): CI and `make test` run it
]
EXAMPLES = 2000
_MODEL = load_model(ROOT).model
assert _MODEL is not None
TARGETS = sorted(r.id for r in _MODEL.requirement_sets)
ITEMS = sorted(_MODEL.items)[::7]  # a spread of real items, cheap to cover
GROUPS = sorted(_MODEL.groups)[:6]
#: References that are wrong in ways people get wrong: a typo, another case, a group where an item belongs.
WRONG = ["BVJN:registr", "st0809:ksb-coverage", "ST0809:K99", "nope", "BVJN:visie:", *GROUPS]
ODD_KEYS = ["extra", "Provider", "float", "toString", "valueOf", "hasOwnProperty", "constructor", "__proto__"]
LEVELS = ["mbo-4", "hbo-bachelor", "uk-level-5", "uk-level-9", ""]
IDS = ["m1", "m2", "A", "a", "constructor", "toString", "1"]

text = st.sampled_from(["Coaching", "", "Coach  basics", "x" * 40, "Ω ü é"])
number = st.one_of(st.integers(-3, 400), st.sampled_from([1.5, "10", None, True]))
ref = st.one_of(st.sampled_from(ITEMS), st.sampled_from(WRONG))


@st.composite
def outcome(draw: st.DrawFn) -> dict[str, Any]:
    found = {"id": draw(st.sampled_from(IDS)), "text": draw(text), "covers": draw(st.lists(ref, max_size=3))}
    return _maybe_broken(draw, found)


@st.composite
def module(draw: st.DrawFn) -> dict[str, Any]:
    found = {"id": draw(st.sampled_from(IDS)), "title": draw(text), "outcomes": draw(st.lists(outcome(), max_size=3))}
    return _maybe_broken(draw, found)


def _maybe_broken(draw: st.DrawFn, found: dict[str, Any]) -> dict[str, Any]:
    """`found` as it is (mostly), or with one key dropped, one odd key added, or one value of another type."""
    how = draw(st.sampled_from(["keep"] * 6 + ["drop", "add", "retype"]))
    key = draw(st.sampled_from(sorted(found)))
    if how == "drop":
        del found[key]
    elif how == "add":
        found[draw(st.sampled_from(ODD_KEYS))] = draw(st.one_of(text, number))
    elif how == "retype":
        found[key] = draw(st.one_of(number, st.just([]), st.just({})))
    return found


@st.composite
def course(draw: st.DrawFn) -> dict[str, Any]:
    found: dict[str, Any] = {
        "provider": draw(text),
        "programme": draw(text),
        "version": draw(st.sampled_from(["1", "2026"])),
        "language": draw(st.sampled_from(["en", "nl", "de"])),
        "level": draw(st.sampled_from(LEVELS)),
        "targets": draw(st.lists(st.one_of(st.sampled_from(TARGETS), st.sampled_from(WRONG)), max_size=2)),
        "mode": _maybe_broken(draw, {"dual": draw(st.booleans()), "practice_hours": draw(number)}),
        "modules": draw(st.lists(module(), max_size=3)),
    }
    return _maybe_broken(draw, found)


@st.composite
def course_bytes(draw: st.DrawFn) -> bytes:
    """A course as YAML, sometimes broken as text: a tab indent, a cut-off end, a key written twice, a byte that is
    not UTF-8 (alone, or cutting a character short)."""
    written = yaml.safe_dump(draw(course()), sort_keys=False, allow_unicode=True)
    how = draw(st.sampled_from(["keep"] * 8 + ["tab", "cut", "twice", "byte"]))
    if how == "tab":
        written = written.replace("\n  ", "\n\t", 1)
    elif how == "cut":
        written = written[: draw(st.integers(0, len(written)))]
    elif how == "twice":
        written += written.split("\n", 1)[0] + "\n"
    data = written.encode("utf-8")
    if how == "byte":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xe9", b"\xc3", b"\xed\xa0\x80", b"\xf0\x9f", b"\xff"])) + data[at:]
    return data


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeEngine]:
    with node_engine(tmp_path_factory.mktemp("node")) as engine:
        yield engine


def test_generated_courses_agree(node: NodeEngine) -> None:
    folder = ROOT / ".generated-courses"  # inside the project, so both engines show the same relative name
    folder.mkdir(exist_ok=True)
    seen: list[bytes] = []

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(course_bytes())
    def agree(written: bytes) -> None:
        path = folder / "course.yaml"
        path.write_bytes(written)
        seen.append(written)
        assert disagreement(node, path.relative_to(ROOT).as_posix()) is None, written.decode(errors="replace")

    try:
        agree()
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    assert len(seen) >= EXAMPLES
