"""What changed between two editions (or between the latest edition and the current data): every item added,
corrected, reworded, changed, moved, split, merged into another or retired; every mapping row added, changed or
removed; every framework whose own data changed. Old and new texts come from the two exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.editions.declared import differences
from generator.editions.manifest import Edition, Manifest

#: The kinds of item change, weakest first (a chain of changes is as strong as its strongest link).
KINDS = ("corrected", "reworded", "moved", "changed", "merged", "split", "retired", "added")
#: Kinds whose meaning changed: crosswalk rows made before them are to be re-confirmed.
SUBSTANTIVE = frozenset({"changed", "merged", "split", "retired"})
_DECLARED_KIND = {"correction": "corrected", "reword": "reworded", "substantive": "changed"}


@dataclass(frozen=True)
class Snapshot:
    """One side of a comparison: an edition, or the current data (id None), with its export indexed."""

    id: str | None
    date: str
    manifest: Manifest
    export: dict[str, Any]
    items: dict[str, dict[str, Any]]  # item id -> the item as the export has it (texts, declared changes)
    rows: dict[str, dict[str, Any]]  # 'source target' -> the mapping row as the export has it
    frameworks: dict[str, dict[str, Any]]  # framework id -> the framework as the export has it

    @staticmethod
    def make(ident: str | None, date: str, manifest: Manifest, export: dict[str, Any]) -> Snapshot:
        items = {i["id"]: i for f in export["frameworks"] for g in f["groups"] for i in g["items"]}
        rows = {f"{m['source']} {m['target']}": m for s in export["mapping_sets"] for m in s["mappings"]}
        return Snapshot(ident, date, manifest, export, items, rows, {f["id"]: f for f in export["frameworks"]})

    @staticmethod
    def of(edition: Edition) -> Snapshot:
        return Snapshot.make(edition.id, edition.date, edition.manifest, edition.export)


@dataclass(frozen=True)
class Entry:
    """One change of one item, row or framework between two snapshots."""

    kind: str  # an item's: see KINDS; a row's: added, changed, removed; a framework's: changed
    id: str  # the id in the older snapshot (the new id for an added item)
    successors: tuple[str, ...] = ()  # moved, split, merged: the ids that stand for it now
    fields: tuple[str, ...] = ()  # what differs ("text (en)", "links", "status", "relation")
    date: str = ""  # when: the declared change's date, the retirement's date, or the newer snapshot's date
    affects_assessment: bool = False
    note: dict[str, Any] | None = None  # the declared change's note, as the export has it
    declared: str | None = None  # the declared kind (correction, reword, substantive), if any

    @property
    def substantive(self) -> bool:
        return self.kind in SUBSTANTIVE


@dataclass(frozen=True)
class Delta:
    """Every change from `old` to `new`."""

    old: Snapshot
    new: Snapshot
    items: tuple[Entry, ...] = ()
    rows: tuple[Entry, ...] = ()
    frameworks: tuple[Entry, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    requirements: tuple[Entry, ...] = ()  # requirement sets added, changed (title, source, conditions) or removed

    @property
    def empty(self) -> bool:
        return not (self.items or self.rows or self.frameworks or self.requirements)


def between(old: Snapshot, new: Snapshot) -> Delta:
    """Classify every difference between two snapshots."""
    items = tuple(sorted(_items(old, new), key=lambda e: (KINDS.index(e.kind), e.id)))
    rows = tuple(_rows(old, new))
    frameworks = tuple(_frameworks(old, new))
    counts = {kind: sum(1 for e in items if e.kind == kind) for kind in KINDS}
    return Delta(old, new, items, rows, frameworks, counts, _requirements(old, new))


def _requirements(old: Snapshot, new: Snapshot) -> tuple[Entry, ...]:
    """The requirement sets a course is checked against that differ: a changed rule can change a course's verdict,
    so it is a change of the data like any other (exports before requirement sets were compared have none)."""
    before = {r["id"]: r for r in old.export.get("requirement_sets", [])}
    after = {r["id"]: r for r in new.export.get("requirement_sets", [])}
    out = []
    for rid in sorted(before.keys() | after.keys()):
        then, now = before.get(rid), after.get(rid)
        if then == now:
            continue
        kind = "added" if then is None else "removed" if now is None else "changed"
        fields = (
            ()
            if then is None or now is None
            else tuple(k for k in ("title", "source", "conditions") if then.get(k) != now.get(k))
        )
        out.append(Entry(kind, rid, (), fields, new.date, True))
    return tuple(out)


def _declared(entry: dict[str, Any] | None, since: str | None) -> dict[str, Any] | None:
    """The change an exported item, row or framework declares against edition `since`."""
    if entry is None or since is None:
        return None
    return next((c for c in entry.get("changes", []) if c["since"] == since), None)


def _changed(
    kind: str, ident: str, fields: list[str], change: dict[str, Any] | None, date: str, successors: tuple[str, ...] = ()
) -> Entry:
    if change is None:  # not declared (only between editions older than the check): assume the meaning changed
        return Entry(kind, ident, successors, tuple(fields), date, True)
    return Entry(
        kind,
        ident,
        successors,
        tuple(fields),
        change["date"],
        change["affects_assessment"],
        change.get("note"),
        change["kind"],
    )


def _items(old: Snapshot, new: Snapshot) -> Iterator[Entry]:
    before, after = old.manifest["items"], new.manifest["items"]
    retired = new.manifest.get("retired", {})
    accounted: set[str] = set()
    for ident in before:
        if ident in after:
            fields = differences(before[ident], after[ident])
            if fields:
                change = _declared(new.items.get(ident), old.id)
                kind = _DECLARED_KIND[change["kind"]] if change else "changed"
                yield _changed(kind, ident, fields, change, new.date)
            continue
        entry = retired.get(ident)
        if entry is None:
            continue  # gone without being retired: coachref check refuses that (item-dropped)
        successors = tuple(entry["successors"])
        accounted.update(successors)
        if not successors:
            yield Entry("retired", ident, (), (), entry["date"], True)
        elif len(successors) > 1:
            yield Entry("split", ident, successors, (), entry["date"], True)
        elif successors[0] in before:
            yield Entry("merged", ident, successors, (), entry["date"], True)
        else:
            successor = successors[0]
            fields = [f for f in differences(before[ident], after[successor]) if f not in ("label", "group")]
            change = _declared(new.items.get(successor), old.id)
            if not fields:
                yield Entry("moved", ident, successors, (), entry["date"], False)
            else:  # renumbered and reworded or changed: its declared kind decides, substantive when none
                weak = change is not None and change["kind"] != "substantive"
                yield _changed("moved" if weak else "changed", ident, fields, change, entry["date"], successors)
    for ident in after:
        if ident not in before and ident not in accounted:
            yield Entry("added", ident, (), (), new.date, True)


def _rows(old: Snapshot, new: Snapshot) -> Iterator[Entry]:
    """Rows added, removed, changed, and moved: a row whose item was renumbered, split or merged, now written
    with a successor at that end (its relation and rationale are compared as for any row)."""
    before, after = old.manifest["mappings"], new.manifest["mappings"]
    successors = {i: r["successors"] for i, r in new.manifest.get("retired", {}).items() if i in old.manifest["items"]}
    moved: dict[str, str] = {}
    for key in sorted(set(before) - set(after)):
        source, target = key.split(" ")
        ends = [f"{s} {t}" for s in successors.get(source, [source]) for t in successors.get(target, [target])]
        for candidate in ends:
            if candidate in after and candidate not in before and candidate not in moved.values():
                moved[key] = candidate
                break
    for key in sorted(set(before) | set(after)):
        if key in moved:
            fields = differences(before[key], after[moved[key]])
            change = _declared(new.rows.get(moved[key]), old.id)
            yield (
                _changed("moved", key, fields, change, new.date, (moved[key],))
                if fields
                else Entry("moved", key, (moved[key],), (), new.date)
            )
        elif key in moved.values():
            continue
        elif key not in before:
            yield Entry("added", key, (), (), after[key]["reviewed"])
        elif key not in after:
            yield Entry("removed", key, (), (), new.date)
        elif fields := differences(before[key], after[key]):
            change = _declared(new.rows.get(key), old.id)
            yield _changed("changed", key, fields, change, new.date)


def _frameworks(old: Snapshot, new: Snapshot) -> Iterator[Entry]:
    before, after = old.manifest["frameworks"], new.manifest["frameworks"]
    for key in sorted(after):
        if key in before and (fields := differences(before[key], after[key])):
            change = _declared(new.frameworks.get(key), old.id)
            yield _changed("changed", key, fields, change, new.date)
