"""What changes mean for what depends on them: the history of every item over the editions and the current data,
its last change, the crosswalk rows to re-confirm, and every change since a given edition (for course reports and
workbooks made with it)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from generator.editions.delta import KINDS, SUBSTANTIVE, Delta, Entry, Snapshot, between
from generator.editions.manifest import Edition, manifest
from generator.model.types import Mapping, Model
from generator.render.exports.json_export import to_dict

#: What a change of an item a course report covered means for the report's verdict: a retired, split or merged
#: item's coverage does not carry over by itself (may change); a change in substance asks for the outcome to be
#: reviewed; a new id (the item itself, renumbered), a correction or a reword leaves the verdict as it was. The one
#: table for both questions about reports: which changes they are told about (TOLD) and what each means
#: (course/reopen.py, and through its tables the check page).
REPORT_EFFECT = {
    "retired": "may-change",
    "split": "may-change",
    "merged": "may-change",
    "changed": "review",
    "moved": "none",
    "corrected": "none",
    "reworded": "none",
    "added": "none",
}

#: Which changes each kind of dependent object is told about. A crosswalk row: changes of meaning (and only when
#: made after its review; see stale_rows). A course report's outcome: those that may change its verdict or ask for a
#: review (REPORT_EFFECT), and a renumbering, which leaves the report citing an id that moved. A workbook entry: every
#: change of the item's text or id, so the apprentice sees old and new wording beside the evidence.
TOLD = {
    "row": SUBSTANTIVE,
    "report": frozenset(k for k, e in REPORT_EFFECT.items() if e != "none") | {"moved"},
    "workbook": frozenset(KINDS) - {"added"},
}


def current(model: Model, editions: tuple[Edition, ...]) -> Snapshot:
    """The current data as a snapshot (id None), dated by its latest edition's date or the data's own date."""
    from generator.model.dates import data_date

    return Snapshot.make(None, data_date(model), manifest(model), to_dict(model))


@dataclass(frozen=True)
class History:
    """Every delta from the first edition on: between consecutive editions, then (when the data differs from
    the latest edition) from it to the current data (`pending`)."""

    editions: tuple[Edition, ...]
    deltas: tuple[Delta, ...]  # deltas[k] goes from editions[k] to editions[k + 1] (or to the current data)
    pending: Delta | None
    now: Snapshot
    by_item: dict[str, list[tuple[str | None, Entry]]]  # current item id -> the changes that made it, oldest first

    @property
    def current_id(self) -> str | None:
        """The edition the current data is, or None when it has changes not yet in an edition (or no edition)."""
        if not self.editions or self.pending is not None:
            return None
        return self.editions[-1].id

    def entries_for(self, item_id: str) -> list[tuple[str | None, Entry]]:
        """(edition id the change went into, None while pending; entry) of every change that made `item_id` what
        it is now, oldest first: its own changes and those of the ids it was moved, split or merged from."""
        return self.by_item.get(item_id, [])


#: The last history made, with the model and editions it was made from: a command that evaluates one course file
#: after another over the same model (a checked model never changes) asks for it again and again.
_last: dict[str, tuple[Model, tuple[Edition, ...], History]] = {}


def history(model: Model, editions: tuple[Edition, ...]) -> History:
    """The history of the data over its editions."""
    hit = _last.get("history")
    if hit is not None and hit[0] is model and hit[1] == editions:
        return hit[2]
    made = _history(model, editions)
    _last["history"] = (model, editions, made)
    return made


def _history(model: Model, editions: tuple[Edition, ...]) -> History:
    now = current(model, editions)
    snaps = [Snapshot.of(e) for e in editions]
    deltas = tuple(between(a, b) for a, b in pairwise(snaps))
    pending = None
    if snaps:
        delta = between(snaps[-1], now)
        pending = None if delta.empty else delta
    by_item = _by_item([*deltas, *([pending] if pending else [])], editions)
    return History(editions, deltas, pending, now, by_item)


def _by_item(deltas: list[Delta], editions: tuple[Edition, ...]) -> dict[str, list[tuple[str | None, Entry]]]:
    """Current item id -> the changes that made it, oldest first: a renumbered, split or merged item's successors
    carry the old id's earlier changes too (a row carried to the new id was reviewed against them)."""
    order: dict[str | None, int] = {e.id: n for n, e in enumerate(editions)}
    order[None] = len(editions)  # a change not yet in an edition comes last
    by_item: dict[str, list[tuple[str | None, Entry]]] = {}
    for delta in deltas:
        earlier = {ident: tuple(found) for ident, found in by_item.items()}  # as of the edition before this delta
        for entry in delta.items:
            for target in entry.successors or (entry.id,):
                found = by_item.setdefault(target, [])
                if target != entry.id:
                    found.extend(e for e in earlier.get(entry.id, ()) if e not in found)
                    found.sort(key=lambda change: order[change[0]])
                found.append((delta.new.id, entry))
    return by_item


