"""What a course check finds, as data: each evaluated requirement set with its conditions and the coverage of every
item, the course's modules and the outcomes that claim too much (engine.py makes it, report_data.py and render.py
show it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.course.edition import DataEdition
from generator.model.types import Label, Text


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
