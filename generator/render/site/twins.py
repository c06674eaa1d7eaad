"""Machine-readable twins: a JSON file beside every framework, group, item and crosswalk page, the catalogue of
every twin at the site root, and the schema.org DefinedTerm JSON-LD of item pages.

- A page published at ``<lang prefix><path>/`` has its twin at ``<lang prefix><path>/index.json`` (schema:
  ``schemas/twin.schema.json``), in the page's language; the page's head links it as
  ``<link rel="alternate" type="application/json">`` (front matter ``twin``, rendered by overrides/main.html).
- ``catalogue.json`` at the site root lists every twin in both languages with the data edition (catalogue.py).
- Stable URIs of items and groups are ``<site_url>id/<framework>/<rest of the id>``; the SSSOM export expands
  its CURIEs (``ST0809:K1``) to the same URIs.
- A crosswalk row or item mapping reviewed before a substantive change of one of its items carries ``reconfirm``
  (which item changed, how, when, in which edition, and why in words); it is absent from every other.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.config import site_url
from generator.model import urls
from generator.model.types import Framework, Group, Item, Lang, Mapping, MappingSet, Model
from generator.render import json_text
from generator.render.exports.common import NOTHING, ToReconfirm, reconfirm_reason
from generator.render.site.context import item_heading

#: Published address of the twin schema, relative to site_url.
SCHEMA = "schemas/twin.schema.json"


@dataclass(frozen=True)
class Twin:
    """One page that has a twin: its source path, kind and the stable id of what it shows."""

    page: str
    kind: str  # framework | group | item | crosswalk
    id: str
    framework: Framework | None = None
    group: Group | None = None
    item: Item | None = None
    mset: MappingSet | None = None
    reverse: bool = False


def stable_uri(stable_id: str) -> str:
    """The language-neutral URI of a framework, group or item id: ST0809:K1 -> <site_url>id/ST0809/K1."""
    return f"{site_url()}id/{stable_id.replace(':', '/', 1)}"


def page_url(page: str, lang: Lang) -> str:
    """The absolute address of a published page in `lang`."""
    return f"{site_url()}{'' if lang == 'en' else lang + '/'}{urls.url_of(page)}"


def twin_path(page: str, lang: Lang) -> str:
    """Published path of a page's twin, relative to the site root."""
    return f"{'' if lang == 'en' else lang + '/'}{urls.url_of(page)}index.json"


def twin_source(page: str, lang: Lang) -> str:
    """Source name of a twin in the generated folder (static-i18n turns index.<lang>.json into index.json)."""
    return f"{urls.url_of(page)}index.{lang}.json"


def twins(model: Model) -> Iterator[Twin]:
    """Every page that has a twin, in the order of the site plan."""
    for mset in model.mapping_sets:
        for reverse in (False, True):
            left, right = (mset.target, mset.source) if reverse else (mset.source, mset.target)
            yield Twin(urls.crosswalk_page(left, right), "crosswalk", f"{left}--{right}", mset=mset, reverse=reverse)
    for fw in model.frameworks:
        yield Twin(urls.framework_page(fw), "framework", fw.id, framework=fw)
        for group in fw.groups:
            yield Twin(urls.group_page(fw, group), "group", group.id, framework=fw, group=group)
            for item in group.items if group.item_pages else ():
                yield Twin(urls.item_page(fw, group, item), "item", item.id, framework=fw, group=group, item=item)


def _ref(model: Model, stable_id: str, lang: Lang) -> dict[str, Any]:
    """A pointer to a framework, group or item: id, URI, page and (when the page has one) twin."""
    if stable_id in model.framework:
        page, anchor, has_twin = urls.framework_page(model.framework[stable_id]), "", True
    elif stable_id in model.groups:
        group = model.groups[stable_id]
        page, anchor, has_twin = urls.group_page(model.framework[group.framework], group), "", True
    else:
        page, anchor = urls.item_target(model, stable_id)
        has_twin = not anchor
    url = page_url(page, lang) + (f"#{anchor}" if anchor else "")
    out = {"id": stable_id, "uri": stable_uri(stable_id), "url": url}
    return out | ({"twin": site_url() + twin_path(page, lang)} if has_twin else {})


