"""Dutch pages are Dutch and English pages English: no interface string of the other language on any built page,
the one 404 page serves both, and course reports name values in the reader's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.render.strings import t

from ..conftest import BuiltSite
from .htmlscan import scan
from .langscan import leaks, page_text

pytestmark = pytest.mark.site


def test_no_page_shows_the_other_languages_interface_strings(built_site: BuiltSite) -> None:
    found = leaks(built_site.site, built_site.root / "standards")
    assert [f"{leak.page}: {leak.fragment!r}" for leak in found] == []


def _page(tmp_path: Path, lang: str, body: str) -> Path:
    (tmp_path / "p").mkdir(exist_ok=True)
    path = tmp_path / "p" / "index.html"
    path.write_text(
        f'<!doctype html><html lang="{lang}"><body>{body}<br><img src=x alt=""></body></html>', encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("nl", f"<h2>{t('crosswalk', 'en')}</h2>", ["Crosswalk"]),
        ("nl", f'<button aria-label="{t("editorial-team", "en")}">x</button>', ["coachref editorial team"]),
        ("en", f"<p>{t('crosswalk', 'nl')}: a → b</p>", ["Koppeltabel"]),
        # data text that says which language it is in, and code, are not interface text
        ("nl", f'<blockquote lang="en"><p>{t("crosswalk", "en")}</p></blockquote><code>Crosswalk</code>', []),
        ("nl", f"<p>{t('crosswalk', 'nl')}</p>", []),
    ],
)
def test_the_scan_finds_a_planted_string(tmp_path: Path, lang: str, body: str, expected: list[str]) -> None:
    _page(tmp_path, lang, body)
    assert [leak.fragment for leak in leaks(tmp_path, tmp_path / "none")] == expected


def test_the_404_page_serves_both_languages(built_site: BuiltSite) -> None:
    page = built_site.site / "404.html"
    found = scan(page)
    assert {"/", "/nl/", "/?q=", "/nl/?q="} <= set(found.links)
    assert found.h1 == f"{t('not-found.title', 'en')} · {t('not-found.title', 'nl')}"
    text = page.read_text(encoding="utf-8")
    for lang in ("en", "nl"):
        assert f'<section lang="{lang}"' in text
        assert t("not-found.home", lang) in text


def test_the_language_names_in_the_switcher_carry_their_language(built_site: BuiltSite) -> None:
    html = (built_site.site / "nl" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en" lang="en"' in html and 'hreflang="nl" lang="nl"' in html
    assert "English" not in page_text(built_site.site / "nl" / "index.html")[1]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_switcher_marks_the_pages_own_language_and_the_home_page_names_the_site_once(
    built_site: BuiltSite, lang: str
) -> None:
    """ux.md 21: the current language is marked (aria-current); the Dutch home page's title said the site's name
    twice (Material's "<page> - <site>" on a home page static-i18n does not count as the home page)."""
    home = built_site.site / ("" if lang == "en" else "nl") / "index.html"
    html = home.read_text(encoding="utf-8")
    marked = [
        a
        for a in html.split("<a ")[1:]
        if "md-select__link" in a.split(">", 1)[0] and "aria-current" in a.split(">")[0]
    ]
    assert len(marked) == 1 and f'hreflang="{lang}"' in marked[0]
    (title,) = [line for line in html.splitlines() if "<title>" in line]
    assert " - " not in title, title
    k1 = home.parent / "coaching-professional/knowledge/k1/index.html"
    assert " - " in k1.read_text(encoding="utf-8").split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_search_snippets_hold_content_not_furniture(built_site: BuiltSite, lang: str) -> None:
    """ux.md 11: the copy button's words and the text-kind badges are left out of the search index (they filled
    snippets: "Id: ST0809:K5 Copy id", "Our summary official source"); a worked example's report is found by the
    course's name."""
    index = json.loads((built_site.site / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
    item_docs = [d for d in index["docs"] if "/knowledge/k" in d["location"]]
    assert item_docs
    for word in (t("copy-id", lang), t("kind.summary", lang)):  # "official source" stays: confidence lines say it
        assert not [d["location"] for d in item_docs if word in d["text"]], word
    titles = {d["title"] for d in index["docs"]}
    assert f"{t('report.title', lang)}: Jobcoach in de praktijk (concept)" in titles
