"""A realistic next edition of the real data, made in a copy of the project: ten items each reworded, changed in
substance, renumbered, split and retired, and ten added, with every reference (duty links, EPA methods, mapping
rows, unmapped reasons) carried along as an editor would. Tests read `Plan` to know what they must see flagged."""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATE = "2027-01-15"  # after every review date in the data: every substantive change postdates the rows
BASE = "2027-01-14"  # the data as it is, frozen first when it holds declared changes not yet in an edition
COPIED = ("standards", "schemas", "editions", "courses", "published-urls.txt", "mkdocs.yml", "docs", "overrides")
KINDS = ("reword", "substantive", "renumber", "split", "retire")
PER_KIND = 10


@dataclass
class Plan:
    """What was changed: kind -> the old ids; renamed and split ids -> their successors; the added ids."""

    old: str  # the edition the changes are made against
    changed: dict[str, list[str]] = field(default_factory=dict)
    successors: dict[str, list[str]] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)

    def ids(self, *kinds: str) -> set[str]:
        return {i for k in kinds for i in self.changed[k]}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]  # the yaml-language-server line
    path.write_text(
        first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )


def _pool(standards: Path) -> list[tuple[Path, str]]:
    """(group file, item id) of every KSB and BVJN eindterm, interleaved so each kind touches both frameworks."""
    ksb = [
        (standards / "coaching-professional" / f"{g}.yaml", i["id"])
        for g in ("knowledge", "skills", "behaviours")
        for i in _load(standards / "coaching-professional" / f"{g}.yaml")["items"]
    ]
    eind = [
        (standards / "jobcoach-eindtermen" / f"{g}.yaml", i["id"])
        for g in ("intake-assessment", "jobfinding", "coaching-on-the-job")
        for i in _load(standards / "jobcoach-eindtermen" / f"{g}.yaml")["items"]
    ]
    mixed = []
    for n in range(max(len(ksb), len(eind))):
        mixed += [*ksb[n : n + 1], *eind[n : n + 1]]
    return mixed


def _change(kind: str, since: str) -> dict[str, Any]:
    return {"since": since, "date": DATE, "kind": kind, "affects_assessment": kind == "substantive"}


def _edit_text(item: dict[str, Any], words: tuple[str, str]) -> None:
    item["statement"]["en"] = item["statement"]["en"].rstrip(".") + f", {words[0]}."
    item["statement"]["nl"] = item["statement"]["nl"].rstrip(".") + f", {words[1]}."


def make(where: Path) -> tuple[Path, Plan]:
    """Copy the project into `where` and make the next edition's changes there."""
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, where / name, ignore=shutil.ignore_patterns("generated"))
        elif src.is_file():
            shutil.copy2(src, where / name)
    standards = where / "standards"
    _freeze_pending(where)
    editions = sorted((where / "editions").glob("*.json"))
    plan = Plan(old=_latest(editions))
    pool = _pool(standards)
    chosen = {kind: pool[n :: len(KINDS)][:PER_KIND] for n, kind in enumerate(KINDS)}
    rename: dict[str, list[str]] = {}  # old id -> what references to it become ([] when it is retired)
    files: dict[Path, Any] = {}
    for kind, picks in chosen.items():
        plan.changed[kind] = [ident for _, ident in picks]
        for path, ident in picks:
            data = files.setdefault(path, _load(path))
            rename.update(_apply(kind, data, ident, plan))
    for n in range(PER_KIND):  # ten new items, half in each framework
        path = standards / ("coaching-professional/knowledge.yaml" if n % 2 else "jobcoach-eindtermen/jobfinding.yaml")
        data = files.setdefault(path, _load(path))
        ident = f"{data['id'].split(':')[0]}:new{n}"
        kind = data["items"][0]["statement"]["kind"]
        data["items"].append(
            {
                "id": ident,
                "label": f"N{n}",
                "statement": {
                    "en": f"A new statement number {n}.",
                    "nl": f"Een nieuwe uitspraak nummer {n}.",
                    "kind": dict(kind),
                },
            }
        )
        plan.added.append(ident)
    for path, data in files.items():
        _dump(path, data)
    _carry_references(standards, rename, plan.old)
    return where, plan


def renumber(where: Path, ident: str, since: str) -> str:
    """In the project at `where` (made by `make`), renumber item `ident` as an editor would in the edition after
    `since`, its references carried along; return its new id."""
    standards = where / "standards"
    path = next(p for p, i in _pool(standards) if i == ident)
    data = _load(path)
    rename = _apply("renumber", data, ident, Plan(old=since))
    _dump(path, data)
    _carry_references(standards, rename, since)
    return rename[ident][0]


