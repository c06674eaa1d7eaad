"""The editions in the built site: the editions page in both languages, in the menu, listing every file in editions/
with a link to it (published byte for byte); a page and a valid JSON for each change between editions and for changes
not yet in an edition; the last-change line of every item page."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from generator.editions.impact import history
from generator.editions.manifest import read_all
from generator.model import urls
from generator.model.types import Model
from generator.render.site.delta_data import _folder as folder_of
from generator.render.strings import t

from ..conftest import BuiltSite
from ..helpers import model_of
from ..next_edition import DATE, Plan
from .langscan import leaks
from .test_valid_html import VNU, nu_errors

pytestmark = pytest.mark.site

PREFIXES = {"en": "", "nl": "nl/"}
TITLE = {"en": "Editions", "nl": "Edities"}


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _editions(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "editions").glob("*.json"))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_editions_page_lists_every_edition_file_in_both_languages(built_site: BuiltSite, lang: str) -> None:
    site, prefix = built_site.site, PREFIXES[lang]
    html = (site / prefix / "editions" / "index.html").read_text(encoding="utf-8")
    assert f">{TITLE[lang]}</h1>" in html
    ids = _editions(built_site.root)
    assert ids, "the project has editions"
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    listed = re.findall(r'<th scope="row" data-label="[^"]+">([^<]+)</th>', body)
    pending = history(model_of(built_site.root), read_all(built_site.root)).current_id is None
    if pending:  # changes made after the latest edition, in mid-release: a row of their own comes first
        assert listed[0] == t("delta.unreleased", lang)
    assert listed[pending:] == sorted(ids, reverse=True)  # every edition, newest first
    for ident in ids:
        link = "../../editions/" if lang == "nl" else ""
        assert f'href="{link}{ident}.json"' in body
        published = site / "editions" / f"{ident}.json"  # one copy, language-neutral
        assert published.read_bytes() == (built_site.root / "editions" / f"{ident}.json").read_bytes()
    assert not (site / "nl" / "editions" / f"{ids[0]}.json").exists()
    shows = t("editions-pending" if pending else "editions-current", lang, edition=ids[-1])  # the latest
    assert shows in _text(html)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_editions_page_is_in_the_menu(built_site: BuiltSite, lang: str) -> None:
    html = (built_site.site / PREFIXES[lang] / "index.html").read_text(encoding="utf-8")
    menu = html[html.index('class="md-nav md-nav--primary"') :]
    assert re.search(
        r'<a href="editions/" class="md-nav__link">\s*<span class="md-ellipsis">\s*'
        rf"{TITLE[lang]}\s*</span>",
        menu,
    )


def _validator(root: Path) -> Draft202012Validator:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (root / "schemas").glob("*.schema.json")}
    registry: Registry[Any] = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return Draft202012Validator(schemas["delta.schema.json"], registry=registry, format_checker=FormatChecker())


def test_every_change_between_editions_has_its_page_and_valid_json(built_site: BuiltSite, model: Model) -> None:
    site, root = built_site.site, built_site.root
    hist = history(model, read_all(root))
    pairs = [*pairwise(_editions(root)), *([(_editions(root)[-1], "unreleased")] if hist.pending else [])]
    validator = _validator(root)
    for old, new in pairs:
        for lang, prefix in PREFIXES.items():
            folder = site / prefix / "editions" / f"{folder_of(old)}--{folder_of(new) if new != 'unreleased' else new}"
            html = (folder / "index.html").read_text(encoding="utf-8")
            assert '<link rel="alternate" type="application/json" href="index.json">' in html
            data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
            assert [e.message for e in validator.iter_errors(data)] == []
            assert data["lang"] == lang and data["old"]["id"] == old
    assert {p.name for p in (site / "editions").iterdir() if p.is_dir()} == {
        f"{folder_of(a)}--{folder_of(b) if b != 'unreleased' else b}" for a, b in pairs
    }


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_item_page_says_when_it_last_changed(built_site: BuiltSite, model: Model, lang: str) -> None:
    site, prefix = built_site.site, PREFIXES[lang]
    first = _editions(built_site.root)[0]
    words = {
        "en": ("Unchanged since edition", "Last changed in edition", "Added in edition", "Changed since edition"),
        "nl": (
            "Ongewijzigd sinds editie",
            "Laatst gewijzigd in editie",
            "Toegevoegd in editie",
            "Gewijzigd sinds editie",
        ),
    }[lang]
    pages = [
        site / prefix / urls.url_of(urls.item_target(model, i)[0]) / "index.html"
        for i in model.items
        if not urls.item_target(model, i)[1]
    ]
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        lines = re.findall(r'<p class="cr-meta cr-last-change">(.*?)</p>', html, re.S)
        assert len(lines) == 1, page
        assert _text(lines[0]).startswith(words), _text(lines[0])
        if _text(lines[0]).startswith(words[0]):
            assert f">{first}</a>" in lines[0] and 'href="../../../editions/"' in lines[0]


KIND_OF = {"reword": "reworded", "substantive": "changed", "renumber": "moved", "split": "split", "retire": "retired"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_realistic_next_edition_lists_each_change_on_its_page_in_the_readers_language(
    next_edition_site: tuple[BuiltSite, Plan], lang: str
) -> None:
    built, plan = next_edition_site
    folder = built.site / PREFIXES[lang] / "editions" / f"{folder_of(plan.old)}--{DATE}"
    data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert [e.message for e in _validator(built.root).iter_errors(data)] == []
    found = {(e["kind"], e["id"]) for e in data["items"]}
    wanted = {(KIND_OF[k], i) for k, ids in plan.changed.items() for i in ids} | {("added", i) for i in plan.added}
    assert wanted <= found  # and the duties and methods whose links followed a renumbered or split KSB, corrected
    assert {kind for kind, _ in found - wanted} <= {"corrected"}
    html = (folder / "index.html").read_text(encoding="utf-8")
    for kind, ident in wanted:
        anchor = "item-" + re.sub(r"[^a-z0-9-]", "-", ident.lower())
        assert f'id="{anchor}"' in html, (kind, ident)
    for entry in data["items"]:  # each old and new statement, in the page's language
        for side in [*([entry["old"]] if entry["old"] else []), *entry["new"]]:
            assert " ".join(side["statement"].split()) in _text(html)
        if "links" in entry["fields"]:  # a duty or method whose KSBs changed: its old and new links, linked
            assert all(f">{i}</a>" in html for side in [entry["old"], *entry["new"]] for i in side["links"])
    assert any("links" in e["fields"] for e in data["items"])
    assert leaks(folder, built.root / "standards") == []
    editions = (built.site / PREFIXES[lang] / "editions" / "index.html").read_text(encoding="utf-8")
    assert f'href="{folder_of(plan.old)}--{DATE}/"' in editions


def test_an_item_changed_in_the_next_edition_links_its_change(next_edition_site: tuple[BuiltSite, Plan]) -> None:
    built, plan = next_edition_site
    ident = plan.changed["reword"][0]
    model = model_of(built.root)
    page = built.site / urls.url_of(urls.item_target(model, ident)[0]) / "index.html"
    line = re.findall(r'<p class="cr-meta cr-last-change">(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
    anchor = "item-" + re.sub(r"[^a-z0-9-]", "-", ident.lower())
    assert len(line) == 1 and f'editions/{folder_of(plan.old)}--{DATE}/#{anchor}"' in line[0]
    assert unescape(re.sub(r"<[^>]+>", "", line[0])).startswith(f"Last changed in edition {DATE}: reworded,")


@pytest.mark.skipif(shutil.which("java") is None or not VNU.exists(), reason="needs Java and vnu-jar (npm ci)")
def test_the_nu_checker_finds_no_error_on_the_edition_pages(next_edition_site: tuple[BuiltSite, Plan]) -> None:
    built, plan = next_edition_site
    pages = [
        f"editions/{folder_of(plan.old)}--{DATE}/index.html",
        "editions/index.html",
        "coaching-professional/knowledge/k1/index.html",
    ]
    files = [built.site / prefix / page for prefix in PREFIXES.values() for page in pages]
    assert nu_errors(built.site, files) == []
