"""Validate stage, part two: the registry of cross-file rules. Each rule is a small function from the index of
the schema-valid documents to the problems it finds; adding a rule is adding a function and a row here."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.diagnostics.problem import Problem
from generator.load.loaded import Loaded
from generator.validate.rules import addresses, ids, mappings, references, texts
from generator.validate.rules.index import Index
from generator.validate.rules.references import course_id_problems, course_reference_problems

__all__ = ["RULES", "Loaded", "check", "course_id_problems", "course_reference_problems"]

Rule = Callable[[Index], Iterable[Problem]]

RULES: tuple[Rule, ...] = (
    ids.listed_groups,
    ids.group_roles,
    ids.framework_present,
    ids.id_prefixes,
    ids.unique_ids,
    ids.case_clashes,
    ids.retired_ids,
    addresses.retired_once,
    addresses.retired_case_clashes,
    addresses.page_clashes,
    texts.text_kinds,
    references.item_references,
    references.requirement_references,
    references.course_references,
    mappings.relation_vocabulary,
    mappings.mapping_files,
    mappings.compared_groups,
    mappings.mapping_references,
    mappings.mapping_pairs,
    mappings.unmapped_reasons,
)


def check(loaded: Loaded) -> list[Problem]:
    """All cross-file problems of a project whose files each passed their schema."""
    index = Index.of(loaded)
    return [problem for rule in RULES for problem in rule(index)]
