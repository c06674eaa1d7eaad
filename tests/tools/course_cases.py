"""The hostile course files of tests/cases/course-parity/: a folder holds its course.yaml, or a `setup` that makes it
(a file too large to keep in git: steps as in tests/cases/invalid/, paths relative to the folder; the made file is
git-ignored by the folder's .gitignore)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tests.test_invalid_cases import apply_step

ROOT = Path(__file__).resolve().parents[2]
PARITY = ROOT / "tests/cases/course-parity"


def made(folder: Path) -> Path:
    """The folder's course.yaml, made from its `setup` first when it has one (the same bytes every time; written
    beside and renamed into place, so a reader never sees half a file)."""
    course, setup = folder / "course.yaml", folder / "setup"
    if setup.is_file():
        steps = [ln.split(" ", 2) for ln in setup.read_text(encoding="utf-8").splitlines() if ln.strip()]
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            for step in (s for s in steps if not s[0].startswith("#")):
                apply_step(Path(tmp), step)
            os.replace(Path(tmp) / "course.yaml", course)
    return course


def parity_cases() -> list[Path]:
    """Every case folder, sorted, with its course.yaml in place."""
    folders = sorted(p for p in PARITY.iterdir() if p.is_dir())
    for folder in folders:
        made(folder)
    return folders
