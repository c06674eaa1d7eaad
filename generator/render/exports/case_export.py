"""Render stage for CASE 1.1: one CFPackage (JSON) per framework and language, with crosswalks as associations.

- Identifiers are uuid5(CASE_NAMESPACE, "<our stable id>|<lang>"): lowercase, RFC 4122 variant (8–b), the same in
  every export and on every machine, so importers update records instead of duplicating them.
- Groups become CFItems (CFItemType "Group"/"Groep"); each item's CFItemType is its group's title. Hierarchy is
  isChildOf: group → document, item → its parent item if it has one, else its group.
- A crosswalk row becomes a CFAssociation of the nearest CASE type (relations.yaml `case_type`), with the precise
  SKOS relation, rationale and review in `notes` and `extensions`. It sits in both frameworks' packages under one
  identifier. The document in a non-official language isTranslationOf the one in an official language.
- A row to re-confirm (reviewed before a substantive change of one of its items) keeps its association; its
  `notes` start with "To be re-confirmed:" and why, and its extensions carry `reconfirm` (item, edition, date).
- Dates come from the data (the framework's date, a mapping's review date, else dates.data_date), never the clock.
"""

from __future__ import annotations

import uuid
from typing import Any

from generator.config import site_url
from generator.model.dates import data_date, full_date
from generator.model.types import LANGUAGES, Framework, Group, Item, Lang, Mapping, Model
from generator.render import json_text
from generator.render.exports.common import (
    NOTHING,
    ToReconfirm,
    framework_url,
    official_url,
    reconfirm_reason,
    subpoints,
)
from generator.render.strings import t

#: Namespace for every CASE identifier we mint. Generated once at random (uuid4) for this project; never change it,
#: or every published CASE identifier changes with it.
CASE_NAMESPACE = uuid.UUID("1ff53e9d-6371-45d4-a99d-8cc93633a40e")

SKOS_NS = "http://www.w3.org/2004/02/skos/core#"


def case_id(stable_id: str, lang: str) -> str:
    """The CASE identifier of one of our records in one language."""
    return str(uuid.uuid5(CASE_NAMESPACE, f"{stable_id}|{lang}"))


def case_uri(identifier: str) -> str:
    """The URI of a CASE record on the site: <mkdocs.yml site_url>case/<uuid>."""
    return f"{site_url()}case/{identifier}"


def _stamp(date: str | None) -> str:
    return f"{date}T00:00:00Z"


def _link(title: str, stable_id: str, lang: str) -> dict[str, str]:
    identifier = case_id(stable_id, lang)
    return {"title": title, "identifier": identifier, "uri": case_uri(identifier)}


def _node(title: str, stable_id: str, lang: str) -> dict[str, str]:
    return {**_link(title, stable_id, lang), "targetType": "CASE"}


def _association(
    key: str, kind: str, origin: dict[str, str], destination: dict[str, str], changed: str, lang: str, **extra: Any
) -> dict[str, Any]:
    identifier = case_id(key, lang)
    return {
        "identifier": identifier,
        "associationType": kind,
        "uri": case_uri(identifier),
        "originNodeURI": origin,
        "destinationNodeURI": destination,
        "lastChangeDateTime": changed,
        **extra,
    }


def _statement(item: Item, lang: Lang) -> str:
    text = item.statement.get(lang)
    points = subpoints(item, lang)
    return text + "\n" + "\n".join(f"- {p}" for p in points.split("\n")) if points else text


