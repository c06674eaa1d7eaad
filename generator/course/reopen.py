"""A saved course report re-opened against the data as it is now: which of the items it covered changed since the
edition it names, and whether its verdict would change. `reopen()` is Python's answer; `tables()` is what the
check page's data carries so the browser (course-check/reopen.js) gives the same answer by looking it up."""

from __future__ import annotations

import json
from typing import Any

from generator.editions.impact import REPORT_EFFECT, History, Since, changes_since

#: The command that writes the report the check page re-opens (besides the page's own download).
REPORT_COMMAND = "coachref course --format json"
#: The answers about the verdict, strongest first.
VERDICTS = ("may-change", "review", "stands", "unchanged")


def effect(change: Since) -> str:
    """may-change, review or none: what `change` of a covered item means for the verdict (impact.REPORT_EFFECT; a
    declared substantive change of a renumbered or reworded item asks for a review too)."""
    found = REPORT_EFFECT[change.kind]
    return "review" if found == "none" and change.substantive else found


def _groups(export: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {g["id"]: g for f in export["frameworks"] for g in f["groups"]}


def _sets(export: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in export.get("requirement_sets", [])}


def required(export: dict[str, Any], set_id: str) -> list[str]:
    """The items a requirement set's covers-all conditions ask for in an export (in its order; none when the
    export has no such set)."""
    rset, groups = _sets(export).get(set_id), _groups(export)
    found: list[str] = []
    for c in rset["conditions"] if rset else ():
        rule = c["rule"]
        if rule["type"] == "covers-all":
            left_out = set(rule.get("except", ()))
            found += [i["id"] for g in rule["groups"] for i in groups[g]["items"] if i["id"] not in left_out]
    return list(dict.fromkeys(found))


def _conditions(export: dict[str, Any], set_id: str) -> dict[str, str]:
    """Condition id -> its rule, for the set's conditions other than the items they ask for (a covers-all rule is
    compared by the items it asks for, not here)."""
    rset = _sets(export).get(set_id)
    return {
        c["id"]: json.dumps(c["rule"] if c["rule"]["type"] != "covers-all" else "covers-all", sort_keys=True)
        for c in (rset["conditions"] if rset else ())
    }


def _snapshot_export(history: History, edition_id: str) -> dict[str, Any]:
    return next(e.export for e in history.editions if e.id == edition_id)


def set_changes(history: History, edition_id: str, since: dict[str, Since]) -> dict[str, dict[str, Any]]:
    """Set id -> what it asks for now that it did not in edition `edition_id`: items that are not what its items of
    then became (`added`), and the conditions added, removed or with another rule since (`conditions`: all of
    them when the set is gone). Only the sets of that edition with such a change."""
    old, now = _snapshot_export(history, edition_id), history.now.export
    found: dict[str, dict[str, Any]] = {}
    for set_id in _sets(old):
        before = required(old, set_id)
        carried = set(before) | {s for i in before if i in since for s in since[i].successors}
        added = [i for i in required(now, set_id) if i not in carried]
        then, later = _conditions(old, set_id), _conditions(now, set_id)
        conditions = sorted(c for c in set(then) | set(later) if then.get(c) != later.get(c))
        if added or conditions:
            found[set_id] = {"added": added, "conditions": conditions}
    return found


def item_name(export: dict[str, Any], item: dict[str, Any]) -> dict[str, str]:
    """An item's short name in both languages, as course.engine.name_of gives it ('K1', 'Job finding o')."""
    label = item["label"]
    if len(label) == 1 or not any(c.isalpha() for c in label):
        title = _groups(export)[item["group"]]["title"]
        return {lang: f"{title[lang]} {label}" for lang in ("en", "nl")}
    return {"en": label, "nl": item.get("label_nl") or label}


def item_side(export: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "name": item_name(export, item),
        "statement": {"en": item["statement"]["en"], "nl": item["statement"]["nl"]},
    }


def change_note(change: Since, edition_id: str) -> dict[str, str] | None:
    """The editor's note on the latest change declared since `edition_id` on what stands for the item now."""
    notes = [c["note"] for n in change.new for c in n.get("changes", []) if c["since"] >= edition_id and "note" in c]
    return {"en": notes[-1]["en"], "nl": notes[-1]["nl"]} if notes else None


def item_changes(history: History, edition_id: str, since: dict[str, Since]) -> dict[str, dict[str, Any]]:
    """Old item id -> what became of it since edition `edition_id` (kind, successors, substantive, affects
    assessment, effect on a report's verdict, old and new names and statements, the editor's note), for every item
    of `since` (changes_since of that edition)."""
    old = _snapshot_export(history, edition_id)
    out: dict[str, dict[str, Any]] = {}
    for ident in sorted(since):
        change = since[ident]
        out[ident] = {
            "kind": change.kind,
            "successors": list(change.successors),
            "substantive": change.substantive,
            "affects_assessment": change.affects_assessment,
            "effect": effect(change),
            "old": item_side(old, change.old) if change.old else None,
            "new": [item_side(history.now.export, n) for n in change.new],
            "note": change_note(change, edition_id),
        }
    return out


def tables(history: History | None, standards: str) -> dict[str, Any]:
    """What the check page needs to re-open a saved report: every edition (id -> its hash of standards/), the
    current one, the current hash; per edition, its items' changes since and its requirement sets' changes."""
    since: dict[str, Any] = {}
    sets: dict[str, Any] = {}
    if history is None:
        return {"known": {}, "current": None, "standards": standards, "since": since, "sets": sets}
    for e in history.editions:
        found = changes_since(history, e.id)
        items, changed = item_changes(history, e.id, found), set_changes(history, e.id, found)
        if items or changed:
            since[e.id], sets[e.id] = items, changed
    return {
        "known": {e.id: e.standards_hash for e in history.editions},
        "current": history.current_id,
        "standards": standards,
        "since": since,
        "sets": sets,
    }


def _found(report: dict[str, Any], history: History, standards: str) -> tuple[str, str | None]:
    """(how the report's edition was found, that edition): current, edition, hash, after, unknown or none."""
    edition = report.get("edition") or {}
    named, after, content = edition.get("id"), edition.get("after"), edition.get("standards")
    known = {e.id: e.standards_hash for e in history.editions}
    if content == standards or (named is not None and named == history.current_id):
        return "current", history.current_id
    if named is not None:
        return ("edition", named) if named in known else ("unknown", None)
    by_hash = [e for e, h in known.items() if h and h == content]
    if by_hash:
        return "hash", by_hash[-1]
    if after in known:
        return "after", after
    return "none", None


def _report_items(report: dict[str, Any]) -> list[tuple[str, bool]]:
    """(item id, covered) of every item the report's covers-all conditions name, in report order."""
    found: dict[str, bool] = {}
    for rs in report["requirement_sets"]:
        for c in rs["conditions"]:
            for i in c.get("items", []):
                found.setdefault(i["id"], bool(i["covered"]))
    return list(found.items())


def reopen(report: dict[str, Any], history: History, standards: str) -> dict[str, Any]:
    """What changed since a saved report's edition among the items it covered (and, of those it did not, the ones
    whose change may change the verdict), what its sets ask for now that they did not, and whether the verdict
    would change: may-change, review, stands or unchanged (None when the report's edition is not known)."""
    how, edition_id = _found(report, history, standards)
    answer: dict[str, Any] = {
        "found": how,
        "edition": edition_id,
        "named": (report.get("edition") or {}).get("id"),
        "items": [],
        "sets": [],
    }
    if how in ("unknown", "none"):
        return answer | {"verdict": None}
    if how == "current" or edition_id is None:
        return answer | {"verdict": "unchanged"}
    since = changes_since(history, edition_id)
    for ident, covered in _report_items(report):
        change = since.get(ident)
        if change is not None and (covered or effect(change) == "may-change"):
            answer["items"].append(
                {
                    "id": ident,
                    "covered": covered,
                    "kind": change.kind,
                    "successors": list(change.successors),
                    "effect": effect(change),
                }
            )
    changed = set_changes(history, edition_id, since)
    answer["sets"] = [{"id": rs["id"], **changed[rs["id"]]} for rs in report["requirement_sets"] if rs["id"] in changed]
    effects = {i["effect"] for i in answer["items"]}
    verdict = (
        "may-change"
        if "may-change" in effects or answer["sets"]
        else "review"
        if "review" in effects
        else "stands"
        if answer["items"]
        else "unchanged"
    )
    return answer | {"verdict": verdict}
