"""Navigation from the data: every framework (and its KSB checklist and workbook) gets its entry in the MkDocs
nav, so a framework added as YAML alone is never left out of the menu. mkdocs.yml lists only the fixed pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.load.documents import load
from generator.model import urls

#: The framework entries follow this entry of mkdocs.yml's nav (or end the nav when it is missing).
ANCHOR = f"{urls.GENERATED}/frameworks.md"


def framework_entries(root: Path) -> list[str]:
    """Nav entries for the frameworks in standards/, in the model's order (by id), then the checklist and
    workbook of each that declares the ksb role.

    Runs before the check (MkDocs reads the nav first): a framework.yaml it cannot read is skipped here and
    reported by the check that follows."""
    found: list[tuple[str, str, bool]] = []
    for path in sorted((root / "standards").glob("*/framework.yaml")):
        doc, _problems = load(path, path.relative_to(root).as_posix())
        data = doc.data if doc is not None else None
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            roles = data.get("roles")
            found.append((data["id"], path.parent.name, isinstance(roles, dict) and bool(roles.get("ksb"))))
    found.sort()
    return [f"{urls.GENERATED}/{folder}/index.md" for _id, folder, _ksb in found] + [
        f"{urls.GENERATED}/{folder}/{page}.md"
        for _id, folder, ksb in found
        if ksb
        for page in ("checklist", "workbook")
    ]


def with_frameworks(nav: list[Any] | None, root: Path) -> list[Any] | None:
    """`nav` with the framework entries it lacks inserted after ANCHOR; entries listed by hand stay where they are.
    Idempotent: static-i18n runs on_config again for every language on the same config."""
    if nav is None:  # no nav in mkdocs.yml: MkDocs lists every page itself
        return None
    present = {entry for entry in nav if isinstance(entry, str)}
    missing = [entry for entry in framework_entries(root) if entry not in present]
    at = nav.index(ANCHOR) + 1 if ANCHOR in nav else len(nav)
    return [*nav[:at], *missing, *nav[at:]]
