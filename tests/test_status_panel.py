"""Every framework's status: a panel at the top of its page (anchor #status) with the date we last checked it against
its publisher and the facts marked `panel` with their confidence; one status line linking to that panel on every
other page of the framework; the same in its twin. Rendered without MkDocs (generate.render_all), in both languages."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from generator import markup as mk
from generator.model import Framework, Model
from generator.site import urls
from generator.site.generate import render_all
from generator.site.twins import twin_source
from generator.strings import t

from .helpers import ROOT, model_of

LANGS = ("en", "nl")
BASE = Path(__file__).resolve().parent / "cases" / "base"


@cache
def _rendered(root: Path) -> tuple[Model, dict[str, str | bytes]]:
    model = model_of(root)
    return model, render_all(model)


def _page(files: dict[str, str | bytes], name: str) -> str:
    content = files[name]
    assert isinstance(content, str)
    return content


def _framework_pages(model: Model, files: dict[str, str | bytes], fw: Framework, lang: str) -> list[str]:
    """Every generated page of the framework but its own page, in `lang`."""
    own = f"{urls.framework_page(fw)}.{lang}.md"
    return sorted(n for n in files if n.startswith(f"{fw.folder}/") and n.endswith(f".{lang}.md") and n != own)


def _yaml_frameworks(root: Path) -> dict[str, dict[str, object]]:
    return {(d := yaml.safe_load(p.read_text(encoding="utf-8")))["id"]: d
            for p in sorted((root / "standards").glob("*/framework.yaml"))}


@pytest.mark.parametrize("lang", LANGS)
def test_every_framework_page_opens_with_its_status_panel(lang: str) -> None:
    model, files = _rendered(ROOT)
    for fw in model.frameworks:
        page = _page(files, f"{urls.framework_page(fw)}.{lang}.md")
        panel_at = page.index(f"## {mk.text(t('status-panel', lang))} {{#status}}")
        assert panel_at < page.index(f"| {t('overview', lang)} |"), fw.id  # at the top, before the overview
        panel = page[panel_at:page.index(f"| {t('overview', lang)} |")]
        assert f'!!! info "{mk.text(t("status-checked-on", lang, date=fw.checked_on))}"' in panel, fw.id
        assert fw.status_note is not None and mk.text(fw.status_note.get(lang)) in panel, fw.id
        facts = [d for d in fw.facts if d.panel]
        assert facts, f"{fw.id}: no fact in the status panel"
        for d in facts:
            assert d.confidence, d.id
            assert f"**{mk.text(d.label.get(lang))}** ({mk.text(t('confidence.' + d.confidence, lang))}):" in panel
        rest = page[page.index(f"| {t('overview', lang)} |"):]
        assert all(f"**{mk.text(d.label.get(lang))}**:" not in rest for d in facts), "a panel fact shown twice"


@pytest.mark.parametrize("lang", LANGS)
def test_every_other_page_of_a_framework_carries_one_status_line_linking_the_panel(lang: str) -> None:
    model, files = _rendered(ROOT)
    for fw in model.frameworks:
        names = _framework_pages(model, files, fw, lang)
        assert len(names) > len(fw.groups), fw.id  # group pages, item pages and the framework's views
        checked = mk.text(t("status-checked-short", lang, date=fw.checked_on))
        for name in names:
            page = _page(files, name)
            lines = [line for line in page.splitlines() if line.endswith("#status)")]
            assert len(lines) == 1, name
            target = urls.md_link(name.removesuffix(f".{lang}.md"), urls.framework_page(fw), "status")
            assert lines[0].endswith(f"[{mk.text(t('status-more', lang))}]({target})"), name
            assert checked in lines[0] and fw.status_note and mk.text(fw.status_note.get(lang)) in lines[0], name
            assert page.splitlines()[page.splitlines().index(lines[0]) + 1] == "{: .cr-status-line }", name


def test_st0809_panel_says_what_the_record_confirms_and_what_is_only_reported() -> None:
    model, _ = _rendered(ROOT)
    panel = {d.id: d for d in model.framework["ST0809"].facts if d.panel}
    assert {k: d.confidence for k, d in panel.items()} == {
        "status": "confirmed", "funding": "confirmed", "funding-transition": "single-source",
        "off-the-job": "confirmed"}
    assert "17 December 2026" in panel["funding-transition"].value.en
    assert "17 december 2026" in panel["funding-transition"].value.nl
    assert panel["funding-transition"].value.en.startswith("Reported, not in the publisher's record")
    assert "1 September 2026" in panel["funding"].value.en and "326" in panel["off-the-job"].value.en


def test_each_framework_was_checked_on_a_date_the_yaml_gives() -> None:
    model, _ = _rendered(ROOT)
    assert {fw.id: fw.checked_on for fw in model.frameworks} == {
        k: v["checked_on"] for k, v in _yaml_frameworks(ROOT).items()}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", fw.checked_on) for fw in model.frameworks)


@pytest.mark.parametrize("lang", LANGS)
def test_framework_twins_carry_the_checked_on_date_and_the_panel(lang: str) -> None:
    model, files = _rendered(ROOT)
    schema = json.loads((ROOT / "schemas" / "twin.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for fw in model.frameworks:
        content = files[twin_source(urls.framework_page(fw), lang)]
        assert isinstance(content, str)
        twin = json.loads(content)
        assert [e.message for e in validator.iter_errors(twin)] == [], fw.id
        assert twin["checked_on"] == fw.checked_on
        assert fw.status_note and twin["status_note"] == {"text": fw.status_note.get(lang),
                                                           "kind": fw.status_note.kind(lang)}
        assert [(f["id"], f["confidence"], f["text"]) for f in twin["status_facts"]] == [
            (d.id, d.confidence, d.value.get(lang)) for d in fw.facts if d.panel]


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_status_note_the_pages_give_version_and_status(lang: str) -> None:
    """The test base's frameworks have no status_note and no panel facts: the panel still gives the date, and the
    status line says version and status in the page's language."""
    model, files = _rendered(BASE)
    for fw in model.frameworks:
        assert fw.status_note is None
        sentence = mk.text(t("status-fallback", lang, version=fw.version, status=t("status." + fw.status, lang)))
        page = _page(files, f"{urls.framework_page(fw)}.{lang}.md")
        assert f'!!! info "{mk.text(t("status-checked-on", lang, date=fw.checked_on))}"' in page
        assert f"    {sentence}" in page
        for name in _framework_pages(model, files, fw, lang):
            assert sentence in _page(files, name), name
        twin = json.loads(str(files[twin_source(urls.framework_page(fw), lang)]))
        assert "status_note" not in twin and twin["status_facts"] == [] and twin["checked_on"] == fw.checked_on


@pytest.mark.parametrize("lang", LANGS)
def test_the_duties_matrix_no_longer_speaks_of_unknown_links_and_the_epa_matrix_still_does(lang: str) -> None:
    """All nine duties have the record's links, so their matrix has neither a "not yet known" legend nor such a
    column; the EPA matrix keeps both (the official KSB-to-method table is not in our data)."""
    model, files = _rendered(ROOT)
    fw = model.framework["ST0809"]
    unknown = mk.text(t("link-unknown", lang))
    duties = _page(files, f"{urls.link_matrix_page(fw, model.groups['ST0809:duties'])}.{lang}.md")
    epa = _page(files, f"{urls.link_matrix_page(fw, model.groups['ST0809:epa'])}.{lang}.md")
    assert unknown not in duties and t("not-yet-known", lang) not in duties and 'class="cr-u"' not in duties
    assert mk.text(t("link-matrix-unknown", lang)) not in duties
    assert unknown in epa and mk.text(t("link-inferred", lang)) in epa and 'class="cr-u"' in epa
