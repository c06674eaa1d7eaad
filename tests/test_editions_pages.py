"""The edition pages of a small project with two editions (a declared reword, an item split in two, one added) and a
change not yet in an edition: the delta page and its JSON list exactly those changes with old and new texts, the
editions page lists every edition, and an item page says when the item last changed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from generator.pipeline import load_model
from generator.render.site.generate import render_all

from .helpers import ROOT, run_cli

BASE = ROOT / "tests" / "cases" / "base"
KNOWLEDGE = "standards/demo/knowledge.yaml"
REWORD = (
    '    changes:\n      - {since: "2026-01-01", date: "2026-01-20", kind: reword, affects_assessment: false, '
    'note: {en: "Plainer words.", nl: "Eenvoudiger woorden.", kind: {en: summary, nl: summary}}}\n'
)
K3 = (
    '  - id: "DEMO:K3"\n    label: "K3"\n    statement:\n      en: "Knows the third thing."\n'
    '      nl: "Kent het derde."\n      kind:\n        en: official\n        nl: translation\n'
)


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _split_k2(root: Path) -> None:
    """Retire DEMO:K2 into DEMO:K2a and DEMO:K2b, with every reference to it following the first part."""
    text = (root / KNOWLEDGE).read_text(encoding="utf-8")
    k2 = text[text.index('  - id: "DEMO:K2"') :]
    part_a = (
        k2.replace('"DEMO:K2"', '"DEMO:K2a"')
        .replace('"K2"', '"K2a"')
        .replace("the second thing", "the second thing, first half")
    )
    part_b = (
        k2.replace('"DEMO:K2"', '"DEMO:K2b"')
        .replace('"K2"', '"K2b"')
        .replace("the second thing", "the second thing, second half")
    )
    retired = '  - {id: "DEMO:K2", replaced_by: ["DEMO:K2a", "DEMO:K2b"], date: "2026-01-25"}\n'
    (root / KNOWLEDGE).write_text(text.replace(k2, part_a + part_b + K3) + "retired:\n" + retired, encoding="utf-8")
    for path in ("standards/mappings/DEMO--OTHER.yaml", "courses/good.yaml"):
        _edit(root, path, '"DEMO:K2"', '"DEMO:K2a"')


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editions") / "p"
    shutil.copytree(BASE, root)
    shutil.copytree(ROOT / "schemas", root / "schemas")
    assert run_cli(["edition", "freeze", "2026-01-01"], root)[0] == 0
    _edit(root, KNOWLEDGE, "Knows the first thing.", "Knows the first thing, in plain words.")
    _edit(root, KNOWLEDGE, '    label: "K1"\n', '    label: "K1"\n' + REWORD)
    _split_k2(root)
    code, out, err = run_cli(["edition", "freeze", "2026-02-01"], root)
    assert code == 0, out + err
    return root


def _render(root: Path) -> dict[str, str | bytes]:
    checked = load_model(root)
    assert checked.model is not None, [p.as_line() for p in checked.errors]
    return render_all(checked.model, root, checked.courses, checked.editions)


@pytest.fixture(scope="module")
def files(project: Path) -> dict[str, str | bytes]:
    return _render(project)


def _json(files: dict[str, str | bytes], name: str) -> dict[str, Any]:
    content = files[name]
    assert isinstance(content, str)
    data: dict[str, Any] = json.loads(content)
    return data


def _page(files: dict[str, str | bytes], name: str) -> str:
    content = files[name]
    assert isinstance(content, str)
    return content


def _validator() -> Draft202012Validator:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.schema.json")}
    registry: Registry[Any] = Registry().with_resources(  # the schemas refer to each other by file name
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return Draft202012Validator(schemas["delta.schema.json"], registry=registry, format_checker=FormatChecker())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_delta_json_lists_exactly_the_changes_with_old_and_new_texts(
    files: dict[str, str | bytes], lang: str
) -> None:
    data = _json(files, f"editions/2026-01-01--2026-02-01/index.{lang}.json")
    assert [e.message for e in _validator().iter_errors(data)] == []
    assert (data["old"]["id"], data["new"]["id"], data["lang"]) == ("2026-01-01", "2026-02-01", lang)
    assert [(e["kind"], e["id"], e["successors"]) for e in data["items"]] == [
        ("reworded", "DEMO:K1", []),
        ("split", "DEMO:K2", ["DEMO:K2a", "DEMO:K2b"]),
        ("added", "DEMO:K3", []),
    ]
    k1, k2, k3 = data["items"]
    first = {
        "en": ("Knows the first thing.", "Knows the first thing, in plain words.", "Plainer words."),
        "nl": ("Kent het eerste.", "Kent het eerste.", "Eenvoudiger woorden."),
    }[lang]
    assert (k1["old"]["statement"], [n["statement"] for n in k1["new"]], k1["note"]) == (first[0], [first[1]], first[2])
    assert (k1["declared"], k1["affects_assessment"], k1["fields"]) == ("reword", False, ["text (en)"])
    second = {
        "en": ["Knows the second thing, first half.", "Knows the second thing, second half."],
        "nl": ["Kent het tweede.", "Kent het tweede."],
    }[lang]
    assert k2["old"]["statement"] == ("Knows the second thing." if lang == "en" else "Kent het tweede.")
    assert [n["statement"] for n in k2["new"]] == second and k2["affects_assessment"]
    prefix = "" if lang == "en" else "nl/"
    assert k2["url"] == f"https://coachref.example.org/{prefix}demo/knowledge/k2/"  # the page left at the old id
    assert (k3["old"], [n["id"] for n in k3["new"]]) == (None, ["DEMO:K3"])
    assert [(r["kind"], r["source"], r["target"], r["new"]["source"]) for r in data["rows"]] == [
        ("moved", "DEMO:K2", "OTHER:b", "DEMO:K2a")
    ]
    assert data["frameworks"] == []
    assert data["counts"]["items"] == {
        "corrected": 0,
        "reworded": 1,
        "moved": 0,
        "changed": 0,
        "merged": 0,
        "split": 1,
        "retired": 0,
        "added": 1,
    }


def test_the_delta_page_shows_each_change_with_old_and_new_text_in_its_language(files: dict[str, str | bytes]) -> None:
    en = _page(files, "editions/2026-01-01--2026-02-01.en.md")
    assert 'twin: "editions/2026-01-01--2026-02-01/index.json"' in en
    assert "search: {boost: 0.5}" in en  # below the item pages it quotes
    assert "# Changes from edition 2026\\-01\\-01 to edition 2026\\-02\\-01" in en
    for heading in (
        "## Reworded (1) {#reworded}",
        "## Split into several items (1) {#split}",
        "## Added (1) {#added}",
        "## Crosswalk rows (1) {#rows}",
    ):
        assert heading in en
    assert "## Corrected" not in en and "## Retired" not in en
    assert (
        "### [DEMO:K2](../demo/knowledge/k2.md) → [DEMO:K2a](../demo/knowledge/k2a.md), "
        "[DEMO:K2b](../demo/knowledge/k2b.md) {#item-demo-k2}" in en
    )
    assert (
        '<td data-label="Edition 2026-01-01">Knows the first thing.</td>'
        '<td data-label="Edition 2026-02-01">Knows the first thing, in plain words.</td>'
    ) in en
    assert "<p><strong>K2a</strong> Knows the second thing, first half.</p>" in en
    assert "Affects assessment: no · Declared as: reword" in en and "**Editor's note**: Plainer words\\." in en
    nl = _page(files, "editions/2026-01-01--2026-02-01.nl.md")
    assert "# Wijzigingen van editie 2026\\-01\\-01 naar editie 2026\\-02\\-01" in nl
    assert "## Anders verwoord (1) {#reworded}" in nl and "## In meerdere items gesplitst (1) {#split}" in nl
    assert "Wat is gewijzigd: tekst (Engels) · Raakt de beoordeling: nee · Opgegeven als: herformulering" in nl
    assert "Knows" not in nl and "Edition" not in nl


@pytest.mark.parametrize(
    ("lang", "sentence", "link"),
    [
        ("en", "The site shows edition 2026\\-02\\-01\\.", 'href="2026-01-01--2026-02-01/index.json"'),
        ("nl", "De site toont editie 2026\\-02\\-01\\.", 'href="../../editions/2026-02-01.json"'),
    ],
)
def test_the_editions_page_lists_every_edition_and_what_the_site_shows(
    project: Path, files: dict[str, str | bytes], lang: str, sentence: str, link: str
) -> None:
    page = _page(files, f"editions.{lang}.md")
    assert sentence in page and link in page
    rows = re.findall(r'<th scope="row" data-label="[^"]+">([^<]+)</th>', page)
    assert rows == ["2026-02-01", "2026-01-01"]  # every edition, newest first
    assert (
        "reworded: 1, split into several items: 1, added: 1; crosswalk rows: 1"
        if lang == "en"
        else "anders verwoord: 1, in meerdere items gesplitst: 1, toegevoegd: 1; koppelingen: 1"
    ) in page
    for ident in ("2026-01-01", "2026-02-01"):  # each edition file, published once, byte for byte
        assert files[f"editions/{ident}.en.json"] == (project / "editions" / f"{ident}.json").read_bytes()
    assert not any(
        name.startswith("editions/") and name.endswith(".nl.json") and "/index." not in name for name in files
    )


DELTA = "../../editions/2026-01-01--2026-02-01.md"


@pytest.mark.parametrize(
    ("item", "line"),
    [
        (
            "demo/knowledge/k1",
            f"Last changed in edition [2026\\-02\\-01]({DELTA}#item-demo-k1): reworded, 2026\\-01\\-20\\.",
        ),
        (
            "demo/knowledge/k2a",
            f"Last changed in edition [2026\\-02\\-01]({DELTA}#item-demo-k2): split into several items, "
            "2026\\-01\\-25\\.",
        ),
        ("demo/knowledge/k3", f"Added in edition [2026\\-02\\-01]({DELTA}#item-demo-k3) \\(2026\\-02\\-01\\)\\."),
        ("demo/duties/1", "Unchanged since edition [2026\\-01\\-01](../../editions.md), the first edition\\."),
    ],
)
def test_an_item_page_says_when_the_item_last_changed(files: dict[str, str | bytes], item: str, line: str) -> None:
    page = _page(files, f"{item}.en.md")
    assert f"{line}\n{{: .cr-meta .cr-last-change }}" in page


def test_a_change_not_yet_in_an_edition_has_its_page_and_shows_on_the_item(project: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(project, root)
    _edit(root, "standards/demo/duties.yaml", "Does the first duty.", "Does the first duty well.")
    _edit(
        root,
        "standards/demo/duties.yaml",
        '    label: "1"\n',
        '    label: "1"\n' + REWORD.replace("2026-01-01", "2026-02-01").replace("2026-01-20", "2026-03-01"),
    )
    files = _render(root)
    page = _page(files, "demo/duties/1.nl.md")
    assert (
        "Gewijzigd sinds editie [2026\\-02\\-01](../../editions/2026-02-01--unreleased.md#item-demo-duty-1), nog "
        "in geen editie: anders verwoord, 2026\\-03\\-01\\."
    ) in page
    data = _json(files, "editions/2026-02-01--unreleased/index.en.json")
    assert data["new"] == {"id": None, "date": data["new"]["date"], "released": False}
    assert [(e["kind"], e["id"]) for e in data["items"]] == [("reworded", "DEMO:duty:1")]
    editions = _page(files, "editions.en.md")
    assert "The site shows changes made after edition 2026\\-02\\-01, not yet in an edition\\." in editions
    assert 'href="2026-02-01--unreleased/"' in editions
    assert "# Changes since edition 2026\\-02\\-01, not yet in an edition" in _page(
        files, "editions/2026-02-01--unreleased.en.md"
    )


def test_a_changed_requirement_set_is_a_change_of_the_data() -> None:
    """A changed rule can change a course's verdict, so the data is no longer the edition it was: the real data's
    history names the register's level condition (2026-11-30 -> 2026-12-05) and, since then, each condition's basis
    and the practice-hours point (both sets), with what changed; the site no longer says it shows the edition."""
    from generator.editions.impact import history
    from generator.render.site.delta_data import delta_data

    checked = load_model(ROOT)
    assert checked.model is not None
    hist = history(checked.model, checked.editions)
    first = hist.deltas[0]
    assert [(e.kind, e.id, e.fields) for e in first.requirements] == [
        ("changed", "BVJN:register", ("source", "conditions"))
    ]
    # Since then (released as 2026-12-05.2, or still pending): each condition's basis and the practice-hours point.
    later = hist.pending if hist.pending is not None else hist.deltas[1]
    changed = {e.id: e for e in later.requirements}
    assert "conditions" in changed["BVJN:register"].fields and "conditions" in changed["ST0809:ksb-coverage"].fields
    data = delta_data(checked.model, later, "en")
    assert data["counts"]["requirement_sets"] == len(changed) == 2
    assert {r["id"]: r["new"] for r in data["requirement_sets"]}["BVJN:register"].startswith("Conditions for")
