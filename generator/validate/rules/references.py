"""Rules on references between items: every id an item, requirement or course points at exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Set
from typing import Any

from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem
from generator.load.documents import Document
from generator.validate.rules.index import Index, at, dicts


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
    """The courses in courses/: ids unique where they must be, and every target and covered item exists (the same
    rule `coachref course` applies, so `check`, `build` and `course` agree)."""
    items = set(index.group_of)
    sets = sorted(doc.data["id"] for doc in index.loaded.requirements.values())
    for doc in index.loaded.courses:
        yield from course_id_problems(doc)
        for problem in course_reference_problems(doc, items, set(index.groups), sets):
            ref = _value(doc.data, problem.pointer) if problem.pointer.startswith("/modules/") else None
            yield index.retired_ref(doc, problem.pointer, ref) if ref in index.retired else problem


def course_reference_problems(doc: Document, items: Set[str], groups: Set[str], sets: list[str]) -> list[Problem]:
    """The one course-reference rule: every target a requirement set, every covered id an item (not a group).
    Works on a document that failed its schema too: only the parts of the expected shape are looked at."""
    problems = []
    targets = doc.data.get("targets") if isinstance(doc.data, dict) else None
    for j, ref in enumerate(targets if isinstance(targets, list) else []):
        if isinstance(ref, str) and ref not in sets:
            close = difflib.get_close_matches(ref, sets, n=1, cutoff=0.6)
            hint = (
                say("did-you-mean.hint", close=close[0])
                if close
                else say("unknown-reference.set.hint", sets=", ".join(sets))
            )
            problems.append(at(doc, f"/targets/{j}", "unknown-reference", say("unknown-reference.set", ref=ref), hint))
    known = sorted(items)
    for pointer, ref in _covers(doc.data):
        if ref in items:
            continue
        if ref in groups:
            message = say("unknown-reference.group", ref=ref)
            hint = say("unknown-reference.group.hint")
        else:
            close = difflib.get_close_matches(ref, known, n=1, cutoff=0.8)
            message = say("unknown-reference.item", ref=ref)
            hint = say("did-you-mean.hint", close=close[0]) if close else say("unknown-reference.item.hint")
        problems.append(at(doc, pointer, "unknown-reference", message, hint))
    return problems


def _value(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer made of plain keys and list indexes (as _covers writes them)."""
    for token in pointer.split("/")[1:]:
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def _covers(data: Any) -> list[tuple[str, str]]:
    """(pointer, id) of every string under modules[*].outcomes[*].covers[*], whatever else is wrong."""
    found: list[tuple[str, str]] = []
    modules = data.get("modules") if isinstance(data, dict) else None
    for i, module in enumerate(modules if isinstance(modules, list) else []):
        outcomes = module.get("outcomes") if isinstance(module, dict) else None
        for k, outcome in enumerate(outcomes if isinstance(outcomes, list) else []):
            covers = outcome.get("covers") if isinstance(outcome, dict) else None
            for j, ref in enumerate(covers if isinstance(covers, list) else []):
                if isinstance(ref, str):
                    found.append((f"/modules/{i}/outcomes/{k}/covers/{j}", ref))
    return found


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
                    say("duplicate-id.module", id=mid, line=first),
                    say("duplicate-id.module.hint"),
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
                        say("duplicate-id.outcome", id=oid, module=mid, line=first),
                        say("duplicate-id.outcome.hint"),
                    )
                )
            elif isinstance(oid, str):
                outcomes[oid] = k
    return problems
