"""Mapping coverage of one side of a crosswalk: per compared group and in total, how many items are mapped and
by which strongest relation, and which are not mapped at all. Rows to re-confirm (reviewed before a substantive
change of one of their items) count for nothing until they are re-reviewed."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from generator.model.types import Framework, Group, Item, MappingSet, Model

Side = Literal["source", "target"]


@dataclass(frozen=True)
class CoverageRow:
    """Counts for one compared group (or, with group None, all compared groups of the side)."""

    group: Group | None
    items: int
    mapped: int
    by_relation: tuple[tuple[str, int], ...]  # (relation id, items whose strongest relation it is), vocabulary order
    unmapped: tuple[Item, ...]  # no confirmed mapping: no row at all, or only rows to re-confirm (`waiting`)
    waiting: tuple[Item, ...] = ()  # of `unmapped`, the items whose only rows are to be re-confirmed


@dataclass(frozen=True)
class SideCoverage:
    """How well one framework of a mapping set is covered by the other (its counterpart)."""

    mapping_set: MappingSet
    side: Side
    framework: Framework
    counterpart: Framework
    rows: tuple[CoverageRow, ...]  # one per compared group in the publisher's order, then the total
    reconfirm: int = 0  # rows of the mapping set to re-confirm, left out of every count

    @property
    def total(self) -> CoverageRow:
        return self.rows[-1]


def seen_from(model: Model, relation: str, side: Side) -> str:
    """A mapping's relation as read from its source item (as stated) or its target item (the inverse)."""
    return relation if side == "source" else model.relation[relation].inverse


def strongest(model: Model, relations: list[str]) -> str | None:
    """The strongest of `relations`; ties go to the relation listed first in the vocabulary; None when empty."""
    if not relations:
        return None
    order = {r.id: n for n, r in enumerate(model.relations)}
    return min(relations, key=lambda r: (-model.relation[r].strength, order[r]))


def _row(
    model: Model, group: Group | None, items: list[Item], found: dict[str, list[str]], waiting: set[str]
) -> CoverageRow:
    best = [strongest(model, found.get(i.id, [])) for i in items]
    unmapped = tuple(i for i, b in zip(items, best, strict=True) if b is None)
    return CoverageRow(
        group,
        len(items),
        sum(b is not None for b in best),
        tuple((r.id, best.count(r.id)) for r in model.relations),
        unmapped,
        tuple(i for i in unmapped if i.id in waiting),
    )


def side_coverage(
    model: Model, mset: MappingSet, side: Side, reconfirm: Collection[tuple[str, str]] = ()
) -> SideCoverage:
    """Coverage of the `side` framework of `mset` over the groups the mapping file says were compared, without the
    rows in `reconfirm` ((source, target) of the rows to re-confirm)."""
    framework = model.framework[mset.source if side == "source" else mset.target]
    counterpart = model.framework[mset.target if side == "source" else mset.source]
    compared = set(mset.compared_source if side == "source" else mset.compared_target)
    found: dict[str, list[str]] = {}
    waiting: set[str] = set()
    for m in mset.mappings:
        end = m.source if side == "source" else m.target
        if (m.source, m.target) in reconfirm:
            waiting.add(end)
        else:
            found.setdefault(end, []).append(seen_from(model, m.relation, side))
    groups = [g for g in framework.groups if g.id in compared]
    rows = [_row(model, g, list(g.items), found, waiting) for g in groups]
    rows.append(_row(model, None, [i for g in groups for i in g.items], found, waiting))
    stale = sum((m.source, m.target) in reconfirm for m in mset.mappings)
    return SideCoverage(mset, side, framework, counterpart, tuple(rows), stale)


def coverage(model: Model, reconfirm: Collection[tuple[str, str]] = ()) -> list[SideCoverage]:
    """Both sides of every mapping set, in file order: source side first (rows in `reconfirm` left out)."""
    return [side_coverage(model, mset, side, reconfirm) for mset in model.mapping_sets for side in ("source", "target")]
