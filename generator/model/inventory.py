"""The page inventory: every page the data gives the site, as its address and what it shows, with no rendering.
The URL ledger reads it to know which addresses the site publishes; render/site/generate.py gives each kind its
renderer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.model import urls
from generator.model.coverage import Side
from generator.model.types import Framework, Group, Mapping, MappingSet, Model

PageKind = Literal[
    "frameworks",
    "glossary",
    "mappings",
    "coverage",
    "editions",
    "crosswalk",
    "matrix",
    "framework",
    "side-by-side",
    "checklist",
    "link-matrix",
    "workbook",
    "group",
    "item",
    "retired",
]


class SlugClash(ValueError):
    """Two pages would get the same address (`path`: the source path of the second)."""

    def __init__(self, path: str) -> None:
        super().__init__(f"two pages would be written to {urls.url_of(path)!r}; give the items distinct ids")
        self.path = path


@dataclass(frozen=True)
class PageRef:
    """One page: its kind, its source path (no language suffix, no .md) and what it shows, as the keyword arguments
    its renderer takes (`fw`, `group`, `item`, `d`, `entry`)."""

    kind: PageKind
    path: str
    subject: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Direction:
    """A mapping set read from one side: 'left' items in the first column, 'right' items they relate to."""

    mset: MappingSet
    reverse: bool  # False: as the file states it (source → target); True: read from the target's side

    @property
    def left(self) -> str:
        return self.mset.target if self.reverse else self.mset.source

    @property
    def right(self) -> str:
        return self.mset.source if self.reverse else self.mset.target

    @property
    def side(self) -> Side:
        return "target" if self.reverse else "source"

    def ends(self, m: Mapping) -> tuple[str, str]:
        """(left item id, right item id) of a mapping."""
        return (m.target, m.source) if self.reverse else (m.source, m.target)


def directions(model: Model) -> list[Direction]:
    return [Direction(mset, reverse) for mset in model.mapping_sets for reverse in (False, True)]


def is_ksb_framework(fw: Framework) -> bool:
    """A framework with groups of the ksb role (never decided by its name) gets a checklist and a workbook."""
    return any(g.role == "ksb" for g in fw.groups)


def link_groups(fw: Framework) -> list[Group]:
    """Groups whose items point at KSBs (duties: `ksbs`; assessment methods: `assesses`): each gets a matrix."""
    if not is_ksb_framework(fw):
        return []
    return [g for g in fw.groups if any(i.ksbs or i.assesses or i.links_confidence for i in g.items)]


# Each page kind: a function from the model to the pages of that kind. Adding a kind = adding a row.
def _site_pages(model: Model) -> Iterator[PageRef]:
    yield PageRef("frameworks", "frameworks")
    yield PageRef("glossary", "glossary")
    yield PageRef("mappings", "mappings")
    yield PageRef("coverage", urls.COVERAGE)  # always: the navigation lists it
    yield PageRef("editions", urls.EDITIONS)  # always: the navigation lists it


def _crosswalk_pages(model: Model) -> Iterator[PageRef]:
    for d in directions(model):
        yield PageRef("crosswalk", urls.crosswalk_page(d.left, d.right), {"d": d})
        yield PageRef("matrix", urls.matrix_page(d.left, d.right), {"d": d})


def _framework_pages(model: Model) -> Iterator[PageRef]:
    for fw in model.frameworks:
        yield PageRef("framework", urls.framework_page(fw), {"fw": fw})
        yield PageRef("side-by-side", urls.special_page("side-by-side", fw), {"fw": fw})
        if is_ksb_framework(fw):
            yield PageRef("checklist", urls.special_page("checklist", fw), {"fw": fw})
            for group in link_groups(fw):
                yield PageRef("link-matrix", urls.link_matrix_page(fw, group), {"fw": fw, "group": group})


def _workbook_pages(model: Model) -> Iterator[PageRef]:
    for fw in (f for f in model.frameworks if is_ksb_framework(f)):
        yield PageRef("workbook", urls.special_page("workbook", fw), {"fw": fw})


def _group_pages(model: Model) -> Iterator[PageRef]:
    for fw in model.frameworks:
        for group in fw.groups:
            yield PageRef("group", urls.group_page(fw, group), {"fw": fw, "group": group})


def _item_pages(model: Model) -> Iterator[PageRef]:
    for fw in model.frameworks:
        for group in (g for g in fw.groups if g.item_pages):
            for item in group.items:
                yield PageRef("item", urls.item_page(fw, group, item), {"fw": fw, "group": group, "item": item})


def _retired_pages(model: Model) -> Iterator[PageRef]:
    """The page left at a retired item's address, for every group that gives items their own pages."""
    for fw in model.frameworks:
        for group in (g for g in fw.groups if g.item_pages):
            for entry in group.retired:
                path = urls.retired_page(fw, group, entry.id)
                yield PageRef("retired", path, {"fw": fw, "group": group, "entry": entry})


KINDS = (
    _site_pages,
    _crosswalk_pages,
    _framework_pages,
    _workbook_pages,
    _group_pages,
    _item_pages,
    _retired_pages,
)


def pages(model: Model) -> list[PageRef]:
    """Every page of the site that comes from the data, in a fixed order; refuses clashing addresses."""
    found = [ref for kind in KINDS for ref in kind(model)]
    seen: set[str] = set()
    for ref in found:
        key = urls.url_of(ref.path).lower()  # `x/index` and `x` are both published at x/
        if key in seen:
            raise SlugClash(ref.path)
        seen.add(key)
    return found