def _item(model: Model, item: Item, group: Group, position: int, lang: Lang, changed: str) -> dict[str, Any]:
    identifier = case_id(item.id, lang)
    record: dict[str, Any] = {
        "identifier": identifier,
        "fullStatement": _statement(item, lang),
        "alternativeLabel": item.label_in(lang),
        "CFItemType": group.title.get(lang),
        "uri": case_uri(identifier),
        "humanCodingScheme": item.id,
        "listEnumeration": str(position),
    }
    if item.title:
        record["abbreviatedStatement"] = item.title.get(lang)
    record |= {
        "notes": t(f"case.kind-note.{item.statement.kind(lang)}", lang),
        "language": lang,
        "CFItemTypeURI": _link(group.title.get(lang), f"{group.id}#type", lang),
        "lastChangeDateTime": changed,
    }
    ext: dict[str, Any] = {
        "coachrefId": item.id,
        "framework": item.framework,
        "group": group.id,
        "textKind": item.statement.kind(lang),
        "status": item.status,
    }
    for key, value in (
        ("parent", item.parent),
        ("confidence", item.confidence),
        ("linksConfidence", item.links_confidence if item.ksbs or item.assesses else None),
        ("officialURL", official_url(model, item) or None),
    ):
        if value:
            ext[key] = value
    record["extensions"] = ext
    return record


def _group_item(group: Group, position: int, lang: Lang, changed: str) -> dict[str, Any]:
    identifier = case_id(group.id, lang)
    return {
        "identifier": identifier,
        "fullStatement": group.title.get(lang),
        "CFItemType": t("case.group-type", lang),
        "uri": case_uri(identifier),
        "humanCodingScheme": group.id,
        "listEnumeration": str(position),
        "language": lang,
        "CFItemTypeURI": _link(t("case.group-type", lang), f"{group.framework}#group-type", lang),
        "lastChangeDateTime": changed,
        "extensions": {"coachrefId": group.id, "textKind": group.title.kind(lang)},
    }


def _item_type(stable_id: str, title: str, description: str, code: str, lang: str, changed: str) -> dict[str, Any]:
    identifier = case_id(stable_id, lang)
    return {
        "identifier": identifier,
        "uri": case_uri(identifier),
        "title": title,
        "description": description,
        "hierarchyCode": code,
        "lastChangeDateTime": changed,
    }


def _mapping(model: Model, m: Mapping, set_id: str, lang: Lang, reconfirm: ToReconfirm) -> dict[str, Any]:
    rel = model.relation[m.relation]
    src, tgt = model.items[m.source], model.items[m.target]
    note = f"{rel.label.get(lang)} ({rel.skos}): {m.rationale.get(lang)}"
    extensions: dict[str, Any] = {
        "relation": rel.id,
        "skos": rel.skos,
        "skosURI": SKOS_NS + rel.skos.removeprefix("skos:"),
        "rationaleKind": m.rationale.kind(lang),
        "reviewedBy": m.reviewed_by,
        "reviewedDate": m.reviewed_date,
        "mappingSet": set_id,
    }
    if (why := reconfirm.get((m.source, m.target))) is not None:
        note = f"{t('reconfirm', lang)}: {reconfirm_reason(why, m.reviewed_date, lang)} {note}"
        extensions["reconfirm"] = {"item": why.item, "edition": why.edition, "date": why.date}
    return _association(
        f"mapping:{m.source}|{m.target}",
        rel.case_type,
        _node(src.id, src.id, lang),
        _node(tgt.id, tgt.id, lang),
        _stamp(full_date(m.reviewed_date)),
        lang,
        notes=note,
        extensions=extensions,
    )


def _translation(framework: Framework, changed: str) -> dict[str, Any] | None:
    """The isTranslationOf association between the framework's two documents (same in both packages)."""
    official = [lang for lang in LANGUAGES if lang in framework.official_languages]
    source: Lang = official[0] if official else "en"
    other = next((lang for lang in LANGUAGES if lang != source), None)
    if other is None:
        return None
    key = f"{framework.id}#translation"
    return _association(
        key,
        "isTranslationOf",
        _node(framework.title.get(other), framework.id, other),
        _node(framework.title.get(source), framework.id, source),
        changed,
        f"{other}>{source}",
    )