def last_change(history: History, item_id: str) -> tuple[str | None, Entry] | None:
    """The latest change that touched `item_id` (None: unchanged since the first edition, or no editions)."""
    entries = history.entries_for(item_id)
    return entries[-1] if entries else None


@dataclass(frozen=True)
class Reconfirm:
    """Why a crosswalk row is to be re-confirmed: the item at one of its ends (its current id) whose change of
    meaning postdates the row's review, that change, and the edition it went into (None: not yet in an edition)."""

    item: str
    edition: str | None
    entry: Entry

    @property
    def date(self) -> str:
        return self.entry.date


def to_reconfirm(model: Model, history: History) -> dict[tuple[str, str], Reconfirm]:
    """(source, target) -> why, for every crosswalk row reviewed before a substantive change of one of its two
    items: the one place that decides which rows pages, twins and exports mark as to be re-confirmed, and leave out
    of the equivalent/related counts until the row's `reviewed` date is moved past the change."""
    found: dict[tuple[str, str], Reconfirm] = {}
    for mset in model.mapping_sets:
        for m in mset.mappings:
            why = _stale(m, history)
            if why is not None:
                found[(m.source, m.target)] = why
    return found


def stale_rows(model: Model, history: History) -> dict[tuple[str, str], tuple[str, Entry]]:
    """(source, target) -> (the item, its change) for every crosswalk row reviewed before a substantive change of
    one of its two items: to be re-confirmed, and left out of the equivalent/related counts until re-reviewed."""
    return {row: (why.item, why.entry) for row, why in to_reconfirm(model, history).items()}


def _stale(m: Mapping, history: History) -> Reconfirm | None:
    for ident in (m.source, m.target):
        for edition, entry in reversed(history.entries_for(ident)):
            if entry.substantive and entry.date > m.reviewed_date:
                return Reconfirm(ident, edition, entry)
    return None


@dataclass(frozen=True)
class Since:
    """What became of one item of an older edition: its strongest change since, what stands for it now, and its
    old and new texts (statement, as the exports have it)."""

    id: str
    kind: str
    successors: tuple[str, ...]
    affects_assessment: bool
    substantive: bool
    old: dict[str, Any] | None  # the item in the older edition's export
    new: tuple[dict[str, Any], ...]  # the items that stand for it now, from the current export


def changes_since(history: History, edition_id: str) -> dict[str, Since]:
    """Item id as of edition `edition_id` -> what became of it, for every item that changed since."""
    index = next((n for n, e in enumerate(history.editions) if e.id == edition_id), None)
    if index is None:
        raise KeyError(edition_id)
    deltas = [*history.deltas[index:], *([history.pending] if history.pending else [])]
    old = Snapshot.of(history.editions[index])
    found: dict[str, Since] = {}
    for ident in old.manifest["items"]:
        chain = _follow(ident, deltas)
        if not chain:
            continue
        ids = _successors(ident, chain)
        strongest = max((e.kind for e in chain), key=KINDS.index)
        found[ident] = Since(
            ident,
            strongest,
            tuple(i for i in ids if i != ident) if ids != (ident,) else (),
            any(e.affects_assessment for e in chain),
            any(e.substantive for e in chain),
            old.items.get(ident),
            tuple(history.now.items[i] for i in ids if i in history.now.items),
        )
    return found


def _follow(ident: str, deltas: list[Delta]) -> list[Entry]:
    """Every change of `ident` and of the ids that came to stand for it, through the deltas in order."""
    chain: list[Entry] = []
    ids = {ident}
    for delta in deltas:
        for entry in delta.items:
            if entry.id in ids and entry.kind != "added":
                chain.append(entry)
        for entry in delta.items:
            if entry.id in ids and entry.successors:
                ids = (ids - {entry.id}) | set(entry.successors)
    return chain


def _successors(ident: str, chain: list[Entry]) -> tuple[str, ...]:
    ids = [ident]
    for entry in chain:
        if entry.id in ids and (entry.successors or entry.kind == "retired"):
            at = ids.index(entry.id)
            ids[at : at + 1] = list(entry.successors)
    return tuple(dict.fromkeys(ids))


def told(history: History, edition_id: str, ids: set[str] | list[str], purpose: str) -> dict[str, Since]:
    """Of the item ids a report or workbook made with edition `edition_id` points at, those whose changes since
    it that kind of object is told about (TOLD[purpose]), with what became of each."""
    since = changes_since(history, edition_id)
    kinds = TOLD[purpose]
    return {i: since[i] for i in sorted(ids) if i in since and _kinds_of(since[i]) & kinds}


def _kinds_of(change: Since) -> set[str]:
    return {change.kind, *(["changed"] if change.substantive else [])}
