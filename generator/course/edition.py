"""The data edition a report was made with: the released edition it is (by id), or the edition its unreleased
changes came after; each framework's version; and a short hash of the content of standards/, so a report can be
re-checked against the same data later."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.model.types import Label, Model

if TYPE_CHECKING:
    from generator.editions.impact import History

#: The editions page (every edition, and which one the site shows), relative to the root of a language.
EDITIONS_PAGE = "editions/"


@dataclass(frozen=True)
class DataEdition:
    """What a report names its data by. `id`: the edition the data is (None when it has changes not yet in an
    edition, or there is no edition); `after`: the latest edition, when the data has changes made after it; `url`:
    the editions page on the site (None when the project names no site)."""

    frameworks: tuple[tuple[str, Label, str], ...] = ()  # (framework id, short title, version), by id
    standards: str = ""  # the first 12 hex digits of SHA-256 over standards/
    id: str | None = None
    after: str | None = None
    url: str | None = None

    def as_data(self) -> dict[str, Any]:
        """As the JSON report (and the check page's data) writes it."""
        return {
            "id": self.id,
            "after": self.after,
            "url": self.url,
            "frameworks": [
                {"id": fid, "name": {"en": name.en, "nl": name.nl}, "version": version}
                for fid, name, version in self.frameworks
            ],
            "standards": self.standards,
        }


def standards_hash(folder: Path) -> str:
    """The first 12 hex digits of SHA-256 over every file in `folder` (relative path and bytes, sorted)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def edition(model: Model, root: Path, history: History | None = None) -> DataEdition:
    """The data edition of `model` (read from `root`/standards), with its id from `history` when given."""
    frameworks = tuple(
        (f.id, f.short_title or Label(f.title.en, f.title.nl), f.version)
        for f in sorted(model.frameworks, key=lambda f: f.id)
    )
    current = history.current_id if history is not None else None
    after = history.editions[-1].id if history is not None and history.editions and current is None else None
    return DataEdition(frameworks, standards_hash((root / "standards").resolve()), current, after, editions_url(root))


def editions_url(root: Path) -> str | None:
    """The editions page's address under the site's `site_url` (None for a project without mkdocs.yml)."""
    if not (root / "mkdocs.yml").is_file():
        return None
    from generator.config import site_url

    return site_url(root) + EDITIONS_PAGE


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