def _document(
    framework: Framework, doc_id: str, title: str, licence: dict[str, str], changed: str, lang: Lang
) -> dict[str, Any]:
    """The package's CFDocument: the framework as a whole, in CASE's order of fields."""
    document: dict[str, Any] = {
        "identifier": doc_id,
        "uri": case_uri(doc_id),
        "frameworkType": "competency framework",
        "caseVersion": "1.1",
        "creator": framework.publisher.get(lang),
        "title": title,
        "lastChangeDateTime": changed,
    }
    if url := framework_url(framework):
        document["officialSourceURL"] = url
    document |= {
        "publisher": framework.publisher.get(lang),
        "language": lang,
        "version": framework.version,
        "licenseURI": licence,
    }
    if framework.date and full_date(framework.date) == framework.date:  # only a full date, never a guessed day
        document["statusStartDate"] = framework.date
    document["extensions"] = {
        "coachrefId": framework.id,
        "reference": framework.reference,
        "status": framework.status,
        "officialLanguages": list(framework.official_languages),
        "titleKind": framework.title.kind(lang),
    }
    return document


def package(model: Model, framework: Framework, lang: Lang, reconfirm: ToReconfirm = NOTHING) -> dict[str, Any]:
    """The CFPackage of one framework in one language, as JSON-ready data."""
    changed = _stamp(full_date(framework.date) or data_date(model))
    doc_id = case_id(framework.id, lang)
    title = framework.title.get(lang)
    licence = _link(framework.licence.name.get(lang), f"{framework.id}#licence", lang)
    document = _document(framework, doc_id, title, licence, changed, lang)
    doc_node = _node(title, framework.id, lang)
    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []
    group_type = t("case.group-type", lang)
    types = [_item_type(f"{framework.id}#group-type", group_type, group_type, "0", lang, changed)]
    for g_pos, group in enumerate(framework.groups, start=1):
        items.append(_group_item(group, g_pos, lang, changed))
        group_node = _node(group.title.get(lang), group.id, lang)
        associations.append(
            _association(f"{group.id}#childOf", "isChildOf", group_node, doc_node, changed, lang, sequenceNumber=g_pos)
        )
        types.append(
            _item_type(f"{group.id}#type", group.title.get(lang), group.title.get(lang), str(g_pos), lang, changed)
        )
        for i_pos, item in enumerate(group.items, start=1):
            items.append(_item(model, item, group, i_pos, lang, changed))
            parent = _node(item.parent, item.parent, lang) if item.parent else group_node
            associations.append(
                _association(
                    f"{item.id}#childOf",
                    "isChildOf",
                    _node(item.id, item.id, lang),
                    parent,
                    changed,
                    lang,
                    sequenceNumber=i_pos,
                )
            )
    for mset in model.mapping_sets:
        if framework.id in (mset.source, mset.target):
            associations += [_mapping(model, m, mset.id, lang, reconfirm) for m in mset.mappings]
    if (translation := _translation(framework, changed)) is not None:
        associations.append(translation)
    attribution = framework.licence.attribution.get(lang)
    licence_record = {
        "identifier": licence["identifier"],
        "uri": licence["uri"],
        "title": licence["title"],
        "description": framework.licence.url or licence["title"],
        "licenseText": attribution,
        "lastChangeDateTime": changed,
    }
    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {"CFItemTypes": types, "CFLicenses": [licence_record]},
    }


def render(model: Model, framework: Framework, lang: Lang, reconfirm: ToReconfirm = NOTHING) -> bytes:
    """One package as UTF-8 JSON, two-space indent, newline at the end."""
    data = package(model, framework, lang, reconfirm)
    return json_text.indented_bytes(data)


def export(model: Model, lang: Lang | None, reconfirm: ToReconfirm = NOTHING) -> dict[str, bytes]:
    """`<framework>-<lang>.case.json` (the name the site publishes) for one language, or both when `lang` is None."""
    return {
        f"{f.id}-{code}.case.json": render(model, f, code, reconfirm)
        for code in ((lang,) if lang else LANGUAGES)
        for f in model.frameworks
    }
