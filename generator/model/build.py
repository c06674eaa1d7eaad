"""Model stage, construction: the frozen model built once from the schema-valid, rule-checked documents."""

from __future__ import annotations

from typing import Any

from generator.load.documents import Document
from generator.load.loaded import Loaded
from generator.model.types import (
    Change,
    Condition,
    Detail,
    Framework,
    Gap,
    Group,
    Item,
    Label,
    Licence,
    Mapping,
    MappingSet,
    Model,
    Relation,
    RequirementSet,
    Retired,
    Source,
    Text,
)


def _text(d: dict[str, Any] | None) -> Text | None:
    if d is None:
        return None
    return _required_text(d)


def _required_text(d: dict[str, Any]) -> Text:
    return Text(d["en"], d["nl"], d["kind"]["en"], d["kind"]["nl"])


def _label(d: dict[str, Any] | None) -> Label | None:
    return None if d is None else Label(d["en"], d["nl"])


def _req_text(d: dict[str, Any]) -> Text:
    text = _text(d)
    assert text is not None
    return text


def _req_label(d: dict[str, Any]) -> Label:
    label = _label(d)
    assert label is not None
    return label


def _detail(d: dict[str, Any]) -> Detail:
    return Detail(
        _req_label(d["label"]), _req_text(d["value"]), d.get("id"), d.get("confidence"), d.get("panel") or None
    )


def _changes(d: dict[str, Any]) -> tuple[Change, ...]:
    return tuple(
        Change(c["since"], c["date"], c["kind"], c["affects_assessment"], _text(c.get("note")))
        for c in d.get("changes", [])
    )


def _successors(entry: dict[str, Any]) -> tuple[str, ...]:
    value = entry.get("replaced_by")
    return () if value is None else (value,) if isinstance(value, str) else tuple(value)


def _label_en(label: str | dict[str, str]) -> str:
    return label if isinstance(label, str) else label["en"]


def _label_nl(label: str | dict[str, str]) -> str | None:
    return None if isinstance(label, str) or label["nl"] == label["en"] else label["nl"]


def _item(d: dict[str, Any], framework: str, group: str, default_confidence: str | None) -> Item:
    return Item(
        id=d["id"],
        label=_label_en(d["label"]),
        label_nl=_label_nl(d["label"]),
        framework=framework,
        group=group,
        statement=_req_text(d["statement"]),
        title=_text(d.get("title")),
        status=d.get("status", "available"),
        subpoints=tuple(_req_text(s) for s in d.get("subpoints", [])),
        parent=d.get("parent"),
        theories=tuple(_req_label(t) for t in d.get("theories", [])),
        details=tuple(_detail(x) for x in d.get("details", [])),
        ksbs=tuple(d.get("ksbs", [])),
        assesses=tuple(d.get("assesses", [])),
        links_confidence=d.get("links_confidence"),
        confidence=d.get("confidence", default_confidence),
        official_url=d.get("official_url"),
        note=_text(d.get("note")),
        guid=d.get("guid"),
        changes=_changes(d),
    )


def build(loaded: Loaded) -> Model:
    """Turn checked documents into the model. Call only when the check found no errors."""
    frameworks = []
    requirement_sets = []
    for folder, fw_doc in sorted(loaded.frameworks.items(), key=lambda kv: kv[1].data["id"]):
        frameworks.append(_framework(folder, fw_doc.data, loaded))
        if folder in loaded.requirements:
            requirement_sets.append(_requirement_set(loaded.requirements[folder].data, fw_doc.data["id"]))
    relations: tuple[Relation, ...] = ()
    if loaded.relations is not None:
        relations = tuple(_relation(r) for r in loaded.relations.data["relations"])
    all_groups = {f.id: tuple(g.id for g in f.groups) for f in frameworks}
    mapping_sets = [_mapping_set(doc, all_groups) for doc in sorted(loaded.mappings, key=lambda d: d.rel)]
    return Model(tuple(frameworks), relations, tuple(mapping_sets), tuple(requirement_sets))


