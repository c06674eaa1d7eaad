"""The apprentice's workbook data, computed at build time: which items it holds (groups with the ksb role), each
item's duty and assessment-method links with their confidence, the data edition (versions and content hashes)
and, per crosswalk, which items of the other framework each workbook item would cover and how strongly; and, per
edition, what became of its items since (old and new text), for a file saved with that edition."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from generator.course.reopen import change_note, item_side
from generator.editions.impact import History, Since, told
from generator.model.coverage import Side, seen_from
from generator.model.dates import data_date
from generator.model.types import Framework, Group, Item, Lang, MappingSet, Model
from generator.render.site.ksb_matrix import link_unknown as links_unknown

#: How an item is linked to a duty or an assessment method: known, our inference, or not yet known (the column's
#: links are missing or the duty itself is not yet available), exactly as the KSB matrices show it.
LinkState = Literal["yes", "inferred", "unknown"]
#: Which field of an item points at KSBs: duties list their `ksbs`, assessment methods what they `assesses`.
LinkField = Literal["ksbs", "assesses"]


@dataclass(frozen=True)
class Link:
    """A duty or assessment method of a workbook item, with how sure the link is."""

    target: Item
    state: LinkState


@dataclass(frozen=True)
class CrossItem:
    """An item of the other framework and the workbook items that would cover it, strongest relation first."""

    item: Item
    candidates: tuple[tuple[str, str], ...]  # (workbook item id, relation read from this item's side)


@dataclass(frozen=True)
class CrossView:
    """One crosswalk seen from the workbook: the other framework's compared items."""

    mapping_set: MappingSet
    other: Framework
    groups: tuple[tuple[Group, tuple[CrossItem, ...]], ...]


def workbook_groups(fw: Framework) -> list[Group]:
    return [g for g in fw.groups if g.role == "ksb"]


def link_groups(fw: Framework, field: LinkField) -> list[Group]:
    """Groups whose items point at KSBs through `field` (duties: ksbs; assessment methods: assesses)."""
    return [g for g in fw.groups if g.role != "ksb" and any(getattr(i, field) for i in g.items)]


def links(fw: Framework, item: Item, field: LinkField) -> list[Link]:
    """The duties (`ksbs`) or methods (`assesses`) of `item`: linked ones, and those whose links are unknown."""
    out = []
    for group in link_groups(fw, field):
        for column in group.items:
            if item.id in getattr(column, field):
                out.append(Link(column, "inferred" if column.links_confidence == "inferred" else "yes"))
            elif links_unknown(column):
                out.append(Link(column, "unknown"))
    return out


def item_hash(fw: Framework, item: Item) -> str:
    """A short hash of what an item says and how it is assessed: a change means evidence should be looked at."""
    content = [
        item.id,
        item.label,
        item.statement.en,
        item.statement.nl,
        [s.en for s in item.subpoints],
        [(link.target.id, link.state) for f in ("ksbs", "assesses") for link in links(fw, item, f)],
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()[:8]


def edition(model: Model, fw: Framework) -> dict[str, object]:
    """The data edition a workbook file is made for: framework versions, data date, a content hash of the
    workbook's items and one short hash per item (so an import can name what changed)."""
    hashes = {i.id: item_hash(fw, i) for g in workbook_groups(fw) for i in g.items}
    others = [v.other for v in cross_views(model, fw)]
    total = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()[:12]
    return {
        "versions": {f.id: f.version for f in [fw, *others]},
        "hash": total,
        "date": data_date(model),
        "items": hashes,
    }


def _other_side(mset: MappingSet, fw: Framework) -> Side:
    return "target" if mset.source == fw.id else "source"


def _cross_view(model: Model, fw: Framework, mset: MappingSet) -> CrossView:
    side = _other_side(mset, fw)
    other = model.framework[mset.target if side == "target" else mset.source]
    compared = set(mset.compared_target if side == "target" else mset.compared_source)
    mine = {i.id: n for n, i in enumerate(i for g in workbook_groups(fw) for i in g.items)}
    order = {r.id: n for n, r in enumerate(model.relations)}
    found: dict[str, list[tuple[str, str]]] = {}
    for m in mset.mappings:
        theirs, ours = (m.target, m.source) if side == "target" else (m.source, m.target)
        if ours in mine:
            found.setdefault(theirs, []).append((ours, seen_from(model, m.relation, side)))
    groups = []
    for group in (g for g in other.groups if g.id in compared):
        rows = []
        for item in group.items:
            cands = sorted(
                found.get(item.id, []), key=lambda c: (-model.relation[c[1]].strength, order[c[1]], mine[c[0]])
            )
            rows.append(CrossItem(item, tuple(cands)))
        groups.append((group, tuple(rows)))
    return CrossView(mset, other, tuple(groups))


def cross_views(model: Model, fw: Framework) -> list[CrossView]:
    """Every crosswalk of `fw`, whichever side of the mapping file it is on, in file order."""
    return [_cross_view(model, fw, m) for m in model.mapping_sets if fw.id in (m.source, m.target)]


def since(history: History | None, fw: Framework, lang: Lang) -> dict[str, dict[str, dict[str, object]]]:
    """Edition id -> workbook item id as that edition had it -> what became of it since: kind, the ids that stand for
    it now, its name, the old and new statements in `lang` and the editor's note. Every change a workbook entry is
    told about (impact.TOLD["workbook"]), for every edition but the one the data is, so a file saved with any of
    them shows old and new text beside its entries."""
    if history is None:
        return {}
    groups = {g.id for g in workbook_groups(fw)}
    out: dict[str, dict[str, dict[str, object]]] = {}
    for e in history.editions:
        if e.id == history.current_id:
            continue
        ids = [i for i, entry in e.manifest["items"].items() if entry["group"] in groups]
        table: dict[str, dict[str, object]] = {}
        for ident, change in told(history, e.id, ids, "workbook").items():
            table[ident] = _since_entry(history, e.id, ident, change, lang)
        if table:
            out[e.id] = table
    return out


def _since_entry(history: History, edition_id: str, ident: str, change: Since, lang: Lang) -> dict[str, object]:
    old = item_side(_export(history, edition_id), change.old) if change.old else None
    note = change_note(change, edition_id)
    new = [item_side(history.now.export, n) for n in change.new]
    return {
        "kind": change.kind,
        "successors": list(change.successors),
        "name": old["name"][lang] if old else ident,
        "old": old["statement"][lang] if old else "",
        "new": [{"id": n["id"], "name": n["name"][lang], "statement": n["statement"][lang]} for n in new],
        "same": old is not None and len(new) == 1 and new[0]["statement"][lang] == old["statement"][lang],
        "note": note[lang] if note else None,
    }


def _export(history: History, edition_id: str) -> dict[str, Any]:
    return next(e.export for e in history.editions if e.id == edition_id)
