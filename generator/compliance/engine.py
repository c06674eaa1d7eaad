"""Compliance engine: evaluate requirement sets (conditions stored as data) against one checked course."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..model import Label, Model, Text


@dataclass(frozen=True)
class Ref:
    """One learning outcome (module id, outcome id) that covers an item directly."""

    module: str
    outcome: str


@dataclass(frozen=True)
class Indirect:
    """An outcome covers `via`, which is mapped to the required item: the required item is `relation` to `via`."""

    via: str
    relation: str
    relation_label: Label
    module: str
    outcome: str


@dataclass(frozen=True)
class ItemCoverage:
    """A required item and the outcomes that cover it (indirect ones only when none covers it directly)."""

    item: str
    label: str
    group: str
    statement: Text
    covered_by: tuple[Ref, ...]
    indirect: tuple[Indirect, ...] = ()

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)


@dataclass(frozen=True)
class GroupInfo:
    """A group named by a covers-all rule, with its title for headings."""

    id: str
    title: Text


@dataclass(frozen=True)
class ConditionResult:
    """One condition of a requirement set, decided for the course."""

    id: str
    statement: Text
    rule: str
    met: bool
    field: str | None = None
    actual: Any = None
    expected: tuple[Any, ...] = ()
    groups: tuple[GroupInfo, ...] = ()
    items: tuple[ItemCoverage, ...] = ()
    quote: Text | None = None

    @property
    def uncovered(self) -> tuple[str, ...]:
        """Ids of the required items no outcome covers directly (covers-all rules only)."""
        return tuple(i.item for i in self.items if not i.covered)


@dataclass(frozen=True)
class SetResult:
    """A requirement set and whether the course meets every one of its conditions."""

    id: str
    framework: str
    title: Text
    source: Text
    conditions: tuple[ConditionResult, ...]

    @property
    def met(self) -> bool:
        return all(c.met for c in self.conditions)


@dataclass(frozen=True)
class Outcome:
    """One learning outcome of the course."""

    id: str
    text: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Module:
    """One module of the course."""

    id: str
    title: str
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True)
class CourseReport:
    """Everything a compliance report shows: the course, and each evaluated requirement set."""

    file: str
    provider: str
    programme: str
    version: str
    level: str
    dual: bool
    practice_hours: int | None
    training_hours: int | None
    language: str | None
    modules: tuple[Module, ...]
    sets: tuple[SetResult, ...]
    off_the_job_hours: int | None = None
    duration_months: int | None = None

    @property
    def compliant(self) -> bool:
        """True when at least one set was evaluated and the course meets every evaluated set."""
        return bool(self.sets) and all(s.met for s in self.sets)


def default_sets(model: Model, course: dict[str, Any]) -> list[str]:
    """The requirement sets that apply: those of every framework the course covers at least one item of."""
    frameworks = {model.items[ref].framework for ref in _all_covers(course) if ref in model.items}
    return [r.id for r in model.requirement_sets if r.framework in frameworks]


def evaluate(model: Model, course: dict[str, Any], set_ids: list[str], file: str) -> CourseReport:
    """Evaluate the named requirement sets for a checked course (every reference known, ids unique)."""
    by_id = {r.id: r for r in model.requirement_sets}
    direct: dict[str, list[Ref]] = {}
    for module in course["modules"]:
        for outcome in module["outcomes"]:
            for ref in outcome["covers"]:
                direct.setdefault(ref, []).append(Ref(module["id"], outcome["id"]))
    inverse = {r.id: r.inverse for r in model.relations}
    sets = []
    for set_id in set_ids:
        rset = by_id[set_id]
        results = [replace(_condition(model, course, c.id, c.statement, c.rule, direct, inverse), quote=c.quote)
                   for c in rset.conditions]
        sets.append(SetResult(rset.id, rset.framework, rset.title, rset.source, tuple(results)))
    mode = course["mode"]
    modules = tuple(
        Module(m["id"], m["title"], tuple(Outcome(o["id"], o["text"], tuple(o["covers"])) for o in m["outcomes"]))
        for m in course["modules"]
    )
    return CourseReport(file, course["provider"], course["programme"], course["version"], course["level"],
                        mode["dual"], mode.get("practice_hours"), mode.get("training_hours"), course.get("language"),
                        modules, tuple(sets), mode.get("off_the_job_hours"), mode.get("duration_months"))


def _condition(model: Model, course: dict[str, Any], cid: str, statement: Text, rule: dict[str, Any],
               direct: dict[str, list[Ref]], inverse: dict[str, str]) -> ConditionResult:
    kind = rule["type"]
    if kind == "covers-all":
        groups = tuple(GroupInfo(g, model.groups[g].title) for g in rule["groups"])
        left_out = set(rule.get("except", ()))
        items = tuple(_coverage(model, item.id, direct, inverse)
                      for g in rule["groups"] for item in model.groups[g].items if item.id not in left_out)
        return ConditionResult(cid, statement, kind, all(i.covered for i in items), groups=groups, items=items)
    actual = _field(course, rule["field"])
    if kind == "field-equals":
        expected: tuple[Any, ...] = (rule["equals"],)
    elif kind == "field-in":
        expected = tuple(rule["one_of"])
    else:  # pragma: no cover - the requirements schema allows no other rule type
        raise ValueError(f"unknown rule type {kind!r} in {cid}")
    met = actual is not None and any(type(actual) is type(e) and actual == e for e in expected)
    return ConditionResult(cid, statement, kind, met, rule["field"], actual, expected)


def _coverage(model: Model, item_id: str, direct: dict[str, list[Ref]], inverse: dict[str, str]) -> ItemCoverage:
    item = model.items[item_id]
    refs = tuple(direct.get(item_id, ()))
    indirect: list[Indirect] = []
    if not refs:
        for mapping, direction in model.mappings_of.get(item_id, ()):
            # A mapping row reads "the target is <relation> to the source"; seen from the source, invert it.
            via, relation = ((mapping.source, mapping.relation) if direction == "in"
                             else (mapping.target, inverse.get(mapping.relation, mapping.relation)))
            known = model.relation.get(relation)
            label = known.label if known else Label(relation, relation)
            indirect.extend(Indirect(via, relation, label, r.module, r.outcome) for r in direct.get(via, ()))
    return ItemCoverage(item.id, item.label, item.group, item.statement, refs, tuple(indirect))


def _field(course: dict[str, Any], dotted: str) -> Any:
    value: Any = course
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _all_covers(course: dict[str, Any]) -> list[str]:
    return [ref for m in course["modules"] for o in m["outcomes"] for ref in o["covers"]]
