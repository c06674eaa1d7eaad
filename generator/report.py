"""Render a check result for people (one line per problem) or for machines (JSON). Never prints."""

from __future__ import annotations

import json

from .problems import Problem


def summary(problems: list[Problem], files: int) -> str:
    """The closing line: counts of errors and warnings."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"no problems in {files} files"
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    return f"{', '.join(parts)} in {files} files"


def text(problems: list[Problem], files: int, *, hints: bool = True) -> str:
    """One line per problem (with an indented hint line), sorted, then the summary."""
    lines = []
    for p in problems:
        lines.append(p.as_line())
        if hints and p.hint:
            lines.append(f"    hint: {p.hint}")
    lines.append(summary(problems, files))
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem], files: int) -> str:
    """The same problems as a JSON document."""
    errors = sum(p.severity == "error" for p in problems)
    doc = {
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.as_dict() for p in problems],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
