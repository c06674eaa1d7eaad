"""The built site in a real Chromium: language switch keeps the item, search stays in the reader's language,
and axe-core finds no WCAG 2.2 A/AA violation on each page kind in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.render.strings import t

from .conftest import AXE, BROWSER_MARKS, axe_violations

#: One page of each kind: home, group index, item pages, side by side, mappings hub, crosswalk, matrix, coverage,
#: KSB matrix, checklist, glossary, framework list and overview, downloads, editions, courses and a report, about,
#: 404.
PAGE_KINDS = [
    "",
    "coaching-professional/knowledge/",
    "coaching-professional/knowledge/k1/",
    "coaching-professional/side-by-side/",
    "jobcoach-eindtermen/intake-assessment/a/",
    "mappings/",
    "mappings/st0809--bvjn/",
    "mappings/bvjn--st0809/matrix/",
    "mappings/coverage/",
    "coaching-professional/duties-matrix/",
    "coaching-professional/checklist/",
    "glossary/",
    "frameworks/",
    "coaching-professional/",
    "downloads/",
    "editions/",
    "courses/",
    "courses/draft-jobcoach/",
    "about/",
    "clcas-career-coach/eligibility/1/",
    "404.html",
]

pytestmark = BROWSER_MARKS


def test_switching_language_on_an_item_page_lands_on_the_same_item(page: Any, base_url: str) -> None:
    page.goto("coaching-professional/knowledge/k3/")
    assert page.locator("h1").inner_text() == "K3"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="nl"]').click()
    page.wait_for_url(f"{base_url}nl/coaching-professional/knowledge/k3/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "K3"
    assert page.locator("h2#verwante-items").count() == 1
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{base_url}coaching-professional/knowledge/k3/")


def _search(page: Any, url: str, query: str) -> list[str]:
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=15000)
    return [str(a.get_attribute("href")) for a in results.all()]


@pytest.mark.parametrize(
    ("start", "query", "dutch"),
    [
        pytest.param("nl/", "vaardigheden", True, id="dutch-word-on-nl"),
        pytest.param("nl/", "Kolb", True, id="name-in-both-languages-on-nl"),
        pytest.param("", "Kolb", False, id="name-in-both-languages-on-en"),
    ],
)
def test_search_returns_only_pages_in_the_readers_language(
    page: Any, base_url: str, start: str, query: str, dutch: bool
) -> None:
    hrefs = _search(page, start, query)
    assert hrefs
    in_nl = [h.startswith(f"{base_url}nl/") for h in hrefs]
    assert all(in_nl) if dutch else not any(in_nl), hrefs


@pytest.mark.skipif(not AXE.exists(), reason="run `npm install` for axe-core (node_modules/axe-core)")
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", PAGE_KINDS)
def test_axe_finds_no_violations(page: Any, lang: str, path: str) -> None:
    page.goto(("" if lang == "en" else "nl/") + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("start", "query", "first"),
    [
        pytest.param("", "K5", "coaching-professional/knowledge/k5/", id="code-en"),
        pytest.param("", "Method 6.10", "jobcoach-eindtermen/methodiek/traject-10/", id="name-en"),
        pytest.param("nl/", "Jobfinding f", "nl/jobcoach-eindtermen/jobfinding/f/", id="name-nl"),
        # a common word: some item page (whose text or mapped texts use it) before the large crosswalk pages
        pytest.param(
            "nl/",
            "werkgever",
            r"nl/(coaching-professional|jobcoach-eindtermen|clcas-career-coach)/[^/]+/[^/]+/",
            id="word-nl-item-before-crosswalk",
        ),
    ],
)
def test_search_for_an_item_puts_an_item_page_first(
    page: Any, base_url: str, start: str, query: str, first: str
) -> None:
    hrefs = _search(page, start, query)
    page.wait_for_timeout(300)  # results arrive in batches; the order settles
    hrefs = [
        str(a.get_attribute("href")) for a in page.locator(".md-search-result__item > a.md-search-result__link").all()
    ]
    assert re.match(first, hrefs[0].removeprefix(base_url)), hrefs[:3]
    snippet = page.locator(".md-search-result__item").first.inner_text()
    count = re.escape(t("filter-count", "nl" if start else "en"))
    count = count.replace(r"\{shown\}", r"\d+").replace(r"\{total\}", r"\d+")  # "3 of 91 mappings shown"
    assert not re.search(count, snippet), "filter controls are not in the index"


def test_language_switch_keeps_the_query_string_and_anchor(page: Any, base_url: str) -> None:
    page.goto("mappings/st0809--bvjn/?relation=narrow#relation-narrow")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="nl"]').click()
    page.wait_for_url(f"{base_url}nl/mappings/st0809--bvjn/?relation=narrow#relation-narrow")
    assert (
        page.locator("table.cr-crosswalk tbody tr:not([hidden])").count()
        < page.locator("table.cr-crosswalk tbody tr").count()
    )
    assert (
        page.locator("table.cr-crosswalk caption")
        .inner_text()
        .startswith(page.locator(".cr-count").inner_text().split(" ")[0])
    )
