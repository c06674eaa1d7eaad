"""What changed between two editions (or since the latest one, not yet released) as plain data in one language:
the JSON published beside the delta page (schemas/delta.schema.json) and what that page renders, so both say the
same. Old and new texts come from the two editions' exports; links lead to where each id is now."""

from __future__ import annotations

import re
from typing import Any

from generator.config import site_url
from generator.editions.delta import KINDS, Delta, Entry, Snapshot
from generator.model import urls
from generator.model.types import Lang, Model
from generator.render.site.twins import page_url, twin_path

#: Published address of the delta schema, relative to site_url.
SCHEMA = "schemas/delta.schema.json"
#: The delta page of changes not yet in an edition: editions/<latest>--unreleased/.
UNRELEASED = "unreleased"
FOLDER = "editions"
ROW_KINDS = ("added", "changed", "moved", "removed")


def delta_page(old: str | None, new: str | None) -> str:
    """Source path of the page of changes from edition `old` to edition `new` (None: not yet released). A second
    release of a day (2026-12-05.2) is written 2026-12-05-2 in the folder's name: MkDocs and static-i18n read a dot in
    a folder name as the start of a suffix and would publish the page's JSON twin under a wrong folder."""
    return f"{FOLDER}/{_folder(old)}--{_folder(new) if new else UNRELEASED}"


def _folder(edition_id: str | None) -> str:
    return str(edition_id).replace(".", "-")


def item_anchor(ident: str) -> str:
    """The anchor of an item's change on a delta page: item-st0809-k1."""
    return "item-" + re.sub(r"[^a-z0-9-]", "-", ident.lower())


def edition_file(ident: str) -> str:
    """Published path of an edition file, relative to the site root (one copy, language-neutral)."""
    return f"{FOLDER}/{ident}.json"


def target(model: Model, ident: str) -> tuple[str, str] | None:
    """(source path, anchor) where an item id leads now: its page (or its group's page with an anchor), or the page
    left at a retired id's address; None for an id the data does not know."""
    if ident in model.items:
        return urls.item_target(model, ident)
    if ident in model.retired:
        _entry, group = model.retired[ident]
        fw = model.framework[group.framework]
        if group.item_pages:
            return urls.retired_page(fw, group, ident), ""
        return urls.group_page(fw, group), ""
    return None


def _url(model: Model, ident: str, lang: Lang) -> dict[str, str]:
    found = target(model, ident)
    if found is None:
        return {}
    path, anchor = found
    return {"url": page_url(path, lang) + (f"#{anchor}" if anchor else "")}


def _side(model: Model, item: dict[str, Any] | None, lang: Lang) -> dict[str, Any] | None:
    """An item as one edition has it, in `lang`: id, label, title (when it has one), statement, current address."""
    if item is None:
        return None
    label = item.get("label_nl") if lang == "nl" and item.get("label_nl") else item["label"]
    out: dict[str, Any] = {"id": item["id"], "label": label}
    if "title" in item:
        out["title"] = item["title"][lang]
    links = [*item.get("ksbs", []), *item.get("assesses", []), *([item["parent"]] if "parent" in item else [])]
    return out | {"statement": item["statement"][lang], "links": links} | _url(model, item["id"], lang)


