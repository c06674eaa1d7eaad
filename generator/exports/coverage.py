"""Mapping coverage per framework and group: how many items have a mapping, counted by their strongest relation."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Framework, Group, Item, Model


@dataclass(frozen=True)
class CoverageRow:
    """Counts for one group (or, with group None, a whole framework)."""

    framework: Framework
    group: Group | None
    items: int
    mapped: int
    by_relation: tuple[tuple[str, int], ...]  # (relation id, items whose strongest relation it is), vocabulary order


def strongest_relation(model: Model, item: Item) -> str | None:
    """The strongest relation seen from `item` (a mapping pointing at it counts as its inverse); ties go to the
    relation listed first in the vocabulary. None when the item has no mapping."""
    order = {r.id: n for n, r in enumerate(model.relations)}
    seen = [m.relation if direction == "out" else model.relation[m.relation].inverse
            for m, direction in model.mappings_of.get(item.id, ())]
    if not seen:
        return None
    return min(seen, key=lambda r: (-model.relation[r].strength, order[r]))


def _row(model: Model, framework: Framework, group: Group | None, items: list[Item]) -> CoverageRow:
    strongest = [strongest_relation(model, i) for i in items]
    return CoverageRow(framework, group, len(items), sum(s is not None for s in strongest),
                       tuple((r.id, strongest.count(r.id)) for r in model.relations))


def coverage(model: Model) -> list[CoverageRow]:
    """Per framework: one row per group in the publisher's order, then the framework's total."""
    rows = []
    for framework in model.frameworks:
        rows += [_row(model, framework, g, list(g.items)) for g in framework.groups]
        rows.append(_row(model, framework, None, [i for g in framework.groups for i in g.items]))
    return rows
