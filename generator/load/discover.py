"""Find a project's data files and decide which schema governs each, by where the file sits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics.problem import Problem

#: Where the project's own schemas live; the package's copy is used for projects without one.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DataFile:
    """A data file of the project and the kind of file it is (the schema's stem)."""

    path: Path
    rel: str
    kind: str  # framework | group | requirements | mapping | relations | course
    folder: str  # framework folder name for framework/group/requirements files, else ""


def schemas_dir(root: Path) -> Path:
    """The project's schemas/ folder, or the checkout's own when the project has none and this package runs from a
    checkout. An installed package has no schemas/ beside it (code.md 9): then the project's folder, which a problem
    names as missing, not a path inside site-packages."""
    own = root / "schemas"
    if (own / "common.schema.json").is_file():
        return own
    checkout = PACKAGE_ROOT / "schemas"
    return checkout if (checkout / "common.schema.json").is_file() else own


def discover(root: Path) -> tuple[list[DataFile], list[Problem]]:
    """All data files under standards/ and courses/, sorted by path, and problems with the layout."""
    files: list[DataFile] = []
    problems: list[Problem] = []
    standards = root / "standards"
    if not standards.is_dir():
        problems.append(
            Problem(
                "standards",
                1,
                1,
                "no-standards",
                "there is no standards/ folder here",
                "",
                hint="run coachref in the project's top folder",
            )
        )
        return files, problems
    # Whatever is named like a data file is one: load() reports a folder, FIFO or broken link by that name.
    for path in sorted(p for p in standards.rglob("*") if p.suffix in (".yaml", ".yml")):
        rel = path.relative_to(root).as_posix()
        parts = path.relative_to(standards).parts
        if path.suffix == ".yml":
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "file-name",
                    "data files end in .yaml, not .yml",
                    "",
                    hint=f"rename it to {path.with_suffix('.yaml').name}",
                )
            )
            continue
        if parts == ("relations.yaml",):
            files.append(DataFile(path, rel, "relations", ""))
        elif len(parts) == 2 and parts[0] == "mappings":
            files.append(DataFile(path, rel, "mapping", ""))
        elif len(parts) == 2:
            stem = path.stem
            kind = stem if stem in ("framework", "requirements") else "group"
            files.append(DataFile(path, rel, kind, parts[0]))
        else:
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "file-place",
                    "no data file is expected here",
                    "",
                    hint="frameworks live in standards/<folder>/, mappings in standards/mappings/",
                )
            )
    courses = root / "courses"
    if courses.is_dir():
        for path in sorted(courses.glob("*.yaml")):
            files.append(DataFile(path, path.relative_to(root).as_posix(), "course", ""))
    return files, problems


def expected_schema_comment(root: Path, file: DataFile) -> str:
    """The `$schema=` value a file's first line should carry: the relative path to its schema."""
    target = schemas_dir(root) / f"{file.kind}.schema.json"
    return Path(os.path.relpath(target, file.path.parent)).as_posix()
