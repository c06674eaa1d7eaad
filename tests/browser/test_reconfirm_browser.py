"""Crosswalk rows to re-confirm in a real Chromium, on the site of a realistic next edition (tests/next_edition.py:
ten items changed in substance, ten split): the crosswalk's review filter shows exactly those rows, with their reason
readable; the pages that mark them pass axe-core (WCAG 2.2 A/AA) and the Nu HTML Checker, and need no sideways
scrolling on a phone."""

from __future__ import annotations

from typing import Any

import pytest

from generator.editions.impact import history, to_reconfirm
from generator.model import urls
from generator.model.types import Model
from generator.pipeline import load_model

from ..conftest import BuiltSite
from ..next_edition import Plan
from ..site.test_valid_html import VNU, nu_errors
from .conftest import AXE, BROWSER_MARKS, axe_violations
from .test_editions_browser import next_url  # noqa: F401  (the next edition's site, served)
from .test_phone_and_paper import OVERFLOW, _phone

pytestmark = BROWSER_MARKS


def _checked(site: tuple[BuiltSite, Plan]) -> tuple[Model, set[tuple[str, str]]]:
    checked = load_model(site[0].root)
    assert checked.model is not None
    return checked.model, set(to_reconfirm(checked.model, history(checked.model, checked.editions)))


def _pages(model: Model, stale: set[tuple[str, str]]) -> list[str]:
    item = min(source for source, _ in stale if source.startswith("ST0809:"))
    page = urls.url_of(urls.item_target(model, item)[0])
    return [
        f"{lang}{path}"
        for lang in ("", "nl/")
        for path in ("mappings/st0809--bvjn/", "mappings/st0809--bvjn/matrix/", "mappings/coverage/", page)
    ]


def test_the_review_filter_shows_exactly_the_rows_to_reconfirm(
    browser: Any,
    next_url: str,  # noqa: F811
    next_edition_site: tuple[BuiltSite, Plan],
) -> None:
    model, stale = _checked(next_edition_site)
    mset = next(s for s in model.mapping_sets if (s.source, s.target) == ("ST0809", "BVJN"))
    wanted = sum((m.source, m.target) in stale for m in mset.mappings)
    assert 0 < wanted < len(mset.mappings)
    context = browser.new_context(bypass_csp=True, base_url=next_url)
    try:
        tab = context.new_page()
        tab.goto("mappings/st0809--bvjn/")
        tab.select_option('.cr-filters select[data-filter="reconfirm"]', "yes")
        rows = tab.eval_on_selector_all(
            "table.cr-crosswalk tbody tr",
            "rows => rows.map(r => ({"
            "visible: r.offsetParent !== null, flagged: r.dataset.reconfirm === 'yes',"
            "text: r.innerText}))",
        )
        shown = [r for r in rows if r["visible"]]
        assert len(shown) == wanted and all(r["flagged"] and "To be re-confirmed:" in r["text"] for r in shown)
        assert tab.inner_text(".cr-filters .cr-count") == f"Showing {wanted} of {len(mset.mappings)} mappings."
        assert "reconfirm=yes" in tab.url  # a shared address keeps the filter
        tab.goto("mappings/st0809--bvjn/?reconfirm=yes")
        assert (
            tab.eval_on_selector_all(
                "table.cr-crosswalk tbody tr", "rows => rows.filter(r => r.offsetParent !== null).length"
            )
            == wanted
        )
    finally:
        context.close()


@pytest.mark.skipif(not AXE.exists(), reason="run `npm install` for axe-core (node_modules/axe-core)")
def test_axe_finds_no_violations_where_rows_are_marked(
    browser: Any,
    next_url: str,  # noqa: F811
    next_edition_site: tuple[BuiltSite, Plan],
) -> None:
    context = browser.new_context(bypass_csp=True, base_url=next_url)
    try:
        tab = context.new_page()
        found = {}
        for path in _pages(*_checked(next_edition_site)):
            tab.goto(path)
            assert tab.locator(".cr-reconfirm, .cr-reconfirm-mark, .cr-reconfirm-note").count(), path
            found[path] = axe_violations(tab)
    finally:
        context.close()
    assert found == {path: [] for path in found}


def test_pages_with_marked_rows_need_no_sideways_scrolling_on_a_phone(
    browser: Any,
    next_url: str,  # noqa: F811
    next_edition_site: tuple[BuiltSite, Plan],
) -> None:
    context = _phone(browser, next_url)
    try:
        tab = context.new_page()
        found = {}
        for path in _pages(*_checked(next_edition_site)):
            tab.goto(path)
            found[path] = tab.evaluate(OVERFLOW)
    finally:
        context.close()
    assert found == {path: [] for path in found}


@pytest.mark.skipif(not VNU.exists(), reason="run `npm ci` for vnu-jar (node_modules/vnu-jar)")
def test_the_nu_checker_finds_no_error_where_rows_are_marked(next_edition_site: tuple[BuiltSite, Plan]) -> None:
    site = next_edition_site[0].site
    files = [site / path / "index.html" for path in _pages(*_checked(next_edition_site))]
    assert nu_errors(site, files) == []
