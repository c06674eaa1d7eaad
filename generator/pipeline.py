"""The pipeline's one entry point: load -> validate -> model, run once per state of the inputs; the CLI, the
MkDocs plugin, course evaluation and the tests call it. Nothing here prints, and nothing here imports the CLI."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from generator import config as site_config
from generator.diagnostics.problem import Problem
from generator.editions import declared
from generator.editions.manifest import Edition, EditionFileError, read_all
from generator.load.documents import Document
from generator.model.build import build
from generator.model.types import Model
from generator.validate import check, ledger

#: The input folders whose files decide the outcome of a check.
INPUTS = ("standards", "schemas", "courses", "editions")

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Checked:
    """A checked project: its model (None when standards/ or schemas/ have an error), the valid course files of
    courses/, and everything the check found (courses included)."""

    model: Model | None
    courses: tuple[Document, ...]
    result: check.Result
    editions: tuple[Edition, ...] = ()  # the frozen editions in editions/, oldest first

    @property
    def errors(self) -> list[Problem]:
        """The errors that stop the model from being built (course files do not)."""
        return [p for p in self.result.problems if p.severity == "error" and not _is_course(p)]


#: One entry per project root: the inputs' fingerprint and the outcome for it (a build checks once).
_cache: dict[Path, tuple[Fingerprint, Checked]] = {}
#: How many times this process really ran the check (benchmarks/bench_site.py prints it).
runs = [0]


def load_model(root: Path) -> Checked:
    """Check the project at `root` (standards/, schemas/ and courses/) and build its model when the standards
    have no error. The outcome is remembered until an input file changes."""
    key = root.resolve()
    site_config.use_project(key)  # the exports read this project's mkdocs.yml and schemas/, not the package's folder
    fingerprint = _fingerprint(key)
    cached = _cache.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    runs[0] += 1
    result = check.run(root)
    stops = any(p.severity == "error" and not _is_course(p) for p in result.problems)
    bad_courses = {p.path for p in result.problems if p.severity == "error" and _is_course(p)}
    courses = tuple(d for d in result.loaded.courses if d.rel not in bad_courses)
    with check.without_cycle_collector():  # the model is acyclic too: see check.without_cycle_collector
        model = None if stops else build(result.loaded)
    if model is not None and (lost := ledger.dropped(model, key, result.loaded)):  # a published address would disappear
        result.problems[:] = sorted([*result.problems, *lost])
        model = None
    with check.without_cycle_collector():  # reading and comparing editions builds acyclic data too
        editions, found = _editions(key)
        if model is not None:
            found += declared.problems(model, result.loaded, editions)  # every change since the latest is declared
    if found:
        result.problems[:] = sorted([*result.problems, *found])
        if any(p.severity == "error" for p in found):
            model = None
    checked = Checked(model, courses, result, editions)
    _cache[key] = (fingerprint, checked)
    return checked


def input_key(root: Path) -> str:
    """A digest of everything generated pages depend on: the input files, mkdocs.yml and this package's own code
    and strings (path, modification time and size of each), and the site address set at build time (twins and
    downloads name it). Equal keys mean equal pages."""
    package = Path(__file__).resolve().parent
    parts: list[object] = [*_fingerprint(root.resolve()), *_stats(sorted(package.rglob("*")))]
    parts += [*_stats([root / "mkdocs.yml"]), os.environ.get(site_config.ENV, "")]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _editions(root: Path) -> tuple[tuple[Edition, ...], list[Problem]]:
    """The frozen editions, or none and the problem that stops them being read."""
    try:
        return read_all(root), []
    except EditionFileError as exc:
        return (), [
            Problem(
                exc.path,
                exc.line,
                exc.col,
                "edition-file",
                exc.message,
                "",
                "error",
                "restore the file from version control: editions are written by `coachref edition "
                "freeze`, never by hand",
            )
        ]


def _is_course(problem: Problem) -> bool:
    return problem.path.startswith("courses/")


def _fingerprint(root: Path) -> Fingerprint:
    """Path, modification time and size of every input file."""
    found: list[tuple[str, int, int]] = []
    with_ledger = root / ledger.LEDGER
    if with_ledger.is_file():
        stat = with_ledger.stat()
        found.append((with_ledger.as_posix(), stat.st_mtime_ns, stat.st_size))
    for name in INPUTS:
        folder = root / name
        if folder.is_dir():
            found += _stats(sorted(folder.rglob("*")))
    return tuple(found)


def _stats(paths: list[Path]) -> list[tuple[str, int, int]]:
    found = []
    for path in paths:
        if "__pycache__" in path.parts:
            continue
        try:
            stat = path.lstat()
        except OSError:
            continue
        found.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return found