def _declared(entry: Entry, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {
        "date": entry.date,
        "fields": list(entry.fields),
        "affects_assessment": entry.affects_assessment,
        "declared": entry.declared,
    }
    if entry.note is not None:
        out["note"] = entry.note[lang]
    return out


def _retired_reasons(snap: Snapshot) -> dict[str, dict[str, Any]]:
    return {
        r["id"]: r["reason"]
        for f in snap.export["frameworks"]
        for g in f["groups"]
        for r in g.get("retired", [])
        if "reason" in r
    }


def _item(model: Model, delta: Delta, entry: Entry, lang: Lang, reasons: dict[str, dict[str, Any]]) -> dict[str, Any]:
    old = None if entry.kind == "added" else delta.old.items.get(entry.id)
    new_ids = () if entry.kind == "retired" else entry.successors or (entry.id,)
    out = {"kind": entry.kind, "id": entry.id, "successors": list(entry.successors)} | _url(model, entry.id, lang)
    out |= _declared(entry, lang)
    if entry.kind == "retired" and entry.id in reasons:
        out["reason"] = reasons[entry.id][lang]
    new = [_side(model, delta.new.items.get(i), lang) for i in new_ids]
    return out | {"old": _side(model, old, lang), "new": [n for n in new if n is not None]}


def _row_side(row: dict[str, Any] | None, lang: Lang) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "source": row["source"],
        "target": row["target"],
        "relation": row["relation"],
        "rationale": row["rationale"][lang],
    }


def _row(delta: Delta, entry: Entry, lang: Lang) -> dict[str, Any]:
    source, target_id = entry.id.split(" ")
    now = entry.successors[0] if entry.successors else entry.id
    return {
        "kind": entry.kind,
        "source": source,
        "target": target_id,
        **_declared(entry, lang),
        "old": _row_side(delta.old.rows.get(entry.id), lang),
        "new": _row_side(delta.new.rows.get(now), lang),
    }


def _fw_side(fw: dict[str, Any] | None, lang: Lang) -> dict[str, Any] | None:
    return None if fw is None else {"title": fw["title"][lang], "version": fw["version"]}


def _framework(delta: Delta, entry: Entry, lang: Lang) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "id": entry.id,
        **_declared(entry, lang),
        "old": _fw_side(delta.old.frameworks.get(entry.id), lang),
        "new": _fw_side(delta.new.frameworks.get(entry.id), lang),
    }


def _requirement(delta: Delta, entry: Entry, lang: Lang) -> dict[str, Any]:
    def title(snap: Snapshot) -> str | None:
        found = next((r for r in snap.export.get("requirement_sets", []) if r["id"] == entry.id), None)
        return None if found is None else str(found["title"][lang])

    return {
        "kind": entry.kind,
        "id": entry.id,
        "fields": list(entry.fields),
        "old": title(delta.old),
        "new": title(delta.new),
    }


def _edition(snap: Snapshot) -> dict[str, Any]:
    if snap.id is None:
        return {"id": None, "date": snap.date, "released": False}
    return {"id": snap.id, "date": snap.date, "released": True, "file": site_url() + edition_file(snap.id)}


def counts(delta: Delta) -> dict[str, Any]:
    """How many changes of each kind: items by KINDS, rows by ROW_KINDS, and changed frameworks."""
    return {
        "items": {k: delta.counts.get(k, 0) for k in KINDS},
        "rows": {k: sum(1 for e in delta.rows if e.kind == k) for k in ROW_KINDS},
        "frameworks": len(delta.frameworks),
        "requirement_sets": len(delta.requirements),
    }


def delta_data(model: Model, delta: Delta, lang: Lang) -> dict[str, Any]:
    """The delta in `lang`, as published at editions/<old>--<new>/index.json."""
    page = delta_page(delta.old.id, delta.new.id)
    other: Lang = "nl" if lang == "en" else "en"
    reasons = _retired_reasons(delta.new)
    return {
        "$schema": site_url() + SCHEMA,
        "lang": lang,
        "url": page_url(page, lang),
        "twin": site_url() + twin_path(page, lang),
        "translation": site_url() + twin_path(page, other),
        "old": _edition(delta.old),
        "new": _edition(delta.new),
        "counts": counts(delta),
        "items": [_item(model, delta, e, lang, reasons) for e in delta.items],
        "rows": [_row(delta, e, lang) for e in delta.rows],
        "frameworks": [_framework(delta, e, lang) for e in delta.frameworks],
        "requirement_sets": [_requirement(delta, e, lang) for e in delta.requirements],
    }
