"""The data edition a report was made with: each framework's version, and a short hash of the content of
standards/, so a report can be re-checked against the same data later."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Label, Model

Edition = tuple[tuple[tuple[str, Label, str], ...], str]


def standards_hash(folder: Path) -> str:
    """The first 12 hex digits of SHA-256 over every file in `folder` (relative path and bytes, sorted)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def edition(model: Model, root: Path) -> Edition:
    """(framework id, short title, version) of every framework, by id, and the hash of `root`/standards."""
    frameworks = tuple((f.id, f.short_title or Label(f.title.en, f.title.nl), f.version)
                       for f in sorted(model.frameworks, key=lambda f: f.id))
    return frameworks, standards_hash((root / "standards").resolve())


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