def _groups(fw: dict[str, Any], folder: str, loaded: Loaded) -> tuple[Group, ...]:
    """A framework's groups, in the order its framework.yaml lists them, each with its items and retired ids."""
    by_stem = {d.path.stem: d.data for d in loaded.groups.get(folder, [])}
    role_of = {stem: role for role, stems in fw.get("roles", {}).items() for stem in stems}
    groups = []
    for stem in fw["groups"]:
        g = by_stem[stem]
        groups.append(
            Group(
                id=g["id"],
                stem=stem,
                framework=fw["id"],
                title=_req_text(g["title"]),
                items=tuple(_item(i, fw["id"], g["id"], g.get("confidence")) for i in g["items"]),
                intro=_text(g.get("intro")),
                item_pages=g.get("item_pages", True),
                confidence=g.get("confidence"),
                role=role_of.get(stem),
                retired=tuple(
                    Retired(r["id"], r["date"], _successors(r), _text(r.get("reason"))) for r in g.get("retired", [])
                ),
            )
        )
    return tuple(groups)


def _framework(folder: str, fw: dict[str, Any], loaded: Loaded) -> Framework:
    """One framework from its framework.yaml and its group files."""
    lic = fw["licence"]
    return Framework(
        id=fw["id"],
        folder=folder,
        title=_req_text(fw["title"]),
        publisher=_req_label(fw["publisher"]),
        reference=fw["reference"],
        version=fw["version"],
        status=fw["status"],
        official_languages=tuple(fw["official_languages"]),
        licence=Licence(lic["id"], _req_label(lic["name"]), _req_text(lic["attribution"]), lic.get("url")),
        sources=tuple(
            Source(s["id"], _req_label(s["title"]), s.get("url"), _text(s.get("note"))) for s in fw["sources"]
        ),
        groups=_groups(fw, folder, loaded),
        short_title=_label(fw.get("short_title")),
        level=fw.get("level"),
        date=fw.get("date"),
        official_url=fw.get("official_url"),
        facts=tuple(_detail(f) for f in fw.get("facts", [])),
        completeness=tuple(_req_text(c) for c in fw.get("completeness", [])),
        changes=_changes(fw),
        checked_on=fw["checked_on"],
        status_note=_text(fw.get("status_note")),
    )


def _requirement_set(r: dict[str, Any], framework: str) -> RequirementSet:
    """A framework's requirement set (requirements.yaml), its conditions stored as data."""
    return RequirementSet(
        r["id"],
        framework,
        _req_text(r["title"]),
        _req_text(r["source"]),
        tuple(
            Condition(c["id"], _req_text(c["statement"]), c["rule"], _text(c.get("quote")), c["basis"])
            for c in r["conditions"]
        ),
    )


def _relation(r: dict[str, Any]) -> Relation:
    """One relation of the vocabulary (relations.yaml)."""
    return Relation(
        r["id"],
        _req_label(r["label"]),
        _req_text(r["definition"]),
        r["skos"],
        r["case_type"],
        r["inverse"],
        r["strength"],
        r["mark"],
        r["colour"],
    )


def _mapping_set(doc: Document, all_groups: dict[str, tuple[str, ...]]) -> MappingSet:
    """One mapping file: its rows (each reviewed by the file's reviewer unless it names its own), the groups it
    compares (all of both frameworks unless it says) and the items it leaves unmapped, with why."""
    m = doc.data
    review = m["reviewed"]
    rows = tuple(
        Mapping(
            r["source"],
            r["target"],
            r["relation"],
            _req_text(r["rationale"]),
            r.get("reviewed", review)["by"],
            r.get("reviewed", review)["date"],
            _changes(r),
        )
        for r in m["mappings"]
    )
    compared = m.get("compared", {})
    unmapped = tuple(Gap(i, _required_text(u["reason"])) for u in m.get("unmapped", []) for i in u["items"])
    return MappingSet(
        doc.path.stem,
        m["source"],
        m["target"],
        rows,
        _text(m.get("description")),
        tuple(compared.get("source", all_groups[m["source"]])),
        tuple(compared.get("target", all_groups[m["target"]])),
        unmapped,
        m.get("licence"),
    )
