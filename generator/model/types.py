"""Model stage: frozen dataclasses built from checked data, with the lookups and reverse indexes renderers need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from generator.model.values import LANGUAGES as LANGUAGES
from generator.model.values import Change as Change
from generator.model.values import Detail as Detail
from generator.model.values import Label as Label
from generator.model.values import Lang as Lang
from generator.model.values import Text as Text

#: What a group is for the site (framework.yaml `roles`): KSBs get a checklist and matrices, definitions a glossary.
Role = Literal["ksb", "glossary"]


@dataclass(frozen=True)
class Item:
    """One item of a framework: a KSB, duty, eindterm, criterion, definition or profile paragraph."""

    id: str
    label: str
    framework: str
    group: str
    statement: Text
    title: Text | None = None
    status: str = "available"
    subpoints: tuple[Text, ...] = ()
    parent: str | None = None
    theories: tuple[Label, ...] = ()
    details: tuple[Detail, ...] = ()
    ksbs: tuple[str, ...] = ()
    assesses: tuple[str, ...] = ()
    links_confidence: str | None = None
    confidence: str | None = None
    official_url: str | None = None
    note: Text | None = None
    label_nl: str | None = None  # the Dutch label, only when the label is made of words and differs (Taak 1)
    guid: str | None = None  # the publisher's own identifier, where it gives one
    changes: tuple[Change, ...] = ()

    def label_in(self, lang: Lang) -> str:
        """The label in `lang`: a code (K1, a) is the same in both languages; a word label may differ."""
        return self.label_nl if lang == "nl" and self.label_nl else self.label


@dataclass(frozen=True)
class Retired:
    """An item id a group once published and no longer has: where it went (replaced_by), or why."""

    id: str
    date: str
    successors: tuple[str, ...] = ()  # one: renamed or merged into; several: split into
    reason: Text | None = None

    @property
    def replaced_by(self) -> str | None:
        """The first successor (the one old links lead to), if any."""
        return self.successors[0] if self.successors else None


@dataclass(frozen=True)
class Group:
    """A group of items, in the publisher's order."""

    id: str
    stem: str
    framework: str
    title: Text
    items: tuple[Item, ...]
    intro: Text | None = None
    item_pages: bool = True
    confidence: str | None = None
    role: Role | None = None
    retired: tuple[Retired, ...] = ()


@dataclass(frozen=True)
class Source:
    """A source document of a framework."""

    id: str
    title: Label
    url: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Licence:
    """The licence of a framework's official texts."""

    id: str
    name: Label
    attribution: Text
    url: str | None = None


@dataclass(frozen=True)
class Framework:
    """A framework's metadata and its groups."""

    id: str
    folder: str
    title: Text
    publisher: Label
    reference: str
    version: str
    status: str
    official_languages: tuple[str, ...]
    licence: Licence
    sources: tuple[Source, ...]
    groups: tuple[Group, ...]
    short_title: Label | None = None
    level: str | None = None
    date: str | None = None
    official_url: str | None = None
    facts: tuple[Detail, ...] = ()
    completeness: tuple[Text, ...] = ()
    changes: tuple[Change, ...] = ()
    checked_on: str = field(kw_only=True)  # YYYY-MM-DD: when we last compared the data with the publisher's
    status_note: Text | None = None  # the status in one sentence, on every page of the framework


@dataclass(frozen=True)
class Relation:
    """A relation type of the mapping vocabulary."""

    id: str
    label: Label
    definition: Text
    skos: str
    case_type: str
    inverse: str
    strength: int
    mark: str  # a short sign for matrix cells and legends
    colour: str  # #rrggbb, for the coverage chart


@dataclass(frozen=True)
class Mapping:
    """A typed relation between an item of one framework and an item of another."""

    source: str
    target: str
    relation: str
    rationale: Text
    reviewed_by: str
    reviewed_date: str
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Gap:
    """An item of a compared group deliberately left without a mapping, and why."""

    item: str
    reason: Text


@dataclass(frozen=True)
class MappingSet:
    """All mappings from one framework to another (one file)."""

    id: str
    source: str
    target: str
    mappings: tuple[Mapping, ...]
    description: Text | None = None
    compared_source: tuple[str, ...] = ()  # group ids compared item by item (every group when the file says none)
    compared_target: tuple[str, ...] = ()
    unmapped: tuple[Gap, ...] = ()  # in file order

    @property
    def reason_for(self) -> dict[str, Text]:
        """Why an item of a compared group has no mapping in this file, where the file says so."""
        return {g.item: g.reason for g in self.unmapped}

    licence: str | None = None  # URL of the licence of the mappings themselves (the file's `licence`), if declared


@dataclass(frozen=True)
class Condition:
    """One condition of a requirement set and the rule that decides it."""

    id: str
    statement: Text
    rule: dict[str, Any]
    quote: Text | None = None  # the source's own words the condition rests on
    basis: str = "condition"  # condition (the source sets it: decides the verdict) or inference (ours: to review)


@dataclass(frozen=True)
class RequirementSet:
    """Conditions a programme must meet (e.g. for register access)."""

    id: str
    framework: str
    title: Text
    source: Text
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Model:
    """The whole checked project, with lookups."""

    frameworks: tuple[Framework, ...]
    relations: tuple[Relation, ...] = ()
    mapping_sets: tuple[MappingSet, ...] = ()
    requirement_sets: tuple[RequirementSet, ...] = ()

    @cached_property
    def items(self) -> dict[str, Item]:
        return {i.id: i for f in self.frameworks for g in f.groups for i in g.items}

    @cached_property
    def groups(self) -> dict[str, Group]:
        return {g.id: g for f in self.frameworks for g in f.groups}

    @cached_property
    def retired(self) -> dict[str, tuple[Retired, Group]]:
        """Retired item id -> its entry and the group that retired it."""
        return {r.id: (r, g) for f in self.frameworks for g in f.groups for r in g.retired}

    @cached_property
    def framework(self) -> dict[str, Framework]:
        return {f.id: f for f in self.frameworks}

    @cached_property
    def relation(self) -> dict[str, Relation]:
        return {r.id: r for r in self.relations}

    @cached_property
    def children(self) -> dict[str, tuple[Item, ...]]:
        """Items by the id of their parent."""
        index: dict[str, list[Item]] = defaultdict(list)
        for item in self.items.values():
            if item.parent:
                index[item.parent].append(item)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def linked_from(self) -> dict[tuple[str, str], tuple[Item, ...]]:
        """(field, item id) -> items whose `field` (ksbs or assesses) lists that id."""
        index: dict[tuple[str, str], list[Item]] = defaultdict(list)
        for item in self.items.values():
            for ref in item.ksbs:
                index[("ksbs", ref)].append(item)
            for ref in item.assesses:
                index[("assesses", ref)].append(item)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def mappings_of(self) -> dict[str, tuple[tuple[Mapping, str], ...]]:
        """Item id -> its mappings, each with the direction seen from that item ('out' or 'in')."""
        index: dict[str, list[tuple[Mapping, str]]] = defaultdict(list)
        for mset in self.mapping_sets:
            for m in mset.mappings:
                index[m.source].append((m, "out"))
                index[m.target].append((m, "in"))
        return {k: tuple(v) for k, v in index.items()}