def _text(value: Any, lang: Lang) -> dict[str, str]:
    return {"text": value.get(lang), "kind": value.kind(lang)}


def _reconfirm(m: Mapping, lang: Lang, reconfirm: ToReconfirm) -> dict[str, Any]:
    """{"reconfirm": why} for a row to re-confirm, else nothing."""
    why = reconfirm.get((m.source, m.target))
    if why is None:
        return {}
    return {
        "reconfirm": {
            "item": why.item,
            "edition": why.edition,
            "date": why.date,
            "kind": why.entry.kind,
            "reason": reconfirm_reason(why, m.reviewed_date, lang),
        }
    }


def _checked(fw: Framework, lang: Lang) -> dict[str, Any]:
    """When we last compared the framework with its publisher, and its status in a sentence when the data gives one."""
    return {"checked_on": fw.checked_on} | ({"status_note": _text(fw.status_note, lang)} if fw.status_note else {})


def _framework_status(fw: Framework, lang: Lang) -> dict[str, Any]:
    """What the status line of a group or item page says of its framework, and where its status panel is."""
    return (
        {"version": fw.version, "status": fw.status}
        | _checked(fw, lang)
        | {"panel": page_url(urls.framework_page(fw), lang) + "#status"}
    )


def _body(model: Model, tw: Twin, lang: Lang, reconfirm: ToReconfirm) -> dict[str, Any]:
    """What a twin says beyond its head, by the kind of its page."""
    if tw.kind == "crosswalk" and tw.mset:
        return _crosswalk_body(model, tw.mset, tw.reverse, lang, reconfirm)
    if tw.kind == "framework" and tw.framework:
        return _framework_body(model, tw.framework, lang)
    if tw.kind == "group" and tw.group:
        return _group_body(model, tw.group, lang)
    assert tw.item is not None
    return _item_body(model, tw.item, lang, reconfirm)


def _crosswalk_body(
    model: Model, mset: MappingSet, reverse: bool, lang: Lang, reconfirm: ToReconfirm
) -> dict[str, Any]:
    """A crosswalk read from one side: its two frameworks and every row, each relation seen from the left."""
    left, right = (mset.target, mset.source) if reverse else (mset.source, mset.target)
    rows = []
    for row in mset.mappings:
        a, b = (row.target, row.source) if reverse else (row.source, row.target)
        rel = model.relation[row.relation]
        rel = model.relation[rel.inverse] if reverse else rel
        rows.append(
            {
                "left": _ref(model, a, lang),
                "relation": rel.id,
                "skos": rel.skos,
                "right": _ref(model, b, lang),
                "rationale": _text(row.rationale, lang),
                "reviewed": {"by": row.reviewed_by, "date": row.reviewed_date},
            }
            | _reconfirm(row, lang, reconfirm)
        )
    fws = [model.framework[x] for x in (left, right)]
    return {
        "title": f"{fws[0].title.get(lang)} → {fws[1].title.get(lang)}",
        "frameworks": [_ref(model, f.id, lang) | {"version": f.version} for f in fws],
        "rows": rows,
    }


def _framework_body(model: Model, fw: Framework, lang: Lang) -> dict[str, Any]:
    """A framework: its version, publisher and status (with its panel and when it was checked), licence, groups."""
    return (
        {
            "title": fw.title.get(lang),
            "version": fw.version,
            "publisher": fw.publisher.get(lang),
            "status": fw.status,
        }
        | _checked(fw, lang)
        | {
            "status_panel": [
                {"id": f.id, "label": f.label.get(lang)}
                | _text(f.value, lang)
                | ({"confidence": f.confidence} if f.confidence else {})
                for f in fw.facts
                if f.panel
            ],
            "licence": {"id": fw.licence.id, "name": fw.licence.name.get(lang)}
            | ({"url": fw.licence.url} if fw.licence.url else {}),
            "groups": [_ref(model, g.id, lang) for g in fw.groups],
        }
    )


