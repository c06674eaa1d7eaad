"""Bounded work (issue 19 item 3) on the check page, in Chromium: a file past a limit, picked as a reader picks it,
shows the CLI's one located error (code, place and message) at once, and the tab stays free."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from generator.course.command import run_course
from tests.helpers import ROOT
from tests.tools.course_cases import PARITY, made

from .conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS
OVER = [
    PARITY / "file-too-large/course.yaml",
    PARITY / "too-many-modules/course.yaml",
    PARITY / "too-many-outcomes/course.yaml",
    ROOT / "tests/cases/course-invalid/xlsx-sheet-too-large/course.xlsx",
    ROOT / "tests/cases/course-invalid/xlsx-too-large/course.xlsx",
]


@pytest.mark.parametrize("path", OVER, ids=lambda p: p.parent.name)
def test_an_over_limit_file_shows_the_cli_s_error(page: Any, path: Path) -> None:
    if path.suffix == ".yaml":
        made(path.parent)
    page.goto("courses/check/")
    page.wait_for_function("typeof window.__crCheck === 'function'")
    start = time.monotonic()
    page.set_input_files("#cr-file", str(path))
    page.wait_for_function("window.__crLast !== undefined")
    elapsed = time.monotonic() - start
    _code, out, _err = run_course(ROOT, path.relative_to(ROOT), "json", None)
    expected = [
        f"{path.name}:{p['line']}:{p['col']}: error[{p['code']}] {p['message']}"
        + (f" (at {p['pointer']})" if p["pointer"] else "")
        for p in json.loads(out)["problems"]
    ]
    assert expected and all(f"error[{path.parent.name}]" in line for line in expected)  # the folder names the code
    shown = page.locator("#cr-output .cr-problems li code").all_inner_texts()
    assert shown == expected
    assert page.locator("#cr-errors").inner_text().startswith(f"{path.name} is not a valid course file")
    assert elapsed < 10, f"the page took {elapsed:.1f} s"


def test_the_tab_stays_free_while_a_large_file_is_checked(page: Any) -> None:
    """The check runs in a Web Worker (worker.js): while 10,001 outcomes are read (about a second of work), a timer on
    the page keeps firing. On the page's own thread it would stop for that second."""
    path = made(PARITY / "too-many-outcomes")
    page.goto("courses/check/")
    page.wait_for_function("typeof window.__crCheck === 'function'")
    page.evaluate(
        """() => {
          window.__gaps = [];
          let last = performance.now();
          window.__probe = setInterval(() => {
            const now = performance.now();
            window.__gaps.push(now - last);
            last = now;
          }, 20);
        }"""
    )
    page.set_input_files("#cr-file", str(path))
    page.wait_for_function("window.__crLast !== undefined")
    gaps = page.evaluate("() => { clearInterval(window.__probe); return window.__gaps; }")
    assert page.evaluate("window.__crLast.problems.problems[0].code") == "too-many-outcomes"
    assert max(gaps) < 400, f"the page stood still for {max(gaps):.0f} ms"
