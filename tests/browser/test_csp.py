"""The Content-Security-Policy (issue 20 item 3): every page kind, in both languages, carries it as a <meta> tag with
no 'unsafe-inline' for scripts, and Chromium reports not one violation, also while the page's scripts work (search,
a course checked, a workbook entry, the editions page)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ..conftest import PROJECT
from .conftest import BROWSER_MARKS
from .test_browser import PAGE_KINDS

pytestmark = BROWSER_MARKS

#: Collects every violation from the first script on (securitypolicyviolation events reach the document).
COLLECT = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""
PAGES = [*PAGE_KINDS, "courses/check/", "coaching-professional/workbook/", "editions/2026-11-30--2026-12-05/"]


def _until(tab: Any, expression: str, seconds: float = 30) -> None:
    """Wait until `expression` holds, asked through the DevTools protocol: Playwright's wait_for_function evaluates a
    string inside the page, which this page's CSP (rightly) refuses."""
    for _ in range(int(seconds * 20)):
        if tab.evaluate(expression):
            return
        tab.wait_for_timeout(50)
    raise AssertionError(f"never true: {expression}")


def _open(browser: Any, base_url: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(base_url=base_url)
    context.add_init_script(COLLECT)
    tab = context.new_page()
    refused: list[str] = []
    tab.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return context, tab, refused


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_kind_has_the_policy_and_no_violation(browser: Any, base_url: str, lang: str) -> None:
    context, tab, refused = _open(browser, base_url)
    try:
        for path in PAGES:
            tab.goto(("" if lang == "en" or path == "404.html" else "nl/") + path)
            tab.wait_for_load_state("networkidle")
            meta = tab.locator('meta[http-equiv="Content-Security-Policy"]')
            assert meta.count() == 1, path
            content = meta.get_attribute("content") or ""
            script_src = re.search(r"script-src ([^;]*)", content)
            assert script_src is not None and "'unsafe-inline'" not in script_src.group(1), path
            assert "default-src 'self'" in content and "http" not in content, path
            assert tab.evaluate("window.__csp") == [], path
        assert refused == []
    finally:
        context.close()


def test_no_violation_while_the_scripts_work(browser: Any, base_url: str) -> None:
    """Search, the check page checking a course and printing it, and the workbook saving an entry."""
    context, tab, refused = _open(browser, base_url)
    try:
        tab.goto("coaching-professional/")
        tab.keyboard.press("/")  # Material's search shortcut: opens search, loads the worker and the index
        tab.locator("input.md-search__input").fill("reflective")
        tab.locator(".md-search-result__item").first.wait_for()
        assert tab.evaluate("window.__csp") == []
        tab.goto("courses/check/")
        _until(tab, "typeof window.__crCheck === 'function'")
        tab.set_input_files("#cr-file", str(PROJECT / "courses/draft-jobcoach.yaml"))
        _until(tab, "window.__crLast !== undefined")
        assert tab.locator(".cr-verdict").count() == 1
        tab.emulate_media(media="print")
        assert tab.evaluate("window.__csp") == []
        tab.emulate_media(media="screen")
        tab.goto("coaching-professional/workbook/")
        tab.locator(".cr-wb-tools:not([hidden])").wait_for()
        tab.locator("#wb-knowledge-k1 input[value=ready]").check()
        assert tab.evaluate("window.__csp") == []
        assert refused == []
    finally:
        context.close()
