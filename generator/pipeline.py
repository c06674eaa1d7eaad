"""The pipeline's one entry point: load -> validate -> model, run once; the CLI, the MkDocs hook, course
evaluation and the tests call it. Nothing here prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import check
from .model import Model, build
from .problems import Problem


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a project: its model (None when there is an error) and what the check found."""

    model: Model | None
    result: check.Result

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.result.problems if p.severity == "error"]


def load_model(root: Path, *, include_courses: bool = False) -> Checked:
    """Check the project at `root` and build its model when no error was found."""
    result = check.run(root, include_courses=include_courses)
    return Checked(None if result.failed() else build(result.loaded), result)
