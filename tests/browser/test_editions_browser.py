"""The page of a realistic next edition's changes in a real Chromium, in both languages: axe-core finds no WCAG 2.2
A/AA violation, and on a phone nothing needs sideways scrolling (each change's table becomes cards)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from generator.render.site.delta_data import _folder as folder_of

from ..conftest import BuiltSite
from ..next_edition import DATE, Plan
from .conftest import AXE, BROWSER_MARKS, _Quiet, axe_violations
from .test_phone_and_paper import OVERFLOW, _phone

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def next_url(next_edition_site: tuple[BuiltSite, Plan]) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(next_edition_site[0].site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


def _pages(plan: Plan) -> list[str]:
    return [f"{prefix}editions/{folder_of(plan.old)}--{DATE}/" for prefix in ("", "nl/")] + [
        "editions/",
        "nl/editions/",
    ]


@pytest.mark.skipif(not AXE.exists(), reason="run `npm install` for axe-core (node_modules/axe-core)")
def test_axe_finds_no_violations_on_the_edition_pages(
    browser: Any, next_url: str, next_edition_site: tuple[BuiltSite, Plan]
) -> None:
    context = browser.new_context(bypass_csp=True, base_url=next_url)
    try:
        tab = context.new_page()
        found = {}
        for path in _pages(next_edition_site[1]):
            tab.goto(path)
            found[path] = axe_violations(tab)
    finally:
        context.close()
    assert found == {path: [] for path in found}


def test_no_edition_page_scrolls_sideways_on_a_phone(
    browser: Any, next_url: str, next_edition_site: tuple[BuiltSite, Plan]
) -> None:
    context = _phone(browser, next_url)
    try:
        tab = context.new_page()
        found = {}
        for path in _pages(next_edition_site[1]):
            tab.goto(path)
            found[path] = tab.evaluate(OVERFLOW)
    finally:
        context.close()
    assert found == {path: [] for path in found}
