"""Cross-file rule: ids that differ only in upper and lower case (they would share a page address on the site)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .load import Document
from .problems import Problem

if TYPE_CHECKING:
    from .rules import Loaded


def case_clash_problems(loaded: Loaded) -> list[Problem]:
    """An `id-case-clash` at each id equal to an earlier one but for case, naming the first (exact repeats are
    `duplicate-id`, reported elsewhere)."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, Document, str]] = {}
    for doc, pointer, ident in _ids(loaded):
        key = ident.casefold()
        if key not in first:
            first[key] = (ident, doc, pointer)
            continue
        other, other_doc, other_pointer = first[key]
        if other == ident:
            continue
        line, col = doc.where(pointer)
        other_line = other_doc.where(other_pointer)[0]
        problems.append(Problem(
            doc.rel, line, col, "id-case-clash",
            f'id "{ident}" differs only in case from "{other}" ({other_doc.rel}:{other_line})', pointer,
            hint="ids name pages on the site, where case does not count: make the two ids differ in more than case",
        ))
    return problems


def _ids(loaded: Loaded) -> Iterator[tuple[Document, str, str]]:
    """Every id the standards define, in the order the duplicate-id rule meets them."""
    for _folder, fw in sorted(loaded.frameworks.items()):
        yield fw, "/id", fw.data["id"]
    for _folder, docs in sorted(loaded.groups.items()):
        for doc in docs:
            yield doc, "/id", doc.data["id"]
            for i, item in enumerate(doc.data["items"]):
                yield doc, f"/items/{i}/id", item["id"]
    for _folder, doc in sorted(loaded.requirements.items()):
        yield doc, "/id", doc.data["id"]
        for i, cond in enumerate(doc.data["conditions"]):
            yield doc, f"/conditions/{i}/id", cond["id"]
