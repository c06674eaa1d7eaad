"""Validate stage, orchestrated: load every file, check it against its schema, then run the cross-file rules."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics.problem import Problem
from generator.load.discover import DataFile, discover, expected_schema_comment, schemas_dir
from generator.load.documents import Document, load
from generator.load.loaded import Loaded
from generator.validate import rules, schemas


@dataclass
class Result:
    """What a check found: the problems (sorted) and, for use by later stages, the loaded documents."""

    problems: list[Problem]
    loaded: Loaded
    files: int

    def failed(self, strict: bool = False) -> bool:
        """True when there is an error (or, with strict, any warning)."""
        return any(p.severity == "error" or strict for p in self.problems)


def run(root: Path, *, include_courses: bool = True) -> Result:
    """Check the project at `root`; every problem is collected, none stops the run."""
    with without_cycle_collector():
        return _run(root, include_courses)


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. Loading builds millions of small acyclic objects (plain data,
    locations, problems) that reference counting frees; the collector would only walk the ever-growing heap
    again and again, which made the check superlinear (a third of its time at 10,000 items)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run(root: Path, include_courses: bool) -> Result:
    files, problems = discover(root)
    if not include_courses:
        files = [f for f in files if f.kind != "course"]
    folder = schemas_dir(root)
    broken = schemas.schema_problems(folder, root)
    problems.extend(broken)
    loaded = Loaded()
    all_valid = not broken
    for file in files:
        doc, found = load(file.path, file.rel, root)
        problems.extend(found)
        if broken:  # without its schemas nothing past the YAML itself can be checked
            continue
        if doc is None or any(p.code in ("yaml-alias", "yaml-tag") for p in found):
            # Values dropped for an alias or a tag would only cause follow-on schema errors: fix the YAML first.
            all_valid = all_valid and file.kind == "course"
            continue
        problems.extend(_schema_comment(root, file, doc))
        found = schemas.validate(doc, file.kind, folder)
        problems.extend(found)
        if found or any(p.path == file.rel and p.severity == "error" for p in problems):
            all_valid = all_valid and file.kind == "course"
            continue
        _add(loaded, file, doc)
    if all_valid:
        problems.extend(rules.check(loaded))
    return Result(sorted(set(problems)), loaded, len(files))


def check_course(
    root: Path, path: Path, rel: str, limits: Callable[[Document], list[Problem]] | None = None
) -> tuple[Document | None, list[Problem]]:
    """Load and check one course file against the course schema (references are checked by the caller). The
    document comes back after schema errors too, so its references can be reported in the same round. `limits`
    gives the problems of a document too large to check further (then they are all that is reported)."""
    doc, problems = load(path, rel, root)
    broken = schemas.schema_problems(schemas_dir(root), root)
    if doc is None or broken or any(p.code in ("yaml-alias", "yaml-tag") for p in problems):
        return None, sorted(problems + broken)
    if limits is not None and (over := limits(doc)):
        return None, over
    problems.extend(schemas.validate(doc, "course", schemas_dir(root)))
    return doc, sorted(problems)


def _add(loaded: Loaded, file: DataFile, doc: Document) -> None:
    if file.kind == "framework":
        loaded.frameworks[file.folder] = doc
    elif file.kind == "group":
        loaded.groups.setdefault(file.folder, []).append(doc)
    elif file.kind == "requirements":
        loaded.requirements[file.folder] = doc
    elif file.kind == "mapping":
        loaded.mappings.append(doc)
    elif file.kind == "relations":
        loaded.relations = doc
    else:
        loaded.courses.append(doc)


def _schema_comment(root: Path, file: DataFile, doc: Document) -> list[Problem]:
    expected = expected_schema_comment(root, file)
    line = f"# yaml-language-server: $schema={expected}"
    if doc.schema_comment is None:
        return [
            Problem(
                file.rel,
                1,
                1,
                "schema-comment",
                "the first line does not name the file's schema",
                "",
                "warning",
                f"make the first line: {line}",
            )
        ]
    if doc.schema_comment != expected:
        return [
            Problem(
                file.rel,
                1,
                1,
                "schema-comment",
                f"the first line names {doc.schema_comment}, expected {expected}",
                "",
                "warning",
                f"make the first line: {line}",
            )
        ]
    return []
