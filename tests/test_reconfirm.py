"""A crosswalk row reviewed before a substantive change of one of its items is to be re-confirmed. In a copy of the
project where one ST0809 KSB and one BVJN eindterm change in substance after the rows' review (and a third item is
only reworded), exactly the rows of the two changed items are marked, with the reason, on the crosswalk pages,
matrices and item pages, in the twins and in the SSSOM, CSV, XLSX and CASE files, and the coverage counts leave them
out; a row given a later `reviewed` date is no longer marked."""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl import load_workbook  # type: ignore[import-untyped]

from generator.editions.manifest import Edition
from generator.model import urls
from generator.model.inventory import Direction, directions
from generator.model.types import LANGUAGES, Lang, Model
from generator.pipeline import load_model
from generator.render import markup
from generator.render.exports.sssom_export import file_name
from generator.render.site import downloads, twins
from generator.render.site.context import item_name
from generator.render.site.generate import render_all
from generator.render.strings import t, tn

from .conftest import PROJECT, copy_project
from .helpers import run_cli
from .site.tables import parse
from .test_sssom import needs_sssom

KSB_GROUPS = ("ST0809:knowledge", "ST0809:skills", "ST0809:behaviours")
EINDTERM_GROUPS = ("BVJN:intake-assessment", "BVJN:jobfinding", "BVJN:coaching-on-the-job")
Row = tuple[str, str]  # (source, target) as the mapping file states it


@dataclass(frozen=True)
class Picked:
    ksb: str  # changed in substance; it has rows in both crosswalks
    eindterm: str  # changed in substance
    reworded: str  # only reworded; some of its rows touch neither of the other two
    date: str  # of the three changes: the day after every review and edition date in the data
    later: str  # of the re-review


def _rows(model: Model) -> set[Row]:
    return {(m.source, m.target) for s in model.mapping_sets for m in s.mappings}


def _pick(model: Model, editions: tuple[Edition, ...]) -> Picked:
    rows = _rows(model)
    latest = max([m.reviewed_date for s in model.mapping_sets for m in s.mappings] + [e.date for e in editions])
    day = date.fromisoformat(latest) + timedelta(days=1)

    def plain(groups: tuple[str, ...]) -> Iterator[str]:  # items with rows and no declared change yet
        return (i.id for g in groups for i in model.groups[g].items if not i.changes and any(i.id in r for r in rows))

    every_set = {s.id for s in model.mapping_sets}
    ksb = next(
        i
        for i in plain(KSB_GROUPS)
        if {s.id for s in model.mapping_sets if any(i in (m.source, m.target) for m in s.mappings)} == every_set
    )
    eindterm = next(plain(EINDTERM_GROUPS))
    reworded = next(
        i
        for i in plain(KSB_GROUPS + EINDTERM_GROUPS)
        if i not in (ksb, eindterm) and any(i in r and ksb not in r and eindterm not in r for r in rows)
    )
    return Picked(ksb, eindterm, reworded, day.isoformat(), (day + timedelta(days=5)).isoformat())


def _dump(path: Path, data: Any) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]  # the yaml-language-server line
    path.write_text(
        first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )


