"""The check page's engine against the CLI's: every course file under courses/ and tests/cases/ goes through
`coachref course --format json` and through the browser engine in real Chromium, and both must give the same JSON
report, or the same problems (code, place, message, hint)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.course.command import run_course
from tests.browser.conftest import BROWSER_MARKS
from tests.helpers import ROOT
from tests.test_course_parity import parser_words_out
from tests.tools.course_cases import parity_cases

pytestmark = BROWSER_MARKS

COURSE_FILES = sorted(
    [p for p in (ROOT / "courses").iterdir() if p.suffix in (".yaml", ".xlsx")]
    + [p for p in (ROOT / "tests/cases/courses").iterdir() if p.is_file()]
    + list((ROOT / "tests/cases/course-invalid").glob("*/course.xlsx"))
    + list((ROOT / "tests/cases/base/courses").glob("*.yaml"))
    + [p for p in (ROOT / "tests/cases/course-check").iterdir() if p.is_file()]
    + [folder / "course.yaml" for folder in parity_cases() if not (folder / "disagrees.txt").exists()]
)
TODAY = datetime.date.today().isoformat()


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def browser_results(browser: Any, base_url: str) -> Iterator[dict[str, Any]]:
    """Every course file through the browser engine, on one open check page."""
    context = browser.new_context(bypass_csp=True, base_url=base_url)
    tab = context.new_page()
    tab.goto("courses/check/")
    tab.wait_for_function("typeof window.__crCheck === 'function'")
    results = {}
    for path in COURSE_FILES:
        results[rel(path)] = tab.evaluate(
            "([name, bytes, today]) => window.__crCheck(name, new Uint8Array(bytes), today)",
            [rel(path), list(path.read_bytes()), TODAY],
        )
    yield results
    context.close()


def test_enough_course_cases() -> None:
    assert len(list((ROOT / "tests/cases/course-check").iterdir())) >= 10


@pytest.mark.parametrize("path", COURSE_FILES, ids=rel)
def test_both_engines_agree(path: Path, browser_results: dict[str, Any]) -> None:
    code, out, err = run_course(ROOT, Path(rel(path)), "json", None)
    assert code in (0, 1), err
    python = json.loads(out)
    browser = browser_results[rel(path)]
    if "problems" in python:
        assert "problems" in browser, browser.get("report", browser)
        assert parser_words_out(browser["problems"]) == parser_words_out(python)
    else:
        assert "report" in browser, browser.get("problems", browser)
        python["checked"] = TODAY  # the CLI's clock and the test's agree except across midnight
        assert browser["report"] == python


def test_the_browser_engine_names_no_framework_rule_or_id() -> None:
    """Neither a rule nor a condition written twice: the scripts name no framework, requirement set, group or item;
    all of that comes from data.json, compiled from standards/ (course/bundle.py)."""
    import re

    from generator.pipeline import load_model

    model = load_model(ROOT).model
    assert model is not None
    names = {r.id for r in model.requirement_sets} | set(model.groups) | {f.id for f in model.frameworks}
    scripts = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs/assets/javascripts/course-check").glob("*.js"))
    )
    found = sorted(n for n in names if re.search(rf"[\"'`]{re.escape(n)}[\"'`.:]", scripts))
    assert found == []
