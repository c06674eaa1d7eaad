"""The check that the data declares every change since the latest edition: a changed text, link, relation or
status without a `changes:` entry naming that edition is an error located at the item, row or framework."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics.problem import Problem
from generator.editions.manifest import Edition, Manifest, manifest, mapping_key
from generator.load.documents import Document
from generator.load.loaded import Loaded
from generator.model.types import Change, Model

#: What a field of the manifest is called in messages.
_FIELD_NAMES = {
    "text": "text",
    "links": "links",
    "status": "status",
    "label": "label",
    "group": "group",
    "relation": "relation",
    "version": "version",
    "guid": "GUID",
}


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The fields of two fingerprints that differ, as people name them ("text (nl)", "links", "status")."""
    found = []
    for key in sorted(set(old) | set(new)):
        if key == "reviewed" or (key == "guid" and key not in old):
            continue  # a new review date, or a GUID learnt, changes nothing of the content
        a, b = old.get(key), new.get(key)
        if isinstance(a, dict) and isinstance(b, dict):
            name = _FIELD_NAMES.get(key, key)
            found += [f"{name} ({lang})" for lang in sorted(set(a) | set(b)) if a.get(lang) != b.get(lang)]
        elif a != b:
            found.append(_FIELD_NAMES.get(key, key))
    return found


def _locations(loaded: Loaded) -> dict[tuple[str, str], tuple[Document, str]]:
    """(kind, key) -> the document and pointer where an item, mapping row or framework is written."""
    where: dict[tuple[str, str], tuple[Document, str]] = {}
    for doc in loaded.frameworks.values():
        where[("frameworks", doc.data["id"])] = (doc, "/id")
    for docs in loaded.groups.values():
        for doc in docs:
            where[("groups", doc.data["id"])] = (doc, "/items")
            for n, item in enumerate(doc.data.get("items", [])):
                where[("items", item["id"])] = (doc, f"/items/{n}")
    for doc in loaded.mappings:
        for n, row in enumerate(doc.data.get("mappings", [])):
            where[("mappings", f"{row['source']} {row['target']}")] = (doc, f"/mappings/{n}")
    return where


def _declared(model: Model) -> dict[tuple[str, str], tuple[Change, ...]]:
    found: dict[tuple[str, str], tuple[Change, ...]] = {}
    for fw in model.frameworks:
        found[("frameworks", fw.id)] = fw.changes
    for item in model.items.values():
        found[("items", item.id)] = item.changes
    for mset in model.mapping_sets:
        for m in mset.mappings:
            found[("mappings", mapping_key(m))] = m.changes
    return found


_NAMES = {"frameworks": "framework", "items": "item", "mappings": "mapping"}


def problems(model: Model, loaded: Loaded, editions: tuple[Edition, ...]) -> list[Problem]:
    """Every undeclared change since the latest edition, every declaration of a change that is not there, and
    every declaration naming an edition that does not exist; none when there is no edition yet."""
    if not editions:
        return []
    latest = editions[-1]
    known = {e.id for e in editions}
    return sorted(_compare(manifest(model), latest, known, _declared(model), _locations(loaded)))


def _compare(
    current: Manifest,
    latest: Edition,
    known: set[str],
    declared: dict[tuple[str, str], tuple[Change, ...]],
    where: dict[tuple[str, str], tuple[Document, str]],
) -> Iterator[Problem]:
    old_manifest = latest.manifest
    for kind in ("frameworks", "items", "mappings"):
        old = old_manifest.get(kind, {})
        for key, fingerprint in current[kind].items():
            doc, pointer = where[(kind, key)]
            changes = declared.get((kind, key), ())
            yield from _unknown_editions(doc, pointer, changes, known)
            if key not in old:
                continue  # added since the edition: nothing to declare
            fields = differences(old[key], fingerprint)
            name = f"{_NAMES[kind]} {key.replace(' ', ' → ')}"
            if fields and not any(c.since == latest.id for c in changes):
                yield _at(
                    doc,
                    pointer,
                    "undeclared-change",
                    f"{name} changed since edition {latest.id} ({', '.join(fields)}) but declares no change",
                    f'add to it: changes: [{{since: "{latest.id}", date: YYYY-MM-DD, kind: correction, reword '
                    "or substantive, affects_assessment: true or false}], or undo the change",
                )
            elif not fields and any(c.since == latest.id for c in changes):
                n = next(n for n, c in enumerate(changes) if c.since == latest.id)
                yield _at(
                    doc,
                    f"{pointer}/changes/{n}",
                    "change-not-found",
                    f"{name} declares a change since edition {latest.id}, but it is the same as in that edition",
                    "remove the entry, or make the change it declares",
                    "warning",
                )
    current_items = current["items"]
    for ident, old_item in sorted(old_manifest.get("items", {}).items()):
        if ident not in current_items and ident not in current["retired"]:
            message = f'item "{ident}" of edition {latest.id} is gone without being retired'
            hint = (
                "give its id a `retired:` entry in its group file (replaced_by: the new id or ids, or a reason), "
                "so citations of it keep leading somewhere"
            )
            if ("groups", old_item["group"]) in where:  # at the items of the group it was in
                doc, pointer = where[("groups", old_item["group"])]
                yield _at(doc, pointer, "item-dropped", message, hint)
            else:
                yield Problem(latest.path, 1, 1, "item-dropped", message, "", "error", hint)


def _unknown_editions(doc: Document, pointer: str, changes: tuple[Change, ...], known: set[str]) -> Iterator[Problem]:
    for n, change in enumerate(changes):
        if change.since not in known:
            yield _at(
                doc,
                f"{pointer}/changes/{n}/since",
                "unknown-edition",
                f'there is no edition "{change.since}" in editions/',
                f"name one of: {', '.join(sorted(known))}",
            )


def _at(doc: Document, pointer: str, code: str, message: str, hint: str, severity: str = "error") -> Problem:
    line, col = doc.where(pointer)
    return Problem(doc.rel, line, col, code, message, pointer, severity, hint)  # type: ignore[arg-type]
