"""On a phone and on paper, in a real Chromium: no page kind needs sideways scrolling at 390 px, chart labels
are readable, and printed crosswalks and checklists keep their column headers on every page."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from generator.render.strings import t

from .conftest import BROWSER_MARKS
from .test_browser import PAGE_KINDS

pytestmark = BROWSER_MARKS

PHONE = {"width": 390, "height": 844}
#: Elements wider than their box: the page itself, or a scrolling region holding a table or a code block.
OVERFLOW = """() => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) { out.push('page: ' + root.scrollWidth + ' px'); }
  for (const box of document.querySelectorAll('.md-content .cr-scroll, .md-content .md-typeset__scrollwrap,'
                                              + ' .md-content table, .md-content pre')) {
    if (box.scrollWidth > box.clientWidth + 1) {
      out.push(box.className + ' ' + box.tagName + ': ' + box.scrollWidth + ' > ' + box.clientWidth);
    }
  }
  return out;
}"""


def _phone(browser: Any, base_url: str) -> Any:
    return browser.new_context(
        bypass_csp=True, base_url=base_url, viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_page_kind_scrolls_sideways_on_a_phone(browser: Any, base_url: str, lang: str) -> None:
    context = _phone(browser, base_url)
    try:
        tab = context.new_page()
        found = {}
        for path in PAGE_KINDS:
            tab.goto(("" if lang == "en" else "nl/") + path)
            wide = tab.evaluate(OVERFLOW)
            if wide:
                found[path] = wide
        assert found == {}
    finally:
        context.close()


def test_the_check_page_offers_no_drop_zone_on_a_phone(browser: Any, base_url: str) -> None:
    """ux.md 16: on a touch screen there is nothing to drag; the file button stays."""
    context = _phone(browser, base_url)
    try:
        tab = context.new_page()
        tab.goto("nl/courses/check/")
        assert tab.locator("#cr-file").is_visible() and not tab.locator("#cr-drop").is_visible()
    finally:
        context.close()
    context = browser.new_context(bypass_csp=True, base_url=base_url)
    try:
        tab = context.new_page()
        tab.goto("nl/courses/check/")
        assert tab.locator("#cr-drop").is_visible()  # with a mouse it is there
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_coverage_chart_labels_are_at_least_12_px(browser: Any, base_url: str, width: int) -> None:
    context = browser.new_context(bypass_csp=True, base_url=base_url, viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.goto("nl/mappings/coverage/")
        sizes = tab.eval_on_selector_all(
            ".cr-chart [data-chart-label]",
            "els => els.map(e => e.getBoundingClientRect().height && parseFloat(getComputedStyle(e).fontSize))",
        )
        assert sizes and min(sizes) >= 12, sizes
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("path", "columns", "row"),
    [
        # a crosswalk row ends on "Reviewed: …"; a checklist row starts with its KSB code
        ("mappings/st0809--bvjn/", ("relation",), "reviewed"),
        ("coaching-professional/checklist/", ("statement", "evidence"), ""),
    ],
)
def test_printed_headers_keep_their_text_on_every_page(
    page: Any, lang: str, path: str, columns: tuple[str, ...], row: str
) -> None:
    from pypdf import PdfReader

    from generator.render.strings import t

    page.goto(("" if lang == "en" else "nl/") + path)
    page.wait_for_function("() => document.readyState === 'complete'")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    marker = re.compile(re.escape(t(row, lang) + ":") if row else r"\b[KSB]\d{1,2}\b")
    with_rows = [
        (n, re.sub(r"\s+", "", s.extract_text()))
        for n, s in enumerate(pdf.pages, start=1)
        if marker.search(s.extract_text())
    ]
    assert len(with_rows) >= 3, "a table over several pages"
    for n, text in with_rows[1:]:
        for key in columns:
            assert re.sub(r"\s+", "", t(key, lang)) in text, f"page {n} lacks the header {t(key, lang)!r}"


@pytest.mark.parametrize(
    ("lang", "path"), [("en", "coaching-professional/epa-matrix/"), ("nl", "nl/coaching-professional/epa-matrix/")]
)
def test_unknown_matrix_cells_are_visible_and_spoken_on_a_phone(
    browser: Any, base_url: str, lang: str, path: str
) -> None:
    """ux.md finding 6: at 390 px the KSB matrix becomes cards and the "not yet known" cells were display:none, the
    "?" only CSS content. Now each unknown cell shows its column's name and "?", and carries the words."""
    words = t("not-yet-known", lang)  # type: ignore[arg-type]
    context = _phone(browser, base_url)
    try:
        tab = context.new_page()
        tab.goto(path)
        cells = tab.locator("table.cr-link-matrix td.cr-u")
        assert cells.count() > 0
        shown = tab.evaluate("""() => [...document.querySelectorAll('table.cr-link-matrix td.cr-u')].map(c => {
            const box = c.getBoundingClientRect();
            return [getComputedStyle(c).display, box.width > 0 && box.height > 0, c.textContent.trim(),
                    getComputedStyle(c, '::before').content]; })""")
        assert all(display != "none" and visible for display, visible, _text, _label in shown)
        assert all(text == f"?{words}" for _d, _v, text, _label in shown)  # "?" shown, the words for readers
        assert all(label.startswith('"EPA') for _d, _v, _text, label in shown)  # the column's name on the card
        # the accessibility tree holds the words, not a bare "?": the "?" is aria-hidden
        snapshot = tab.locator("table.cr-link-matrix td.cr-u").first.aria_snapshot()
        assert words in snapshot and "?" not in snapshot
    finally:
        context.close()
