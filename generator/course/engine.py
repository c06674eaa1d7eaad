"""Compliance engine: evaluate requirement sets (conditions stored as data) against one checked course."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.course.results import (
    BROAD_OUTCOME,
    Broad,
    ConditionResult,
    CourseReport,
    GroupInfo,
    Indirect,
    ItemCoverage,
    Meta,
    Module,
    Outcome,
    Ref,
    SetResult,
)
from generator.model import urls
from generator.model.types import Label, Model, Text


def default_sets(model: Model, course: dict[str, Any]) -> list[str]:
    """The requirement sets that apply: the course's declared targets; without targets, those of every framework
    the course covers at least one item of."""
    targets = course.get("targets")
    if isinstance(targets, list) and targets:
        return [str(t) for t in targets]
    frameworks = {model.items[ref].framework for ref in _all_covers(course) if ref in model.items}
    return [r.id for r in model.requirement_sets if r.framework in frameworks]


def evaluate(
    model: Model, course: dict[str, Any], set_ids: list[str], meta: Meta | str, asked: bool = False
) -> CourseReport:
    """Evaluate the named requirement sets for a checked course (every reference known, ids unique)."""
    meta = Meta(meta) if isinstance(meta, str) else meta
    by_id = {r.id: r for r in model.requirement_sets}
    modules = tuple(
        Module(m["id"], m["title"], tuple(Outcome(o["id"], o["text"], tuple(o["covers"])) for o in m["outcomes"]))
        for m in course["modules"]
    )
    direct: dict[str, list[Ref]] = {}
    for module in modules:
        for outcome in module.outcomes:
            for ref in outcome.covers:
                direct.setdefault(ref, []).append(Ref(module.id, module.title, outcome.id, outcome.text))
    inverse = {r.id: r.inverse for r in model.relations}
    targets = tuple(course.get("targets") or ())
    because = "asked" if asked else "target" if targets else "covers"
    sets = []
    for set_id in set_ids:
        rset = by_id[set_id]
        results = [
            replace(_condition(model, course, c.id, c.statement, c.rule, direct, inverse), quote=c.quote, basis=c.basis)
            for c in rset.conditions
        ]
        sets.append(SetResult(rset.id, rset.framework, rset.title, rset.source, tuple(results), because))
    not_applied = tuple((r.id, r.title) for r in model.requirement_sets if r.id not in set_ids)
    mode = course["mode"]
    broad = tuple(
        Broad(m.id, o.id, len(set(o.covers)))
        for m in modules
        for o in m.outcomes
        if len(set(o.covers)) >= BROAD_OUTCOME
    )
    return CourseReport(
        meta,
        course["provider"],
        course["programme"],
        course["version"],
        course["level"],
        mode["dual"],
        mode.get("practice_hours"),
        mode.get("training_hours"),
        course.get("language"),
        targets,
        modules,
        tuple(sets),
        not_applied,
        mode.get("off_the_job_hours"),
        mode.get("duration_months"),
        broad,
    )


def _condition(
    model: Model,
    course: dict[str, Any],
    cid: str,
    statement: Text,
    rule: dict[str, Any],
    direct: dict[str, list[Ref]],
    inverse: dict[str, str],
) -> ConditionResult:
    kind = rule["type"]
    if kind == "covers-all":
        groups = tuple(GroupInfo(g, model.groups[g].title) for g in rule["groups"])
        left_out = set(rule.get("except", ()))
        items = tuple(
            _coverage(model, item.id, direct, inverse)
            for g in rule["groups"]
            for item in model.groups[g].items
            if item.id not in left_out
        )
        return ConditionResult(cid, statement, kind, all(i.covered for i in items), groups=groups, items=items)
    actual = _field(course, rule["field"])
    if kind == "field-equals":
        expected: tuple[Any, ...] = (rule["equals"],)
    elif kind == "field-in":
        expected = tuple(rule["one_of"])
    elif kind == "field-at-least":
        least = rule["min"]
        met = type(actual) is int and actual >= least
        return ConditionResult(cid, statement, kind, met, rule["field"], actual, (least,))
    else:  # pragma: no cover - the requirements schema allows no other rule type
        raise ValueError(f"unknown rule type {kind!r} in {cid}")
    met = actual is not None and any(type(actual) is type(e) and actual == e for e in expected)
    return ConditionResult(cid, statement, kind, met, rule["field"], actual, expected)


def name_of(model: Model, item_id: str) -> Label:
    """An item's short name in both languages ('K1', 'Jobfinding j'): the label, or group title + a bare label."""
    item = model.items[item_id]
    bare = len(item.label) == 1 or not any(c.isalpha() for c in item.label)
    if bare:
        title = model.groups[item.group].title
        return Label(f"{title.en} {item.label}", f"{title.nl} {item.label}")
    return Label(item.label_in("en"), item.label_in("nl"))


def url_of(model: Model, item_id: str) -> str:
    """The item's page, relative to the root of a language ('jobcoach-eindtermen/jobfinding/j/')."""
    path, anchor = urls.item_target(model, item_id)
    return urls.url_of(path) + (f"#{anchor}" if anchor else "")


def _coverage(model: Model, item_id: str, direct: dict[str, list[Ref]], inverse: dict[str, str]) -> ItemCoverage:
    item = model.items[item_id]
    refs = tuple(direct.get(item_id, ()))
    indirect: list[Indirect] = []
    if not refs:
        for mapping, direction in model.mappings_of.get(item_id, ()):
            # A mapping row reads "the target is <relation> to the source"; seen from the source, invert it.
            via, relation = (
                (mapping.source, mapping.relation)
                if direction == "in"
                else (mapping.target, inverse.get(mapping.relation, mapping.relation))
            )
            known = model.relation.get(relation)
            label = known.label if known else Label(relation, relation)
            indirect.extend(
                Indirect(via, name_of(model, via), url_of(model, via), relation, label, r) for r in direct.get(via, ())
            )
    return ItemCoverage(
        item.id,
        item.label,
        name_of(model, item.id),
        url_of(model, item.id),
        item.group,
        item.statement,
        item.subpoints,
        refs,
        tuple(indirect),
    )


def _field(course: dict[str, Any], dotted: str) -> Any:
    value: Any = course
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _all_covers(course: dict[str, Any]) -> list[str]:
    return [ref for m in course["modules"] for o in m["outcomes"] for ref in o["covers"]]