def _change(root: Path, ident: str, kind: str, since: str, day: str) -> None:
    """Change an item's text in both languages and declare the change (`kind`) against edition `since`."""
    for path in sorted((root / "standards").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        item = next((i for i in data.get("items", []) if i["id"] == ident), None)
        if item is not None:
            item["statement"]["en"] = item["statement"]["en"].rstrip(".") + ", as the revised standard has it."
            item["statement"]["nl"] = item["statement"]["nl"].rstrip(".") + ", zoals de herziene standaard zegt."
            item.setdefault("changes", []).append(
                {"since": since, "date": day, "kind": kind, "affects_assessment": kind == "substantive"}
            )
            return _dump(path, data)
    raise AssertionError(f"{ident} is in no group file")


def _rereview(root: Path, row: Row, day: str) -> None:
    for path in sorted((root / "standards" / "mappings").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for m in data["mappings"]:
            if (m["source"], m["target"]) == row:
                m["reviewed"] = {"by": "coachref editorial team", "date": day}
                return _dump(path, data)
    raise AssertionError(f"no row {row}")


@dataclass(frozen=True)
class Site:
    root: Path
    model: Model
    files: dict[str, str | bytes]


def _render(root: Path) -> Site:
    checked = load_model(root)
    assert checked.model is not None, [p.as_line() for p in checked.errors]
    return Site(root, checked.model, render_all(checked.model, root, checked.courses, checked.editions))


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Picked]:
    root = copy_project(tmp_path_factory.mktemp("reconfirm"))
    (root / "editions").mkdir()
    for edition in (PROJECT / "editions").glob("*.json"):
        (root / "editions" / edition.name).write_bytes(edition.read_bytes())
    before = load_model(root)
    assert before.model is not None and before.editions
    picked = _pick(before.model, before.editions)
    latest = before.editions[-1].id
    _change(root, picked.ksb, "substantive", latest, picked.date)
    _change(root, picked.eindterm, "substantive", latest, picked.date)
    _change(root, picked.reworded, "reword", latest, picked.date)
    assert run_cli(["check", "--strict"], root)[0] == 0  # an editor's complete, declared change
    return _render(root), picked


# --- what each channel marks: the set of (source, target) rows -------------------------------------------------


def _item_of(model: Model, page: str) -> dict[str, str]:
    """Relative link from `page` -> item id, as the tables write their item links."""
    return {urls.html_link(page, *urls.item_target(model, i)): i for i in model.items}


def _as_row(d: Direction, left: str, right: str) -> Row:
    return (right, left) if d.reverse else (left, right)


def _crosswalk_pages(site: Site, lang: Lang) -> set[Row]:
    marked: set[Row] = set()
    label = f"{t('reconfirm', lang)}:"
    for d in directions(site.model):
        page = urls.crosswalk_page(d.left, d.right)
        items = _item_of(site.model, page)
        (table,) = [x for x in parse(str(site.files[f"{page}.{lang}.md"])) if "cr-crosswalk" in x.attrs["class"]]
        for row in table.body():
            flagged = row.attrs.get("data-reconfirm") == "yes"
            assert flagged == (label in row.cells[3].text), row.cells[3].text  # the words, not only an attribute
            if flagged:
                marked.add(_as_row(d, items[row.cells[0].hrefs[0]], items[row.cells[2].hrefs[0]]))
    return marked


def _item_pages(site: Site, lang: Lang, idents: list[str]) -> set[Row]:
    marked: set[Row] = set()
    rows = _rows(site.model)
    for ident in idents:
        page, _ = urls.item_target(site.model, ident)
        items = _item_of(site.model, page)
        (table,) = [x for x in parse(str(site.files[f"{page}.{lang}.md"])) if "cr-item-mappings" in x.attrs["class"]]
        for row in table.body():
            other = items[row.cells[1].hrefs[0]]
            if row.attrs.get("data-reconfirm") == "yes":
                assert f"{t('reconfirm', lang)}:" in row.cells[3].text
                marked |= {r for r in rows if set(r) == {ident, other}}
    return marked


def _twins(site: Site, lang: Lang, idents: list[str]) -> set[Row]:
    marked: set[Row] = set()
    for d in directions(site.model):
        data = json.loads(site.files[twins.twin_source(urls.crosswalk_page(d.left, d.right), lang)])
        marked |= {_as_row(d, r["left"]["id"], r["right"]["id"]) for r in data["rows"] if "reconfirm" in r}
    for ident in idents:
        page, _ = urls.item_target(site.model, ident)
        data = json.loads(site.files[twins.twin_source(page, lang)])
        for m in data["mappings"]:
            if "reconfirm" in m:
                marked |= {r for r in _rows(site.model) if set(r) == {ident, m["item"]["id"]}}
    return marked


def _download(site: Site, path: str) -> bytes:
    content = site.files[f"{downloads.FOLDER}/{downloads.published(path, 'en')}"]
    return content.encode("utf-8") if isinstance(content, str) else content


def _sssom(site: Site, lang: Lang) -> set[Row]:
    marked: set[Row] = set()
    for d in directions(site.model):
        text = _download(site, f"sssom/{file_name(d.left, d.right, lang)}").decode("utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        for r in csv.DictReader(io.StringIO(body), delimiter="\t"):
            if r["comment"].startswith(f"{t('reconfirm', lang)}: "):
                marked.add(_as_row(d, r["subject_id"], r["object_id"]))
    return marked


def _csv(files: dict[str, bytes], lang: Lang) -> set[Row]:
    marked: set[Row] = set()
    for name, content in files.items():
        if name.startswith("crosswalk-") and name.endswith(f"-{lang}.csv"):
            rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
            marked |= {(r["source_id"], r["target_id"]) for r in rows if r["reconfirm"]}
    return marked


def _xlsx(site: Site) -> dict[str, set[Row]]:
    book = load_workbook(io.BytesIO(_download(site, "xlsx/coachref.xlsx")), read_only=True)
    out: dict[str, set[Row]] = {"en": set(), "nl": set()}
    for mset in site.model.mapping_sets:
        rows = book[mset.id].iter_rows(values_only=True)
        head = list(next(rows))
        for r in rows:
            for lang in LANGUAGES:
                if r[head.index(f"reconfirm {lang.upper()}")]:
                    out[lang].add((str(r[head.index("source id")]), str(r[head.index("target id")])))
    return out


def _case(site: Site, lang: Lang) -> set[Row]:
    marked: set[Row] = set()
    for fw in site.model.frameworks:
        package = json.loads(_download(site, f"case/{fw.id}-{lang}.case.json"))
        for a in package["CFAssociations"]:
            if "reconfirm" in a.get("extensions", {}):
                assert a["notes"].startswith(f"{t('reconfirm', lang)}: ")
                marked.add((a["originNodeURI"]["title"], a["destinationNodeURI"]["title"]))
    return marked


def _every_channel(site: Site, picked: Picked) -> dict[str, set[Row]]:
    idents = [picked.ksb, picked.eindterm, picked.reworded]
    code, _, err = run_cli(["export", "--format", "csv", "--out", "out"], site.root)  # the CLI decides alike
    assert code == 0, err
    exported = {p.name: p.read_bytes() for p in (site.root / "out").iterdir()}
    assert all(exported[n] == _download(site, f"csv/{n}") for n in exported)
    found = {}
    for lang in LANGUAGES:
        found |= {
            f"crosswalk pages ({lang})": _crosswalk_pages(site, lang),
            f"item pages ({lang})": _item_pages(site, lang, idents),
            f"twins ({lang})": _twins(site, lang, idents),
            f"SSSOM ({lang})": _sssom(site, lang),
            f"CSV ({lang})": _csv(exported, lang),
            f"CASE ({lang})": _case(site, lang),
        }
    found |= {f"XLSX ({lang})": rows for lang, rows in _xlsx(site).items()}
    return found


# --- the tests ---------------------------------------------------------------------------------------------


def test_exactly_the_rows_of_items_changed_in_substance_are_marked_everywhere(changed: tuple[Site, Picked]) -> None:
    site, picked = changed
    wanted = {r for r in _rows(site.model) if picked.ksb in r or picked.eindterm in r}
    sets = {s.id for s in site.model.mapping_sets if any((m.source, m.target) in wanted for m in s.mappings)}
    assert len(sets) == 2  # both crosswalks have rows to re-confirm
    assert any(picked.reworded in r for r in _rows(site.model) - wanted)  # a reworded item's rows stay confirmed
    for channel, marked in _every_channel(site, picked).items():
        assert marked == wanted, channel


def test_the_mark_says_which_item_changed_when_and_that_it_is_not_yet_in_an_edition(
    changed: tuple[Site, Picked],
) -> None:
    site, picked = changed
    row = next(r for r in sorted(_rows(site.model)) if picked.eindterm in r and picked.ksb not in r)
    mset = next(s for s in site.model.mapping_sets if any((m.source, m.target) == row for m in s.mappings))
    data = json.loads(site.files[twins.twin_source(urls.crosswalk_page(mset.source, mset.target), "nl")])
    (twin_row,) = [r for r in data["rows"] if (r["left"]["id"], r["right"]["id"]) == row]
    assert {k: v for k, v in twin_row["reconfirm"].items() if k != "reason"} == {
        "item": picked.eindterm,
        "edition": None,
        "date": picked.date,
        "kind": "changed",
    }
    assert twin_row["reconfirm"]["reason"].startswith(
        f"{picked.eindterm} is op {picked.date} inhoudelijk gewijzigd "
        "(nog niet in een editie), na de laatste beoordeling"
    )
    name = item_name(site.model, site.model.items[picked.eindterm], "nl")  # pages name the item as they show it
    page = str(site.files[f"{urls.crosswalk_page(mset.source, mset.target)}.nl.md"])
    assert (
        f"<strong>Opnieuw te bevestigen:</strong> {html.escape(name)} is op {picked.date} inhoudelijk gewijzigd "
        "(nog niet in een editie)"
    ) in page


def test_every_twin_with_marked_rows_validates(changed: tuple[Site, Picked]) -> None:
    site, _ = changed
    schema = json.loads((site.root / "schemas" / "twin.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    marked = {
        name: json.loads(content)
        for name, content in site.files.items()
        if name.rsplit("/", 1)[-1] in ("index.en.json", "index.nl.json") and '"reconfirm"' in str(content)
    }
    assert len(marked) >= 2 * (4 + 2)  # each crosswalk read both ways, the two changed items; in two languages
    assert {name: [e.message for e in validator.iter_errors(twin)] for name, twin in marked.items()} == {
        name: [] for name in marked
    }


@pytest.mark.slow  # the official SSSOM validator
@needs_sssom
def test_the_marked_sssom_files_pass_the_official_validator(changed: tuple[Site, Picked], tmp_path: Path) -> None:
    """A row to re-confirm keeps its predicate, reviewer and date; the files stay valid SSSOM (sssom validate)."""
    from .test_sssom import _official

    site, picked = changed
    paths = []
    for d in directions(site.model):
        for lang in LANGUAGES:
            paths.append(tmp_path / file_name(d.left, d.right, lang))
            paths[-1].write_bytes(_download(site, f"sssom/{paths[-1].name}"))
    for path, parsed in _official(paths).items():
        assert parsed["errors"] == [], path
        marked = [r for r in parsed["rows"] if picked.ksb in (r["subject_id"], r["object_id"])]
        assert marked and all(
            r["comment"].startswith(("To be re-confirmed: ", "Opnieuw te bevestigen: "))
            and r["predicate_id"].startswith("skos:")
            and r["mapping_date"]
            for r in marked
        )


def _strongest(model: Model, relations: list[str]) -> str | None:
    order = [r.id for r in model.relations]
    return min(relations, key=lambda r: (-model.relation[r].strength, order.index(r))) if relations else None


def _expected_counts(model: Model, stale: set[Row]) -> list[tuple[int, int, int]]:
    """Per crosswalk side, in the coverage page's order: (items mapped, equivalent, related only), counting only
    confirmed rows; read from the model's rows, not from generator.model.coverage."""
    out = []
    for mset in model.mapping_sets:
        for side, compared in (("source", mset.compared_source), ("target", mset.compared_target)):
            best = {}
            for g in compared:
                for item in model.groups[g].items:
                    seen = [
                        m.relation if side == "source" else model.relation[m.relation].inverse
                        for m in mset.mappings
                        if (m.source, m.target) not in stale and item.id == (m.source if side == "source" else m.target)
                    ]
                    best[item.id] = _strongest(model, seen)
            values = list(best.values())
            out.append(
                (
                    sum(b is not None for b in values),
                    sum(b in ("exact", "close") for b in values),
                    values.count("related"),
                )
            )
    return out


def _overall(site: Site, lang: Lang) -> list[tuple[int, int, int]]:
    (table,) = [
        x for x in parse(str(site.files[f"mappings/coverage.{lang}.md"])) if "cr-coverage-overall" in x.attrs["class"]
    ]
    return [
        (int(r.cells[3].text), int(r.cells[5].text.split()[0]), int(r.cells[6].text.split()[0])) for r in table.body()
    ]


def test_coverage_leaves_the_rows_to_reconfirm_out_and_says_how_many_wait(changed: tuple[Site, Picked]) -> None:
    site, picked = changed
    stale = {r for r in _rows(site.model) if picked.ksb in r or picked.eindterm in r}
    for lang in LANGUAGES:
        assert _overall(site, lang) == _expected_counts(site.model, stale)
        assert _overall(site, lang) != _expected_counts(site.model, set())  # the counts did drop
        page = str(site.files[f"mappings/coverage.{lang}.md"])
        for mset in site.model.mapping_sets:
            n = sum((m.source, m.target) in stale for m in mset.mappings)
            assert html.escape(tn("reconfirm-count", n, lang, total=len(mset.mappings))) in page
            cross = str(site.files[f"{urls.crosswalk_page(mset.source, mset.target)}.{lang}.md"])
            assert html.escape(tn("reconfirm-count", n, lang, total=len(mset.mappings))) in cross
        total = len(_rows(site.model))
        assert html.escape(tn("reconfirm-count", len(stale), lang, total=total)) in page
        assert markup.text(t("gap-reconfirm", lang)) in page  # the eindterm has no confirmed row left


def test_matrices_mark_each_row_to_reconfirm_once(changed: tuple[Site, Picked]) -> None:
    site, picked = changed
    stale = {r for r in _rows(site.model) if picked.ksb in r or picked.eindterm in r}
    for d in directions(site.model):
        n = sum((m.source, m.target) in stale for m in d.mset.mappings)
        for lang in LANGUAGES:
            page = str(site.files[f"{urls.matrix_page(d.left, d.right)}.{lang}.md"])
            assert page.count('class="cr-mark cr-reconfirm-mark" title=') == n  # in the cells; the legend has none
            assert page.count(f"({t('reconfirm', lang)}: ") == n  # said to screen readers, with the reason
            assert f'aria-hidden="true">?</span> {t("reconfirm", lang)}' in page  # the legend


@pytest.mark.slow  # a second copy of the whole project, checked, exported and rendered again
def test_a_row_reviewed_again_after_the_change_is_no_longer_marked(
    changed: tuple[Site, Picked], tmp_path: Path
) -> None:
    site, picked = changed
    stale = {r for r in _rows(site.model) if picked.ksb in r or picked.eindterm in r}
    row = min(r for r in stale if picked.eindterm in r)
    root = tmp_path / "project"
    shutil.copytree(site.root, root, symlinks=True)  # the other tests keep their copy as it was
    _rereview(root, row, picked.later)
    assert run_cli(["check", "--strict"], root)[0] == 0  # a new review date is no change to declare
    again = _render(root)
    for channel, marked in _every_channel(again, picked).items():
        assert marked == stale - {row}, channel
    assert _overall(again, "en") == _expected_counts(again.model, stale - {row})
