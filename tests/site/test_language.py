"""Dutch pages are Dutch and English pages English: no interface string of the other language on any built page,
the one 404 page serves both, and course reports name values in the reader's language."""

from __future__ import annotations

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
