"""Validate stage, one rule: every group a framework's `roles` names is one of the groups it lists."""

from __future__ import annotations

import difflib

from .load import Document
from .problems import Problem


def check(frameworks: dict[str, Document]) -> list[Problem]:
    """Problems with `roles` in each framework.yaml (the schema has already checked their shape)."""
    problems: list[Problem] = []
    for _folder, doc in sorted(frameworks.items()):
        groups = doc.data["groups"]
        for role, stems in sorted(doc.data.get("roles", {}).items()):
            for i, stem in enumerate(stems):
                if stem in groups:
                    continue
                close = difflib.get_close_matches(stem, groups, n=1)
                pointer = f"/roles/{role}/{i}"
                line, col = doc.where(pointer)
                problems.append(Problem(
                    doc.rel, line, col, "unknown-group", f'roles: {role} names "{stem}", which is not in groups',
                    pointer, "error",
                    (f'did you mean "{close[0]}"? ' if close else "") + "use one of: " + ", ".join(groups)))
    return problems
