"""Crosswalk pages in a real Chromium: filters show only the chosen rows, sorting reorders them, and the printed
PDF (A4, via page.pdf) holds every mapped pair, uncut, with the versions and sources on every page."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

from generator.model.types import Model

from .conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS

#: A4 in PDF points (1/72 inch), portrait.
A4 = (595.28, 841.89)
#: Printable width in CSS pixels (96 per inch) of A4 minus print.css's side margins: portrait 15 mm each side,
#: landscape 12 mm each side.
PRINT_WIDTH = {"portrait": (210 - 30) / 25.4 * 96, "landscape": (297 - 24) / 25.4 * 96}


def _rows(page: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = page.eval_on_selector_all(
        "table.cr-crosswalk tbody tr",
        "rows => rows.map(r => ({relation: r.dataset.relation, groups: r.dataset.groups.split(' '),"
        " visible: r.offsetParent !== null, order: Number(r.dataset.order)}))",
    )
    return rows


def test_filter_by_relation_shows_only_rows_of_that_type(page: Any, model: Model) -> None:
    mset = next(m for m in model.mapping_sets if (m.source, m.target) == ("ST0809", "BVJN"))
    page.goto("mappings/st0809--bvjn/")
    assert all(r["visible"] for r in _rows(page)), "without a filter every row shows"
    for relation in sorted({m.relation for m in mset.mappings}):
        page.select_option('.cr-filters select[data-filter="relation"]', relation)
        rows = _rows(page)
        shown = [r for r in rows if r["visible"]]
        assert shown and all(r["relation"] == relation for r in shown)
        assert len(shown) == sum(m.relation == relation for m in mset.mappings)
        assert page.inner_text(".cr-filters .cr-count") == f"Showing {len(shown)} of {len(rows)} mappings."
    page.select_option('.cr-filters select[data-filter="relation"]', "")
    assert all(r["visible"] for r in _rows(page))


def test_filter_by_group_and_relation_together(page: Any, model: Model) -> None:
    mset = next(m for m in model.mapping_sets if (m.source, m.target) == ("ST0809", "BVJN"))
    page.goto("nl/mappings/bvjn--st0809/")
    page.select_option('.cr-filters select[data-filter="group"]', "BVJN:coaching-on-the-job")
    shown = [r for r in _rows(page) if r["visible"]]
    in_group = [m for m in mset.mappings if model.items[m.target].group == "BVJN:coaching-on-the-job"]
    assert len(shown) == len(in_group) > 0
    assert all("BVJN:coaching-on-the-job" in r["groups"] for r in shown)
    page.select_option('.cr-filters select[data-filter="relation"]', "related")
    shown = [r for r in _rows(page) if r["visible"]]
    assert len(shown) == sum(m.relation == "related" for m in in_group)
    assert page.inner_text(".cr-filters .cr-count").startswith(f"{len(shown)} van de {len(mset.mappings)}")


def test_a_filter_is_kept_in_the_address_and_said_on_paper(page: Any, model: Model, base_url: str) -> None:
    mset = next(m for m in model.mapping_sets if (m.source, m.target) == ("ST0809", "BVJN"))
    narrow = sum(m.relation == "narrow" for m in mset.mappings)
    page.goto("mappings/st0809--bvjn/?relation=narrow")
    shown = [r for r in _rows(page) if r["visible"]]
    assert narrow and len(shown) == narrow and all(r["relation"] == "narrow" for r in shown)
    page.select_option('.cr-filters select[data-filter="group"]', "BVJN:methodiek")
    assert page.url == f"{base_url}mappings/st0809--bvjn/?relation=narrow&group=BVJN%3Amethodiek"
    page.emulate_media(media="print")
    assert page.locator(".cr-filters .cr-count").is_visible(), "a filtered printout says it is filtered"
    assert not page.locator(".cr-filters select").first.is_visible()
    page.emulate_media(media="screen")
    page.select_option('.cr-filters select[data-filter="relation"]', "")
    page.select_option('.cr-filters select[data-filter="group"]', "")
    assert page.url == f"{base_url}mappings/st0809--bvjn/"
    page.emulate_media(media="print")
    assert not page.locator(".cr-filters").is_visible(), "an unfiltered printout shows no filter line"


def test_sorting_by_relation_puts_the_strongest_first_then_reverses(page: Any, model: Model) -> None:
    page.goto("mappings/st0809--bvjn/")
    strength = {r.id: r.strength for r in model.relations}
    header = page.locator("table.cr-crosswalk thead th").nth(1)
    header.locator("button.cr-sort").click()
    assert header.get_attribute("aria-sort") == "ascending"
    ranks = [-strength[r["relation"]] for r in _rows(page)]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1
    header.locator("button.cr-sort").click()
    assert header.get_attribute("aria-sort") == "descending"
    ranks = [-strength[r["relation"]] for r in _rows(page)]
    assert ranks == sorted(ranks, reverse=True)


def _squash(text: str) -> str:
    """Text without any whitespace: PDF text breaks lines (and long words) where the layout did."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_printed_crosswalk_holds_every_pair_uncut_on_landscape_a4(page: Any, model: Model, lang: str) -> None:
    from pypdf import PdfReader

    prefix = "" if lang == "en" else "nl/"
    page.goto(f"{prefix}mappings/st0809--bvjn/")
    row_texts = page.eval_on_selector_all("table.cr-crosswalk tbody tr", "rows => rows.map(r => r.innerText)")
    running = page.evaluate(
        "() => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; }"
        " catch (e) { return []; } }).filter(r => r instanceof CSSPageRule)"
        ".flatMap(r => [...r.cssRules]).map(r => r.style.content).filter(c => c.includes('2'))"
    )
    assert len(running) == 2, running  # this page's header (versions, sources) and footer (data date)
    header, footer = (json.loads(x) for x in running)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(round(A4[1]), round(A4[0]))}, "every page is landscape A4"
    assert 2 <= len(pdf.pages) <= 30
    texts = [p.extract_text() for p in pdf.pages]
    whole = _squash("".join(texts))
    mset = next(m for m in model.mapping_sets if (m.source, m.target) == ("ST0809", "BVJN"))
    assert len(row_texts) == len(mset.mappings)
    missing = [t[:60] for t in row_texts if _squash(t) not in whole]
    assert missing == [], "rows cut or lost in print"
    for n, text in enumerate(texts, start=1):
        assert _squash(header) in _squash(text), f"page {n} lacks the versions and sources header"
        assert _squash(footer) in _squash(text), f"page {n} lacks the data-date footer"
        assert f"{n} / {len(texts)}" in text, f"page {n} lacks its page number"


