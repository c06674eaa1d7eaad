"""Compliance engine: evaluate requirement sets (conditions stored as data) against one checked course."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from generator.course.edition import DataEdition
from generator.model import urls
from generator.model.types import Label, Model, Text


@dataclass(frozen=True)
class Ref:
    """One learning outcome that covers an item directly: module id and title, outcome id and text."""

    module: str
    module_title: str
    outcome: str
    outcome_text: str


@dataclass(frozen=True)
class Indirect:
    """An outcome covers `via`, which is mapped to the required item: the required item is `relation` to `via`."""

    via: str
    via_name: Label
    via_url: str
    relation: str
    relation_label: Label
    ref: Ref


@dataclass(frozen=True)
class ItemCoverage:
    """A required item and the outcomes that cover it (indirect ones only when none covers it directly)."""

    item: str
    label: str
    name: Label
    url: str
    group: str
    statement: Text
    subpoints: tuple[Text, ...]
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
    quote: Text | None = None  # the source's own words the condition rests on
    basis: str = "condition"  # condition: decides the verdict; inference: unmet, it is a point to review

    @property
    def decides(self) -> bool:
        return self.basis == "condition"

    @property
    def uncovered(self) -> tuple[str, ...]:
        """Ids of the required items no outcome covers directly (covers-all rules only)."""
        return tuple(i.item for i in self.items if not i.covered)


@dataclass(frozen=True)
class SetResult:
    """A requirement set, why it was applied, and whether the course meets every one of its conditions."""

    id: str
    framework: str
    title: Text
    source: Text
    conditions: tuple[ConditionResult, ...]
    because: str = "target"  # target (the course names it), asked (--requirements) or covers (no targets declared)

    @property
    def met(self) -> bool:
        """Every condition the source sets is met (an unmet inference is a point to review, not a failure)."""
        return all(c.met for c in self.conditions if c.decides)

    @property
    def to_review(self) -> tuple[ConditionResult, ...]:
        """Our inferences the course does not meet: points to review."""
        return tuple(c for c in self.conditions if not c.decides and not c.met)


@dataclass(frozen=True)
class Outcome:
    """One learning outcome of the course."""

    id: str
    text: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Broad:
    """A learning outcome that claims to cover at least BROAD_OUTCOME items: named for review, never a failure."""

    module: str
    outcome: str
    count: int


#: An outcome in our worked examples covers 1 to 4 items; one that claims this many or more is named for review
#: (evidence that is too good to be true: one sentence rarely teaches six standards' statements).
BROAD_OUTCOME = 6


@dataclass(frozen=True)
class Module:
    """One module of the course."""

    id: str
    title: str
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True)
class Meta:
    """What makes a report re-checkable: the file's name and SHA-256, the date of the check, the data edition."""

    file: str
    sha256: str = ""
    checked: str = ""
    edition: DataEdition = field(default_factory=DataEdition)


@dataclass(frozen=True)
class CourseReport:
    """Everything a compliance report shows: the course, and each evaluated requirement set."""

    meta: Meta
    provider: str
    programme: str
    version: str
    level: str
    dual: bool
    practice_hours: int | None
    training_hours: int | None
    language: str | None
    targets: tuple[str, ...]
    modules: tuple[Module, ...]
    sets: tuple[SetResult, ...]
    not_applied: tuple[tuple[str, Text], ...] = ()
    off_the_job_hours: int | None = None
    duration_months: int | None = None
    broad: tuple[Broad, ...] = ()  # outcomes that claim so many items that the claim needs a look

    @property
    def file(self) -> str:
        return self.meta.file

    @property
    def compliant(self) -> bool | None:
        """True when the course meets every set it names (as targets, or asked for on the command line), False when
        it fails one or no set applies, None when it names none: then each applied set has its own result and
        a set the course did not name never makes it "not compliant"."""
        if not self.sets:
            return False
        if all(s.because == "covers" for s in self.sets):
            return None
        return all(s.met for s in self.sets)


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
