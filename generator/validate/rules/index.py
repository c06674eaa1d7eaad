"""What the cross-file rules look things up in, built once per check: every defined id, the groups, the
relation vocabulary."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics.codes import Severity
from generator.diagnostics.problem import Problem
from generator.load.documents import Document
from generator.load.loaded import Loaded


@dataclass(frozen=True)
class Definition:
    """One place that defines an id (framework, group, item, requirement set or condition)."""

    ident: str
    doc: Document
    pointer: str


@dataclass
class Index:
    """The loaded documents and the lookups the rules share."""

    loaded: Loaded
    definitions: list[Definition] = field(default_factory=list)
    ids: dict[str, Definition] = field(default_factory=dict)
    prefix_of_folder: dict[str, str] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)
    groups: list[str] = field(default_factory=list)
    inverse: dict[str, str] = field(default_factory=dict)
    retired: dict[str, tuple[Document, str, dict[str, Any]]] = field(default_factory=dict)
    _sorted_ids: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, loaded: Loaded) -> Index:
        index = cls(loaded)
        for folder, fw in sorted(loaded.frameworks.items()):
            index.prefix_of_folder[folder] = fw.data["id"]
            index._define(fw, "/id", fw.data["id"])
        for folder, docs in sorted(loaded.groups.items()):
            if folder not in index.prefix_of_folder:
                continue
            for doc in docs:
                index._define(doc, "/id", doc.data["id"])
                for i, item in enumerate(doc.data["items"]):
                    index._define(doc, f"/items/{i}/id", item["id"])
                for i, entry in enumerate(doc.data.get("retired", [])):
                    index.retired.setdefault(entry["id"], (doc, f"/retired/{i}", entry))
        for _folder, doc in sorted(loaded.requirements.items()):
            index._define(doc, "/id", doc.data["id"])
            for i, cond in enumerate(doc.data["conditions"]):
                index._define(doc, f"/conditions/{i}/id", cond["id"])
        index.group_of = {
            item["id"]: doc.data["id"] for docs in loaded.groups.values() for doc in docs for item in doc.data["items"]
        }
        index.groups = sorted({doc.data["id"] for docs in loaded.groups.values() for doc in docs})
        if loaded.relations is not None:
            index.inverse = {r["id"]: r["inverse"] for r in loaded.relations.data["relations"]}
        return index

    def _define(self, doc: Document, pointer: str, ident: str) -> None:
        definition = Definition(ident, doc, pointer)
        self.definitions.append(definition)
        self.ids.setdefault(ident, definition)

    @property
    def frameworks(self) -> set[str]:
        return set(self.prefix_of_folder.values())

    def unknown_ref(self, doc: Document, pointer: str, ref: str) -> list[Problem]:
        """An unknown-reference problem when `ref` is not a defined id, with the nearest id as a hint."""
        if ref in self.ids:
            return []
        if ref in self.retired:
            return [self.retired_ref(doc, pointer, ref)]
        if len(self._sorted_ids) != len(self.ids):
            self._sorted_ids[:] = sorted(self.ids)
        close = difflib.get_close_matches(ref, self._sorted_ids, n=1, cutoff=0.8)
        hint = f'did you mean "{close[0]}"?' if close else "use the id of an existing item"
        return [at(doc, pointer, "unknown-reference", f'"{ref}" is not the id of any item', hint)]

    def retired_ref(self, doc: Document, pointer: str, ref: str) -> Problem:
        """A retired-reference problem: `ref` was retired; the message names its successor or why it went."""
        where, entry_pointer, entry = self.retired[ref]
        successor = entry.get("replaced_by")
        if isinstance(successor, list):  # split: name every part
            successor = '" and "'.join(successor)
        line = where.where(entry_pointer)[0]
        if successor:
            return at(
                doc,
                pointer,
                "retired-reference",
                f'"{ref}" was retired on {entry["date"]} and replaced by "{successor}" ({where.rel}:{line})',
                f'write "{successor}" instead',
            )
        return at(
            doc,
            pointer,
            "retired-reference",
            f'"{ref}" was retired on {entry["date"]} with no successor ({where.rel}:{line}): {entry["reason"]["en"]}',
            "remove the reference, or point at a current item",
        )


def at(doc: Document, pointer: str, code: str, message: str, hint: str = "", severity: Severity = "error") -> Problem:
    """A problem located at `pointer` in `doc`."""
    line, col = doc.where(pointer)
    return Problem(doc.rel, line, col, code, message, pointer, severity, hint)


def suggest(value: str, known: list[str], cutoff: float = 0.6) -> str:
    """'did you mean "x"? ' for the nearest of `known`, or nothing."""
    close = difflib.get_close_matches(value, known, n=1, cutoff=cutoff)
    return f'did you mean "{close[0]}"? ' if close else ""


def dicts(value: Any) -> list[dict[str, Any]]:
    """The list's entries, with anything that is not a mapping replaced by an empty one (kept for the index)."""
    return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []
