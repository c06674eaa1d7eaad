"""Crosswalks, matrices, coverage and the KSB matrices of the built site, checked against the YAML read afresh
(plain PyYAML, not the generator's loader): every mapping shows in both directions, every number is right."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import inventory, urls
from generator.model.types import LANGUAGES, Lang, Model
from generator.render.site import context
from generator.render.site.furniture import LANDSCAPE_COLUMNS
from generator.render.strings import t

from ..conftest import BuiltSite, copy_project, mkdocs_build
from .tables import table, tables
from .test_pages import page_file, resolve

pytestmark = pytest.mark.site


@dataclass(frozen=True)
class Raw:
    """The data as the YAML files state it."""

    relations: dict[str, dict[str, Any]]  # id -> {inverse, strength, label, ...}; insertion = vocabulary order
    groups: dict[str, list[str]]  # group id -> item ids in order
    group_of: dict[str, str]  # item id -> group id
    mapping_files: list[dict[str, Any]]


@pytest.fixture(scope="module")
def raw(built_site: BuiltSite) -> Raw:
    standards = built_site.root / "standards"
    relations = {r["id"]: r for r in yaml.safe_load((standards / "relations.yaml").read_text("utf-8"))["relations"]}
    groups: dict[str, list[str]] = {}
    for fw_file in sorted(standards.glob("*/framework.yaml")):
        for stem in yaml.safe_load(fw_file.read_text("utf-8"))["groups"]:
            data = yaml.safe_load((fw_file.parent / f"{stem}.yaml").read_text("utf-8"))
            groups[data["id"]] = [i["id"] for i in data["items"]]
    group_of = {i: g for g, items in groups.items() for i in items}
    files = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((standards / "mappings").glob("*.yaml"))]
    return Raw(relations, groups, group_of, files)


def _seen(raw: Raw, relation: str, side: str) -> str:
    return relation if side == "source" else raw.relations[relation]["inverse"]


def _sides(raw: Raw) -> list[tuple[dict[str, Any], str]]:
    return [(f, side) for f in raw.mapping_files for side in ("source", "target")]


def _other(side: str) -> str:
    return "target" if side == "source" else "source"


# --- crosswalk pages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_crosswalk_shows_every_mapping_in_both_directions(
    built_site: BuiltSite, raw: Raw, model: Model, lang: Lang
) -> None:
    for data, side in _sides(raw):
        left, right = data[side], data[_other(side)]
        path = urls.crosswalk_page(left, right)
        page_url = ("" if lang == "en" else "nl/") + urls.url_of(path)
        cw = table(page_file(built_site.site, path, lang), "cr-crosswalk")
        rows = cw.body()
        expected = Counter(
            (m[side], _seen(raw, m["relation"], side), m[_other(side)], m["rationale"][lang]) for m in data["mappings"]
        )
        found: Counter[tuple[str, str, str, str]] = Counter()
        for row in rows:
            left_cell, rel_cell, right_cell, why = row.cells
            ends = []
            for cell in (left_cell, right_cell):
                target = resolve(page_url, cell.hrefs[0])
                matches = [
                    i for i in model.items if urls.url_of(urls.item_target(model, i)[0]) == target.removeprefix("nl/")
                ]
                assert len(matches) == 1, (cell.text, target)
                ends.append(matches[0])
            relation = row.attrs["data-relation"]
            # the row reads as one sentence with its direction: "<right item> is broader than <left item>"
            names = {
                k: context.item_name(model, model.items[x], lang) for k, x in zip(("left", "right"), ends, strict=True)
            }
            assert rel_cell.text == t(f"relation-reads.{relation}", lang, **names)
            assert rel_cell.hrefs == [f"#relation-{relation}"]
            assert row.attrs["data-groups"].split() == [raw.group_of[ends[0]], raw.group_of[ends[1]]]
            rationale = next(
                m["rationale"][lang] for m in data["mappings"] if (m[side], m[_other(side)]) == tuple(ends)
            )
            assert why.text.startswith(" ".join(rationale.split()))
            found[(ends[0], relation, ends[1], rationale)] += 1
        assert found == expected, f"{path} ({lang})"
        assert cw.caption.startswith(str(len(data["mappings"])))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_crosswalk_defines_every_relation_it_uses_and_lists_items_without_counterpart(
    built_site: BuiltSite, raw: Raw, lang: Lang
) -> None:
    for data, side in _sides(raw):
        html = page_file(built_site.site, urls.crosswalk_page(data[side], data[_other(side)]), lang).read_text("utf-8")
        for relation in {_seen(raw, m["relation"], side) for m in data["mappings"]}:
            assert f'<dt id="relation-{relation}">' in html
            definition = " ".join(raw.relations[relation]["definition"][lang].split())
            assert definition in html.replace("&#x27;", "'")
        compared = data.get("compared", {}).get(side)
        mapped = {m[side] for m in data["mappings"]}
        missing = [i for g in compared for i in raw.groups[g] if i not in mapped]
        heading = f"{t('without-counterpart', lang)} ({len(missing)})"
        assert heading in html


def _css_text(css_string: str) -> str:
    """The text of a CSS string literal with hex escapes, read as CSS does (one whitespace after an escape ends
    it and is not text)."""
    return re.sub(r"\\([0-9a-f]{1,6})[ \t\n]?", lambda m: chr(int(m.group(1), 16)), css_string[1:-1])


def test_print_pages_run_versions_and_attribution_on_every_page(built_site: BuiltSite, model: Model) -> None:
    """Crosswalk, matrix, coverage and KSB-matrix pages put the framework versions, publishers and licences in the
    printed page header and the data date in the footer, in the page's language; crosswalks, coverage and matrices
    with many columns print landscape."""
    mapped = [f.id for f in model.frameworks if any(f.id in (m.source, m.target) for m in model.mapping_sets)]
    paths: list[tuple[str, list[str], bool]] = [(urls.COVERAGE, mapped, True)]  # a framework may have no mapping
    for mset in model.mapping_sets:
        for left, right in ((mset.source, mset.target), (mset.target, mset.source)):
            paths.append((urls.crosswalk_page(left, right), [left, right], True))
            columns = mset.compared_target if left == mset.source else mset.compared_source
            paths.append((urls.matrix_page(left, right), [left, right], len(columns) > LANDSCAPE_COLUMNS))
    fw = model.framework["ST0809"]
    paths += [
        (urls.link_matrix_page(fw, g), ["ST0809"], len(g.items) > LANDSCAPE_COLUMNS) for g in inventory.link_groups(fw)
    ]
    for path, frameworks, landscape in paths:
        for lang in LANGUAGES:
            html = page_file(built_site.site, path, lang).read_text("utf-8")
            assert ('class="cr-landscape"' in html) is landscape, path
            styles = re.findall(
                r"<style>@page \{ @top-left \{ content: (\"[^\"]*\"); \} "
                r"@bottom-left \{ content: (\"[^\"]*\"); \} \}</style>",
                html,
            )
            assert len(styles) == 1, path
            header, footer = (_css_text(x) for x in styles[0])
            for fw_id in frameworks:
                f = model.framework[fw_id]
                assert f"{f.reference} {t('version', lang).lower()} {f.version}" in header
                assert f"© {f.publisher.get(lang)}, {f.licence.name.get(lang)}" in header
            assert footer.startswith(f"{t('print-data-date', lang)} 2026-")


# --- matrices -----------------------------------------------------------------------------------------------


def test_matrix_cells_count_the_mappings_between_an_item_and_a_group(built_site: BuiltSite, raw: Raw) -> None:
    for data, side in _sides(raw):
        left, right = data[side], data[_other(side)]
        for lang in LANGUAGES:
            matrix = table(page_file(built_site.site, urls.matrix_page(left, right), lang), "cr-matrix")
            columns = data["compared"][_other(side)]
            counts = Counter((m[side], raw.group_of[m[_other(side)]]) for m in data["mappings"])
            item_rows = [
                r
                for r in matrix.body()
                if "cr-group-row" not in r.attrs.get("class", "") and "cr-totals" not in r.attrs.get("class", "")
            ]
            rows_in_order = [i for g in data["compared"][side] for i in raw.groups[g]]
            assert len(item_rows) == len(rows_in_order)
            for item, row in zip(rows_in_order, item_rows, strict=True):
                cells = row.cells[1:-1]
                assert [int(c.attrs.get("data-count", 0)) for c in cells] == [counts[(item, g)] for g in columns], item
                assert all(len(c.hrefs) == int(c.attrs.get("data-count", 0)) for c in cells)
                assert int(row.cells[-1].text) == sum(counts[(item, g)] for g in columns)
            totals = next(r for r in matrix.body() if "cr-totals" in r.attrs.get("class", ""))
            assert [int(c.text) for c in totals.cells[1:]] == [
                sum(counts[(i, g)] for i in rows_in_order) for g in columns
            ] + [len(data["mappings"])]


#: The class of a KSB-matrix cell and what it says.
STATES = {"cr-y": "yes", "cr-i": "inferred", "cr-u": "unknown", "": "no"}


def test_duty_and_epa_matrices_mark_what_is_not_yet_known(built_site: BuiltSite, model: Model) -> None:
    fw = model.framework["ST0809"]
    groups = inventory.link_groups(fw)
    assert [g.stem for g in groups] == ["duties", "epa"]
    ksbs = [i.id for g in fw.groups if g.role == "ksb" for i in g.items]
    for group in groups:
        for lang in LANGUAGES:
            matrix = table(page_file(built_site.site, urls.link_matrix_page(fw, group), lang), "cr-link-matrix")
            rows = [r for r in matrix.body() if "cr-group-row" not in r.attrs.get("class", "")]
            assert [r.cells[0].text.split()[0] for r in rows] == [model.items[k].label for k in ksbs]
            confidence = next(r for r in matrix.section("thead") if "cr-confidence" in r.attrs.get("class", ""))
            for col, item in enumerate(group.items, start=1):
                if item.status != "available" or item.links_confidence == "missing":
                    assert confidence.cells[col].text == t("not-yet-known", lang), item.id
                    assert matrix.section("thead")[0].cells[col].text.endswith(f"({t('not-yet-known', lang)})")
                states = Counter(STATES[r.cells[col].attrs.get("class", "")] for r in rows)
                linked = set(item.ksbs) | set(item.assesses)
                unknown = item.status != "available" or item.links_confidence == "missing"
                mark = "inferred" if item.links_confidence == "inferred" else "yes"
                assert states[mark] == len(linked), item.id
                assert states["unknown" if unknown else "no"] == len(ksbs) - len(linked), item.id
    # What the data says today: all 9 duties with the record's links; only EPA 3 has (inferred) KSBs.
    duties, epa = groups
    assert [i.status for i in duties.items] == ["available"] * 9
    assert {i.links_confidence for i in duties.items} == {"confirmed"}
    assert [i.links_confidence for i in epa.items] == ["missing", "missing", "inferred"]


# --- coverage -----------------------------------------------------------------------------------------------


def _expected_rows(raw: Raw, data: dict[str, Any], side: str) -> list[tuple[str, list[int], list[str]]]:
    """Per compared group, then all of them: (group id or 'total', [items, mapped, per relation…, not mapped],
    unmapped item ids) — the strongest relation of an item wins, ties go to the first in the vocabulary."""
    order = list(raw.relations)
    seen: dict[str, list[str]] = {}
    for m in data["mappings"]:
        seen.setdefault(m[side], []).append(_seen(raw, m["relation"], side))
    out = []
    compared = data["compared"][side]
    every = [i for g in compared for i in raw.groups[g]]
    for key, items in [*[(g, raw.groups[g]) for g in compared], ("total", every)]:
        best = [
            min(seen[i], key=lambda r: (-raw.relations[r]["strength"], order.index(r))) if i in seen else None
            for i in items
        ]
        mapped = sum(b is not None for b in best)
        out.append(
            (
                key,
                [len(items), mapped, *(best.count(r) for r in order), len(items) - mapped],
                [i for i, b in zip(items, best, strict=True) if b is None],
            )
        )
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coverage_page_numbers_match_the_data(built_site: BuiltSite, raw: Raw, model: Model, lang: Lang) -> None:
    file = page_file(built_site.site, urls.COVERAGE, lang)
    html = file.read_text("utf-8")
    overall = {r.attrs["data-side"]: r for r in table(file, "cr-coverage-overall").body()}
    by_id = {x.attrs["id"]: x for x in tables(file) if "cr-coverage" in x.attrs.get("class", "").split()}
    assert len(by_id) == 2 * len(raw.mapping_files)
    page_url = ("" if lang == "en" else "nl/") + urls.url_of(urls.COVERAGE)
    for data, side in _sides(raw):
        key = f"{data[side]}-by-{data[_other(side)]}".lower()
        expected = _expected_rows(raw, data, side)
        rows = by_id[f"table-{key}"].body()
        assert [r.attrs["data-group"] for r in rows] == [k for k, _, _ in expected]
        for row, (_group, numbers, _unmapped) in zip(rows, expected, strict=True):
            assert [int(c.text) for c in row.cells[1:-1]] == numbers
        total = expected[-1][1]
        assert [c.text for c in overall[key].cells[2:4]] == [str(total[0]), str(total[1])]
        # Every unmapped item is linked in its side's section, and nothing else is listed there.
        section = html.split(f'id="{key}"', 1)[1].split("<h2", 1)[0]
        listed = (
            section.split('id="items-without-counterpart', 1)[1]
            if lang == "en"
            else section.split('id="items-zonder-tegenhanger', 1)[1]
        )
        hrefs = {resolve(page_url, h) for h in re.findall(r'href="([^"#]+)', listed)}
        wanted = {
            ("" if lang == "en" else "nl/") + urls.url_of(urls.item_target(model, i)[0])
            for _g, _n, unmapped in expected
            for i in unmapped
        }
        assert hrefs == wanted, key
        assert f'id="chart-{key}"' in section


def test_coverage_figures_for_the_closing_note(raw: Raw) -> None:
    """The figures the crosswalk issue asked to report; a change in the data shows up here first."""
    st_bvjn = next(f for f in raw.mapping_files if (f["source"], f["target"]) == ("ST0809", "BVJN"))
    ksbs = _expected_rows(raw, st_bvjn, "source")[-1]
    eindtermen = _expected_rows(raw, st_bvjn, "target")
    assert ksbs[1][:2] == [31, 30] and ksbs[2] == ["ST0809:K10"]  # issue 12: K2 now relates to methodiek 5
    lettered = [
        r for r in eindtermen if r[0] in ("BVJN:intake-assessment", "BVJN:jobfinding", "BVJN:coaching-on-the-job")
    ]
    assert sum(r[1][0] for r in lettered) == 40
    assert sum(r[1][1] for r in lettered) == 30  # issue 12's second pass: 21 before


# --- item pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_item_page_lists_its_mappings_with_defined_relation_link_and_rationale(
    built_site: BuiltSite, raw: Raw, model: Model, lang: Lang
) -> None:
    prefix = "" if lang == "en" else "nl/"
    expected: dict[str, Counter[tuple[str, str, str]]] = {}
    for data in raw.mapping_files:
        for m in data["mappings"]:
            for side in ("source", "target"):
                expected.setdefault(m[side], Counter())[
                    (_seen(raw, m["relation"], side), m[_other(side)], " ".join(m["rationale"][lang].split()))
                ] += 1
    for item_id, rows in expected.items():
        path, _anchor = urls.item_target(model, item_id)
        file = page_file(built_site.site, path, lang)
        page_url = prefix + urls.url_of(path)
        found = [x for x in tables(file) if "cr-item-mappings" in x.attrs.get("class", "").split()]
        assert len(found) == 1, item_id
        assert found[0].rows[0].texts() == [t(k, lang) for k in ("framework", "item", "relation", "rationale")]
        seen: Counter[tuple[str, str, str]] = Counter()
        for row in found[0].body():
            framework_cell, other_cell, relation_cell, why = row.cells
            relation = relation_cell.hrefs[0].rsplit("#relation-", 1)[1]
            assert resolve(page_url, relation_cell.hrefs[0]) == prefix + "mappings/"
            other = next(
                i
                for i in model.items
                if prefix + urls.url_of(urls.item_target(model, i)[0]) == resolve(page_url, other_cell.hrefs[0])
            )
            # the other item's framework and text show, and the relation reads as a sentence from it to this item
            other_item = model.items[other]
            assert framework_cell.text == model.framework[other_item.framework].title.get(lang)
            shown = other_item.title.get(lang) if other_item.title else other_item.statement.get(lang)
            assert " ".join(shown.split()) in other_cell.text
            assert relation_cell.text == t(
                f"relation-reads.{relation}",
                lang,
                left=context.item_name(model, model.items[item_id], lang),
                right=context.item_name(model, other_item, lang),
            )
            seen[(relation, other, why.text)] += 1
        assert seen == rows, item_id


def test_a_project_without_mapping_files_still_builds(tmp_path: Path) -> None:
    """A fork with frameworks but no crosswalks yet: the pages the navigation names exist and say so."""
    root = copy_project(tmp_path / "project")
    for mapping_file in (root / "standards" / "mappings").glob("*.yaml"):
        mapping_file.unlink()
    done = mkdocs_build(root, root / "site")
    assert done.returncode == 0, done.stderr
    for lang in LANGUAGES:
        html = page_file(root / "site", urls.COVERAGE, lang).read_text("utf-8")
        assert t("no-mappings", lang) in html
        assert not (page_file(root / "site", urls.crosswalk_page("ST0809", "BVJN"), lang)).exists()


@pytest.mark.parametrize(
    ("lang", "path", "sentence"),
    [
        ("en", "mappings/st0809--bvjn", "Methodical approach 6.10 is broader than S1"),
        ("nl", "mappings/bvjn--st0809", "S1 is smaller dan Methodiek 6.10"),
    ],
)
def test_a_crosswalk_row_says_which_way_it_reads(built_site: BuiltSite, lang: Lang, path: str, sentence: str) -> None:
    cw = table(page_file(built_site.site, path, lang), "cr-crosswalk")
    assert sentence in [row.cells[1].text for row in cw.body()]
