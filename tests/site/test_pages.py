"""The built site: every item has a page in both languages with the right title, badge and links."""

from __future__ import annotations

import posixpath
from html import escape as html_escape
from pathlib import Path

import pytest

from generator.model import urls
from generator.model.types import LANGUAGES, Model
from generator.render.site import context, pages
from generator.render.strings import t

from ..conftest import BuiltSite
from .htmlscan import scan

pytestmark = pytest.mark.site


def page_file(site: Path, path: str, lang: str) -> Path:
    prefix = "" if lang == "en" else f"{lang}/"
    return site / (prefix + urls.url_of(path)) / "index.html"


def resolve(page_url: str, href: str) -> str:
    """The site-relative URL a relative href on the page at `page_url` points to (no anchor)."""
    return posixpath.normpath(posixpath.join(page_url, href.split("#")[0])).lstrip("./") + "/"


def test_the_build_is_strict_and_quiet(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.log


def test_every_item_has_a_page_in_both_languages_with_title_and_badge(built_site: BuiltSite, model: Model) -> None:
    checked = 0
    for fw in model.frameworks:
        for group in fw.groups:
            for item in group.items:
                path = urls.item_page(fw, group, item)
                for lang in LANGUAGES:
                    file = page_file(built_site.site, path, lang)
                    if not group.item_pages:
                        assert not file.exists(), f"{item.id} is in a group without item pages: {file}"
                        continue
                    assert file.is_file(), f"no {lang} page for {item.id}"
                    page = scan(file)
                    assert page.html_lang == lang
                    assert page.h1 == context.item_heading(model, item, lang)
                    kind = item.statement.kind(lang)
                    assert page.badges[0] == (f"cr-badge cr-badge--{kind}", t(f"kind.{kind}", lang)), item.id
                    if kind != "official":
                        source = context.official_url(fw, item)
                        assert source in page.links if source else any(h.endswith("#sources") for h in page.links), (
                            f"{item.id}: no link to the source"
                        )
                    checked += 1
    assert checked > 100


def test_item_pages_link_their_related_items(built_site: BuiltSite, model: Model) -> None:
    """A duty links its KSBs, an EPA method the KSBs it assesses, and each KSB links back to both."""
    for item in model.items.values():
        group = model.groups[item.group]
        if not group.item_pages:
            continue
        fw = model.framework[item.framework]
        related = [
            *item.ksbs,
            *item.assesses,
            *(x.id for x in model.linked_from.get(("ksbs", item.id), ())),
            *(x.id for x in model.linked_from.get(("assesses", item.id), ())),
        ]
        for lang in LANGUAGES:
            base = ("" if lang == "en" else f"{lang}/") + urls.url_of(urls.item_page(fw, group, item))
            targets = {
                resolve(base, href)
                for href in scan(page_file(built_site.site, urls.item_page(fw, group, item), lang)).links
            }
            for other in related:
                target, _ = urls.item_target(model, other)
                expected = ("" if lang == "en" else f"{lang}/") + urls.url_of(target)
                assert expected in targets, f"{item.id} ({lang}) does not link {other}"


def test_a_ksb_page_names_its_duty_and_method(built_site: BuiltSite) -> None:
    page = scan(built_site.site / "coaching-professional/knowledge/k3/index.html")
    assert "../../duties/1/" in page.links
    assert "../../epa/knowledge-test/" in page.links


def test_no_page_exists_in_one_language_only(built_site: BuiltSite) -> None:
    english = {
        p.relative_to(built_site.site).as_posix()
        for p in built_site.site.rglob("index.html")
        if not p.relative_to(built_site.site).as_posix().startswith("nl/")
    }
    dutch = {p.relative_to(built_site.site / "nl").as_posix() for p in (built_site.site / "nl").rglob("index.html")}
    assert english == dutch
    assert len(english) > 150


def test_stable_url_rule(built_site: BuiltSite) -> None:
    for path in (
        "coaching-professional/knowledge/k1",
        "jobcoach-eindtermen/intake-assessment/a",
        "clcas-career-coach/commitments/1-1",
        "coaching-professional/duties/1",
    ):
        assert (built_site.site / path / "index.html").is_file()
        assert (built_site.site / "nl" / path / "index.html").is_file()


def test_generated_pages_carry_the_header(built_site: BuiltSite) -> None:
    generated = list((built_site.root / "docs" / "generated").rglob("*.md"))
    assert generated
    assert all(p.read_text(encoding="utf-8").startswith(pages.HEADER) for p in generated)


def test_group_without_item_pages_shows_every_item_with_an_anchor(built_site: BuiltSite, model: Model) -> None:
    for fw in model.frameworks:
        for group in (g for g in fw.groups if not g.item_pages):
            for lang in LANGUAGES:
                ids = scan(page_file(built_site.site, urls.group_page(fw, group), lang)).ids
                assert {urls.slug(i.id) for i in group.items} <= ids


def test_interface_text_is_in_the_readers_language(built_site: BuiltSite) -> None:
    nl = (built_site.site / "nl/coaching-professional/knowledge/k3/index.html").read_text(encoding="utf-8")
    assert "Verwante items" in nl and "Related items" not in nl
    assert 'lang="nl"' in nl


def test_checklist_has_a_box_and_room_for_every_ksb(built_site: BuiltSite, model: Model) -> None:
    fw = model.framework["ST0809"]
    ksbs = [i for g in fw.groups if g.role == "ksb" for i in g.items]
    for lang in LANGUAGES:
        html = page_file(built_site.site, urls.special_page("checklist", fw), lang).read_text(encoding="utf-8")
        assert html.count('class="cr-tick"') == len(ksbs) == 31
        assert html.count('class="cr-checklist"') == 3


def test_print_stylesheet_is_linked_everywhere(built_site: BuiltSite) -> None:
    for file in built_site.site.rglob("index.html"):
        assert any(r.endswith("assets/stylesheets/print.css") for r in scan(file).resources), file


def test_word_labels_are_in_the_readers_language(built_site: BuiltSite, model: Model) -> None:
    """ "Duty 1" on English pages is "Taak 1" on Dutch ones; codes such as K1 stay as they are. Labels that name
    an item (CLCAS "Sessions") appear in links, in the reader's language too."""
    duties = [i for i in model.items.values() if i.group == "ST0809:duties"]
    assert duties and all(i.label_nl for i in duties)
    for item in duties:
        path, _anchor = urls.item_target(model, item.id)
        for lang, label in (("en", item.label), ("nl", item.label_nl)):
            assert scan(page_file(built_site.site, path, lang)).h1.startswith(f"{label}"), (item.id, lang)
    sessions = model.items["CLCAS:cpd:live-sessions"]
    coverage_nl = page_file(built_site.site, urls.COVERAGE, "nl").read_text("utf-8")
    coverage_en = page_file(built_site.site, urls.COVERAGE, "en").read_text("utf-8")
    assert f">{sessions.label_nl}</a>" in coverage_nl and f">{sessions.label}</a>" not in coverage_nl
    assert f">{sessions.label}</a>" in coverage_en


def test_translated_items_show_the_official_wording_beside_it(built_site: BuiltSite, model: Model) -> None:
    """A BVJN item on an English page (our translation) also shows the official Dutch, marked lang="nl"; a CLCAS
    item on a Dutch page shows the official English; our summaries (ST0809 KSBs) have no official text to show."""
    checked = 0
    for item in (i for i in model.items.values() if model.groups[i.group].item_pages):
        path, _anchor = urls.item_target(model, item.id)
        for lang, other in (("en", "nl"), ("nl", "en")):
            html = page_file(built_site.site, path, lang).read_text("utf-8")
            block = f'<div class="cr-official" lang="{other}">'
            wanted = item.statement.kind(lang) == "translation" and item.statement.kind(other) == "official"
            assert (block in html) is wanted, (item.id, lang)
            if wanted:
                shown = html.split(block, 1)[1].split("</div>", 1)[0]
                assert html_escape(" ".join(item.statement.get(other).split())) in shown, (item.id, lang)
                checked += 1
    assert checked >= 40 + 27  # every lettered eindterm on English pages, every CLCAS item on Dutch pages


def test_an_item_page_shows_the_start_of_the_sentence_its_statement_completes(built_site: BuiltSite) -> None:
    """ux.md 19: an eindterm's page read "een werkgever te benaderen en …" without "Een jobcoach is in staat om",
    which only its section page showed; a sub-point of methodiek 6 needs its parent's opening the same way."""
    cases = {
        "nl/jobcoach-eindtermen/jobfinding/h": ("Een jobcoach is in staat om …", "een werkgever te benaderen"),
        "jobcoach-eindtermen/jobfinding/h": ("A job coach is able to …", "approach an employer"),
        "nl/jobcoach-eindtermen/methodiek/traject-1": ("zodanig vorm te geven dat: …", "deze aansluit bij"),
    }
    for path, (lead, statement) in cases.items():
        html = (built_site.site / path / "index.html").read_text(encoding="utf-8")
        stem = html.index('class="cr-stem"')
        after = html[stem : stem + 600]  # the lead-in, then the statement's own paragraph
        assert lead in after and after.index(lead) < after.index(statement), path
    k1 = (built_site.site / "coaching-professional/knowledge/k1/index.html").read_text(encoding="utf-8")
    assert "cr-stem" not in k1  # a statement that is a whole sentence has no lead-in
