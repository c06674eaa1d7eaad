"""A realistic next edition (tests/next_edition.py: ten items each reworded, changed in substance, renumbered,
split and retired, ten added) is classified change by change, and exactly the crosswalk rows, course-report
outcomes and workbook entries it affects are flagged: 100 % of the affected ones and none of the others."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from generator.editions import impact
from generator.editions.delta import Snapshot, between
from generator.model.types import Model
from generator.pipeline import Checked, load_model

from .helpers import run_cli
from .next_edition import DATE, Plan, make, renumber

pytestmark = pytest.mark.slow  # makes and freezes a realistic next edition


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Checked, Plan]]:
    root, plan = make(tmp_path_factory.mktemp("next"))
    here = Path.cwd()
    os.chdir(root)
    try:
        assert main(["check", "--strict"]) == 0  # an editor's complete change: declared, references carried
        assert main(["edition", "freeze", DATE]) == 0
        checked = load_model(root)
    finally:
        os.chdir(here)
    assert checked.model is not None and checked.editions[-1].id == DATE
    yield checked, plan


def _history(checked: Checked) -> impact.History:
    assert checked.model is not None
    return impact.history(checked.model, checked.editions)


def test_every_change_is_classified(next_edition: tuple[Checked, Plan]) -> None:
    checked, plan = next_edition
    older = next(e for e in checked.editions if e.id == plan.old)
    delta = between(Snapshot.of(older), Snapshot.of(checked.editions[-1]))
    kinds = {kind: {e.id for e in delta.items if e.kind == kind} for kind in delta.counts}
    assert kinds["reworded"] == plan.ids("reword")
    assert kinds["changed"] == plan.ids("substantive")
    assert kinds["moved"] == plan.ids("renumber")
    assert kinds["split"] == plan.ids("split")
    assert kinds["retired"] == plan.ids("retire")
    assert kinds["added"] == set(plan.added)  # a renumbered or split item's new ids are not "added"
    carried = {e.id for e in delta.items if e.kind == "corrected"}  # duties and EPA methods whose links followed
    assert carried and all(i.startswith("ST0809:duty:") or i.startswith("ST0809:epa:") for i in carried)
    for entry in delta.items:
        if entry.kind in ("moved", "split"):
            assert list(entry.successors) == plan.successors[entry.id]
    assert delta.counts["merged"] == 0


def _rows(model: Model) -> set[tuple[str, str]]:
    return {(m.source, m.target) for s in model.mapping_sets for m in s.mappings}


def test_exactly_the_rows_of_items_changed_in_substance_are_to_be_reconfirmed(
    next_edition: tuple[Checked, Plan],
) -> None:
    checked, plan = next_edition
    assert checked.model is not None
    touched = plan.ids("substantive") | {p for i in plan.ids("split") for p in plan.successors[i]}
    affected = {row for row in _rows(checked.model) if touched & set(row)}
    stale = impact.stale_rows(checked.model, _history(checked))
    assert affected and set(stale) == affected  # 100 % flagged, and no unaffected row
    for (source, target), (item, entry) in stale.items():
        assert item in (source, target) and item in touched and entry.date == DATE


def test_each_row_to_reconfirm_names_its_changed_item_the_change_and_its_edition(
    next_edition: tuple[Checked, Plan],
) -> None:
    checked, plan = next_edition
    assert checked.model is not None
    why = impact.to_reconfirm(checked.model, _history(checked))
    assert {row: (r.item, r.entry) for row, r in why.items()} == impact.stale_rows(checked.model, _history(checked))
    split = {p: i for i in plan.ids("split") for p in plan.successors[i]}
    for (source, target), r in why.items():
        assert r.item in (source, target) and r.edition == DATE and r.date == DATE
        if r.item in split:  # a row now on a part of a split item: the change is the split of the old id
            assert (r.entry.kind, r.entry.id) == ("split", split[r.item])
        else:
            assert (r.entry.kind, r.entry.id) == ("changed", r.item)


def test_a_row_stays_to_be_reconfirmed_when_its_changed_item_is_renumbered_later(tmp_path: Path) -> None:
    """An item changed in substance in one edition and renumbered in the next: the row carried to its new id was
    still reviewed before the change, so it stays to be re-confirmed (a renumbering alone is not a change of
    meaning, but it does not wash out the one before it); the new id's history starts with the old id's."""
    root, plan = make(tmp_path)
    assert run_cli(["check", "--strict"], root)[0] == 0
    assert run_cli(["edition", "freeze", DATE], root)[0] == 0
    checked = load_model(root)
    assert checked.model is not None
    before = impact.stale_rows(checked.model, _history(checked))
    ident = min(i for i in plan.ids("substantive") if any(i in row for row in before))
    new = renumber(root, ident, DATE)
    assert run_cli(["check", "--strict"], root)[0] == 0
    checked = load_model(root)
    assert checked.model is not None
    hist = _history(checked)
    assert [(edition, e.kind, e.id) for edition, e in hist.entries_for(new)][-2:] == [
        (DATE, "changed", ident),
        (None, "moved", ident),
    ]

    def carried(end: str) -> str:
        return new if end == ident else end

    old_of = {(carried(source), carried(target)): (source, target) for source, target in before}
    after = impact.to_reconfirm(checked.model, hist)
    assert set(after) == set(old_of)  # the rows blamed on `ident` alone too
    for row, old in old_of.items():
        if before[old][0] == ident:
            why = after[row]
            assert (why.item, why.edition, why.entry.kind, why.entry.id) == (new, DATE, "changed", ident)


def test_rows_of_retired_items_are_listed_as_removed_and_renumbered_rows_as_moved(
    next_edition: tuple[Checked, Plan],
) -> None:
    checked, plan = next_edition
    older = next(e for e in checked.editions if e.id == plan.old)
    delta = between(Snapshot.of(older), Snapshot.of(checked.editions[-1]))
    old_rows = set(older.manifest["mappings"])
    retired = plan.ids("retire")
    assert {e.id for e in delta.rows if e.kind == "removed"} == {k for k in old_rows if retired & set(k.split(" "))}
    renamed = plan.ids("renumber", "split")
    assert {e.id for e in delta.rows if e.kind == "moved"} == {
        k for k in old_rows if renamed & set(k.split(" ")) and not retired & set(k.split(" "))
    }


def _old_items(checked: Checked, plan: Plan, prefixes: tuple[str, ...]) -> set[str]:
    older = next(e for e in checked.editions if e.id == plan.old)
    return {i for i, entry in older.manifest["items"].items() if entry["group"] in prefixes}


KSB_GROUPS = ("ST0809:knowledge", "ST0809:skills", "ST0809:behaviours")
EINDTERM_GROUPS = ("BVJN:intake-assessment", "BVJN:jobfinding", "BVJN:coaching-on-the-job")


def test_report_outcomes_on_items_changed_in_meaning_or_id_are_flagged(next_edition: tuple[Checked, Plan]) -> None:
    """A report made with the older edition that covered every KSB and eindterm: its outcomes on items changed in
    substance, renumbered, split or retired are flagged; those on reworded and unchanged items are not."""
    checked, plan = next_edition
    covered = _old_items(checked, plan, KSB_GROUPS + EINDTERM_GROUPS)
    told = impact.told(_history(checked), plan.old, covered, "report")
    assert set(told) == plan.ids("substantive", "renumber", "split", "retire")
    for ident, change in told.items():
        assert change.old is not None and change.old["id"] == ident
        if ident in plan.successors:
            assert list(change.successors) == plan.successors[ident]
            assert [n["id"] for n in change.new] == plan.successors[ident]
        elif ident in plan.ids("retire"):
            assert change.kind == "retired" and change.new == ()


def test_workbook_entries_on_every_changed_item_show_old_and_new_text(next_edition: tuple[Checked, Plan]) -> None:
    """A workbook saved with the older edition, with evidence on every KSB: the entries on reworded, changed,
    renumbered, split and retired KSBs are flagged with the old and the new text; the others are not."""
    checked, plan = next_edition
    ksbs = _old_items(checked, plan, KSB_GROUPS)
    told = impact.told(_history(checked), plan.old, ksbs, "workbook")
    changed = plan.ids(*plan.changed) & ksbs
    assert set(told) == changed and len(changed) >= 25
    for ident, change in told.items():
        assert change.old is not None
        if ident in plan.ids("reword", "substantive"):
            (new,) = change.new
            assert new["statement"]["en"] != change.old["statement"]["en"]
            assert new["statement"]["nl"] != change.old["statement"]["nl"]
        if ident in plan.ids("renumber"):
            (new,) = change.new
            assert new["statement"] == change.old["statement"] and new["id"] == f"{ident}x"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_workbook_page_data_gives_old_and_new_text_per_edition(
    next_edition: tuple[Checked, Plan], lang: str
) -> None:
    """The table the workbook page embeds for a file saved with the older edition: every changed KSB, with its
    kind, what stands for it now and the texts then and now in the page's language; none for the current one."""
    from generator.render.site.workbook_data import since

    checked, plan = next_edition
    assert checked.model is not None
    hist = _history(checked)
    tables = since(hist, checked.model.framework["ST0809"], lang)
    assert hist.current_id == DATE and DATE not in tables
    table = tables[plan.old]
    older = next(e for e in checked.editions if e.id == plan.old)
    ksbs = _old_items(checked, plan, KSB_GROUPS)
    assert set(table) == plan.ids(*plan.changed) & ksbs
    for ident, entry in table.items():
        old = older.export["frameworks"]
        then = next(i for f in old for g in f["groups"] for i in g["items"] if i["id"] == ident)
        assert entry["old"] == then["statement"][lang]
        if ident in plan.ids("retire"):
            assert (entry["kind"], entry["new"], entry["successors"]) == ("retired", [], [])
            continue
        expected = plan.successors.get(ident, [ident])
        assert [n["id"] for n in entry["new"]] == expected
        now = [checked.model.items[i].statement.get(lang) for i in expected]
        assert [n["statement"] for n in entry["new"]] == now
        kind = {"reword": "reworded", "substantive": "changed", "renumber": "moved", "split": "split"}
        assert entry["kind"] == next(kind[k] for k in kind if ident in plan.ids(k))
        assert entry["same"] is (ident in plan.ids("renumber"))  # a new id, the same words
