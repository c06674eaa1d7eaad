"""Mapping coverage of one side of a crosswalk: per compared group and in total, how many items are mapped and
by which strongest relation, and which are not mapped at all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Framework, Group, Item, MappingSet, Model

Side = Literal["source", "target"]


@dataclass(frozen=True)
class CoverageRow:
    """Counts for one compared group (or, with group None, all compared groups of the side)."""

    group: Group | None
    items: int
    mapped: int
    by_relation: tuple[tuple[str, int], ...]  # (relation id, items whose strongest relation it is), vocabulary order
    unmapped: tuple[Item, ...]


@dataclass(frozen=True)
class SideCoverage:
    """How well one framework of a mapping set is covered by the other (its counterpart)."""

    mapping_set: MappingSet
    side: Side
    framework: Framework
    counterpart: Framework
    rows: tuple[CoverageRow, ...]  # one per compared group in the publisher's order, then the total

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


def _row(model: Model, group: Group | None, items: list[Item], found: dict[str, list[str]]) -> CoverageRow:
    best = [strongest(model, found.get(i.id, [])) for i in items]
    return CoverageRow(group, len(items), sum(b is not None for b in best),
                       tuple((r.id, best.count(r.id)) for r in model.relations),
                       tuple(i for i, b in zip(items, best, strict=True) if b is None))


def side_coverage(model: Model, mset: MappingSet, side: Side) -> SideCoverage:
    """Coverage of the `side` framework of `mset` over the groups the mapping file says were compared."""
    framework = model.framework[mset.source if side == "source" else mset.target]
    counterpart = model.framework[mset.target if side == "source" else mset.source]
    compared = set(mset.compared_source if side == "source" else mset.compared_target)
    found: dict[str, list[str]] = {}
    for m in mset.mappings:
        found.setdefault(m.source if side == "source" else m.target, []).append(seen_from(model, m.relation, side))
    groups = [g for g in framework.groups if g.id in compared]
    rows = [_row(model, g, list(g.items), found) for g in groups]
    rows.append(_row(model, None, [i for g in groups for i in g.items], found))
    return SideCoverage(mset, side, framework, counterpart, tuple(rows))


def coverage(model: Model) -> list[SideCoverage]:
    """Both sides of every mapping set, in file order: source side first."""
    return [side_coverage(model, mset, side) for mset in model.mapping_sets for side in ("source", "target")]
