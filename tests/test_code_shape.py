"""The size discipline code.md asks to keep: every module of generator/ opens with a docstring that says its role, is
at most 300 lines long, and has no function over 60 lines.

Modules and functions that grew past the limits before this test existed are listed with their size today. The
list is a ratchet: a listed one may shrink (then write its new size here, or strike it once it is within the limit)
but never grow, and nothing new may join it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60

#: Module (relative to generator/) -> its length in lines when the test was written.
LONG_MODULES: dict[str, int] = {}
#: "module:function" -> its length in lines when the test was written.
LONG_FUNCTIONS: dict[str, int] = {
    "load/builder.py:node": 64,
    "validate/schema_errors.py:_problem": 61,
}

MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


def _functions(tree: ast.Module) -> list[tuple[str, int]]:
    found = ast.walk(tree)
    return [
        (node.name, (node.end_lineno or node.lineno) - node.lineno + 1)
        for node in found
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


@pytest.mark.parametrize("module", MODULES)
def test_a_module_says_its_role_and_stays_small(module: str) -> None:
    text = (PACKAGE / module).read_text(encoding="utf-8")
    tree = ast.parse(text)
    doc = ast.get_docstring(tree)
    assert doc and doc.splitlines()[0].strip(), f"generator/{module}: the first line of its docstring says its role"
    lines = len(text.splitlines())
    limit = LONG_MODULES.get(module, MAX_MODULE_LINES)
    assert lines <= limit, (
        f"generator/{module} has {lines} lines, more than {limit}: split it at a stage or role boundary"
    )
    for name, length in _functions(tree):
        key = f"{module}:{name}"
        allowed = LONG_FUNCTIONS.get(key, MAX_FUNCTION_LINES)
        assert length <= allowed, f"generator/{key} has {length} lines, more than {allowed}: split it"


def test_the_ratchet_lists_only_what_is_still_too_long_at_its_size_today() -> None:
    """A listed module or function that shrank must be written here at its new size (or struck off once within the
    limit), so that the list cannot hide growth later."""
    sizes = {m: len((PACKAGE / m).read_text(encoding="utf-8").splitlines()) for m in MODULES}
    assert {m: sizes.get(m) for m in LONG_MODULES} == LONG_MODULES
    lengths = {
        f"{m}:{name}": length
        for m in MODULES
        for name, length in _functions(ast.parse((PACKAGE / m).read_text(encoding="utf-8")))
    }
    assert {k: lengths.get(k) for k in LONG_FUNCTIONS} == LONG_FUNCTIONS
    assert all(n > MAX_MODULE_LINES for n in LONG_MODULES.values())
    assert all(n > MAX_FUNCTION_LINES for n in LONG_FUNCTIONS.values())