def _freeze_pending(where: Path) -> None:
    """Between releases the data holds declared changes since the latest edition; freeze them first (as BASE), so
    that the next edition's changes are exactly the plan's, whatever the editors changed since the last release."""
    from generator.editions.freeze import Refused, freeze
    from generator.pipeline import load_model

    checked = load_model(where)
    assert checked.model is not None, [p.as_line() for p in checked.errors]
    with contextlib.suppress(Refused):  # refused when the data is the latest edition: the plan is made against it
        freeze(checked.model, where, checked.editions, BASE)


def _latest(editions: list[Path]) -> str:
    import json

    return max((json.loads(p.read_text(encoding="utf-8")) for p in editions), key=lambda e: e["sequence"])["id"]


def _apply(kind: str, data: dict[str, Any], ident: str, plan: Plan) -> dict[str, list[str]]:
    """Make one change in a group file's data; return how references to `ident` must change."""
    items = data["items"]
    at = next(n for n, i in enumerate(items) if i["id"] == ident)
    item = items[at]
    if kind in ("reword", "substantive"):
        _edit_text(
            item,
            ("as the revised standard puts it", "zoals de herziene standaard het zegt")
            if kind == "reword"
            else ("and also of supervision contracts", "en ook van supervisiecontracten"),
        )
        item.setdefault("changes", []).append(_change(kind, plan.old))
        return {}
    retired = data.setdefault("retired", [])
    if kind == "renumber":
        new = dict(item, id=f"{ident}x")
        items[at] = new
        retired.append({"id": ident, "replaced_by": new["id"], "date": DATE})
        plan.successors[ident] = [new["id"]]
        return {ident: [new["id"]]}
    if kind == "split":
        parts = []
        for suffix, words in (("a", ("first part", "eerste deel")), ("b", ("second part", "tweede deel"))):
            part = {k: v for k, v in item.items() if k != "changes"}
            part = yaml.safe_load(yaml.safe_dump(part))  # a deep copy
            part["id"], part["label"] = f"{ident}{suffix}", f"{item['label']}{suffix}"  # K5a, ba
            _edit_text(part, words)
            parts.append(part)
        items[at : at + 1] = parts
        retired.append({"id": ident, "replaced_by": [p["id"] for p in parts], "date": DATE})
        plan.successors[ident] = [p["id"] for p in parts]
        return {ident: [p["id"] for p in parts]}
    del items[at]  # retire
    reason = {
        "en": "Dropped from the revised standard.",
        "nl": "Vervallen in de herziene standaard.",
        "kind": {"en": "summary", "nl": "summary"},
    }
    retired.append({"id": ident, "reason": reason, "date": DATE})
    return {ident: []}


def _carry_references(standards: Path, rename: dict[str, list[str]], since: str) -> None:
    """Point every reference at the successors (a mapping row at the first; a list at all), or drop it."""
    for path in sorted(standards.rglob("*.yaml")):
        data = _load(path)
        if not _refers(data, rename):
            continue
        if "mappings" in data and isinstance(data.get("mappings"), list):
            rows = []
            for row in data["mappings"]:
                for end in ("source", "target"):
                    if row[end] in rename:
                        row[end] = rename[row[end]][0] if rename[row[end]] else None
                if row["source"] and row["target"]:
                    rows.append(row)
            data["mappings"] = rows
            for gap in data.get("unmapped", []):
                gap["items"] = [n for i in gap["items"] for n in rename.get(i, [i])]
            data["unmapped"] = [g for g in data.get("unmapped", []) if g["items"]]
        for item in data.get("items", []):
            for key in ("ksbs", "assesses"):
                if key in item and any(i in rename for i in item[key]):
                    item[key] = list(dict.fromkeys(n for i in item[key] for n in rename.get(i, [i])))
                    item.setdefault("changes", []).append(dict(_change("correction", since), affects_assessment=False))
        _dump(path, data)
    for path in sorted((standards.parent / "courses").glob("*.yaml")):  # the example courses follow too
        data = _load(path)
        if _refers(data, rename):
            _dump(path, _renamed(data, rename))


def _renamed(data: Any, rename: dict[str, list[str]]) -> Any:
    """`data` with every list of ids pointing at the successors (a retired id left out)."""
    if isinstance(data, dict):
        return {k: _renamed(v, rename) for k, v in data.items()}
    if isinstance(data, list):
        out: list[Any] = []
        for value in data:
            if isinstance(value, str) and value in rename:
                out += [n for n in rename[value] if n not in out]
            else:
                out.append(_renamed(value, rename))
        return out
    return data


def _refers(data: Any, rename: dict[str, list[str]]) -> bool:
    if isinstance(data, str):
        return data in rename
    if isinstance(data, dict):
        return any(_refers(v, rename) for v in data.values())
    if isinstance(data, list):
        return any(_refers(v, rename) for v in data)
    return False