@pytest.mark.parametrize(
    "path",
    [
        "mappings/st0809--bvjn/",
        "mappings/bvjn--st0809/",
        "mappings/clcas--st0809/",
        "mappings/st0809--bvjn/matrix/",
        "mappings/bvjn--st0809/matrix/",
        "mappings/coverage/",
        "coaching-professional/duties-matrix/",
        "coaching-professional/epa-matrix/",
    ],
)
def test_no_table_is_wider_than_the_printed_page(browser: Any, base_url: str, path: str) -> None:
    """Laid out for print at the printable width of its A4 page, no cell of any table reaches past the edge."""
    context = browser.new_context(bypass_csp=True, base_url=base_url)
    try:
        tab = context.new_page()
        tab.goto(path)
        orientation = "landscape" if tab.locator(".cr-landscape").count() else "portrait"
        tab.set_viewport_size({"width": int(PRINT_WIDTH[orientation]), "height": 1000})
        tab.emulate_media(media="print")
        overflow = tab.evaluate(
            "() => { const edge = document.documentElement.clientWidth + 0.5;"
            " return [...document.querySelectorAll('table.cr-table th, table.cr-table td')]"
            ".filter(c => c.getBoundingClientRect().right > edge).map(c => c.innerText.slice(0, 40)); }"
        )
        assert overflow == [], f"{path} ({orientation}): cells past the page edge"
        assert tab.locator("table.cr-table").count() > 0
    finally:
        context.close()