def _group_body(model: Model, group: Group, lang: Lang) -> dict[str, Any]:
    """A group: its framework (and its status) and every item with its statement."""
    return {
        "title": group.title.get(lang),
        "framework": _ref(model, group.framework, lang),
        "framework_status": _framework_status(model.framework[group.framework], lang),
        "items": [
            _ref(model, i.id, lang) | {"label": i.label_in(lang)} | _text(i.statement, lang) for i in group.items
        ],
    }


def _item_body(model: Model, item: Item, lang: Lang, reconfirm: ToReconfirm) -> dict[str, Any]:
    """An item: its place, statement and sub-points, and its mappings, each relation seen from the item."""
    mappings = []
    for m, direction in model.mappings_of.get(item.id, ()):
        rel = model.relation[m.relation]
        rel = rel if direction == "out" else model.relation[rel.inverse]
        other = m.target if direction == "out" else m.source
        mappings.append(
            {
                "relation": rel.id,
                "skos": rel.skos,
                "item": _ref(model, other, lang),
                "rationale": _text(m.rationale, lang),
            }
            | _reconfirm(m, lang, reconfirm)
        )
    return {
        "title": item_heading(model, item, lang),
        "label": item.label_in(lang),
        "framework": _ref(model, item.framework, lang),
        "framework_status": _framework_status(model.framework[item.framework], lang),
        "group": _ref(model, item.group, lang),
        "statement": _text(item.statement, lang),
        "subpoints": [s.get(lang) for s in item.subpoints],
        "mappings": mappings,
    }


def twin(model: Model, tw: Twin, lang: Lang, reconfirm: ToReconfirm = NOTHING) -> dict[str, Any]:
    """The twin of one page in one language (the crosswalk rows in `reconfirm` marked as to be re-confirmed)."""
    other: Lang = "nl" if lang == "en" else "en"
    head = {
        "$schema": site_url() + SCHEMA,
        "kind": tw.kind,
        "id": tw.id,
        "lang": lang,
        "url": page_url(tw.page, lang),
        "twin": site_url() + twin_path(tw.page, lang),
        "translation": site_url() + twin_path(tw.page, other),
    }
    if tw.kind != "crosswalk":
        head["uri"] = stable_uri(tw.id)
    return head | _body(model, tw, lang, reconfirm)


def dumps(data: Any) -> str:
    """A twin's text: JSON indented by two spaces, keys in the order given."""
    return json_text.indented(data)


def json_ld(model: Model, item: Item, page: str, lang: Lang) -> str:
    """schema.org DefinedTerm of an item page (in a DefinedTermSet: its group), safe inside <script>."""
    group = model.groups[item.group]
    fw = model.framework[item.framework]
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": stable_uri(item.id),
        "identifier": item.id,
        "termCode": item.label_in(lang),
        "name": item_heading(model, item, lang),
        "description": item.statement.get(lang),
        "inLanguage": lang,
        "url": page_url(page, lang),
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": stable_uri(group.id),
            "identifier": group.id,
            "name": f"{fw.title.get(lang)}: {group.title.get(lang)}",
            "url": page_url(urls.group_page(fw, group), lang),
        },
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def front_matter(model: Model, tw: Twin, lang: Lang) -> list[str]:
    """Front-matter lines a page with a twin carries: the twin's path, and for items the JSON-LD."""
    lines = [f"twin: {json.dumps(twin_path(tw.page, lang))}"]
    if tw.item is not None:
        lines.append(f"jsonld: {json.dumps(json_ld(model, tw.item, tw.page, lang), ensure_ascii=True)}")
    return lines
