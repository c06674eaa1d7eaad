"""Rules on references between items: every id an item, requirement or course points at exists."""

from __future__ import annotations

from collections.abc import Iterator

from ..load import Document
from ..problems import Problem
from .index import Index, at, dicts


def item_references(index: Index) -> Iterator[Problem]:
    """`ksbs`, `assesses` and `parent` name existing items; no item is its own parent."""
    for docs in index.loaded.groups.values():
        for doc in docs:
            for i, item in enumerate(doc.data["items"]):
                for name in ("ksbs", "assesses"):
                    for j, ref in enumerate(item.get(name, [])):
                        yield from index.unknown_ref(doc, f"/items/{i}/{name}/{j}", ref)
                if "parent" in item:
                    yield from index.unknown_ref(doc, f"/items/{i}/parent", item["parent"])
                    if item["parent"] == item["id"]:
                        yield at(doc, f"/items/{i}/parent", "self-reference", f'item "{item["id"]}" is its own parent')


def requirement_references(index: Index) -> Iterator[Problem]:
    """The groups a requirement condition names, and the items it leaves out, exist."""
    for doc in index.loaded.requirements.values():
        for i, cond in enumerate(doc.data["conditions"]):
            for name in ("groups", "except"):
                for j, ref in enumerate(cond["rule"].get(name, [])):
                    yield from index.unknown_ref(doc, f"/conditions/{i}/rule/{name}/{j}", ref)


def course_references(index: Index) -> Iterator[Problem]:
    """The courses in courses/: ids unique where they must be, and every covered item exists."""
    for doc in index.loaded.courses:
        yield from course_id_problems(doc)
        for i, module in enumerate(doc.data["modules"]):
            for k, outcome in enumerate(module["outcomes"]):
                for j, ref in enumerate(outcome["covers"]):
                    yield from index.unknown_ref(doc, f"/modules/{i}/outcomes/{k}/covers/{j}", ref)


def course_id_problems(doc: Document) -> list[Problem]:
    """A course file's module ids are unique, and so are the outcome ids within each module (parts of another
    shape are left to the schema)."""
    problems: list[Problem] = []
    modules: dict[str, int] = {}
    for i, module in enumerate(dicts(doc.data.get("modules") if isinstance(doc.data, dict) else None)):
        mid = module.get("id")
        if isinstance(mid, str) and mid in modules:
            first = doc.where(f"/modules/{modules[mid]}/id")[0]
            problems.append(
                at(
                    doc,
                    f"/modules/{i}/id",
                    "duplicate-id",
                    f'module id "{mid}" is already used (line {first})',
                    "give every module its own id",
                )
            )
        elif isinstance(mid, str):
            modules[mid] = i
        outcomes: dict[str, int] = {}
        for k, outcome in enumerate(dicts(module.get("outcomes"))):
            oid = outcome.get("id")
            if isinstance(oid, str) and oid in outcomes:
                first = doc.where(f"/modules/{i}/outcomes/{outcomes[oid]}/id")[0]
                problems.append(
                    at(
                        doc,
                        f"/modules/{i}/outcomes/{k}/id",
                        "duplicate-id",
                        f'outcome id "{oid}" is already used in module "{mid}" (line {first})',
                        "give every outcome of a module its own id",
                    )
                )
            elif isinstance(oid, str):
                outcomes[oid] = k
    return problems
