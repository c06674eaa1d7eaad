"""The data the workbook page's script reads (`script_data`): the items with their evidence notes, the cross-framework
candidates, the edition and what changed since, the limits of an imported file and the interface strings the script
fills in; and the names both the page and the script give an item and its notes."""

from __future__ import annotations

from generator.model import urls
from generator.model.types import Framework, Item, Lang
from generator.render.site.context import Page, item_heading, item_name
from generator.render.site.workbook_data import Link, cross_views, edition, links, since, workbook_groups
from generator.render.strings import t

STATES = ("none", "working", "ready")
#: Interface strings the script needs (templates with {placeholders}; the script fills them in).
SCRIPT_STRINGS = (
    "wb-state.none",
    "wb-state.working",
    "wb-state.ready",
    "wb-progress-line",
    "wb-exported",
    "wb-imported",
    "wb-cleared",
    "wb-clear-confirm",
    "wb-import-failed",
    "wb-error.not-json",
    "wb-error.too-big",
    "wb-error.empty",
    "wb-error.shape",
    "wb-error.unsafe-key",
    "wb-error.html",
    "wb-error.too-long",
    "wb-error.framework",
    "wb-edition-changed",
    "wb-edition-gone",
    "wb-changed-mark",
    "wb-html-note",
    "wb-no-storage",
    "wb-cross-summary",
    "wb-cross-covered",
    "wb-cross-working",
    "wb-cross-open",
    "wb-cross-unmapped",
    "wb-gone-title",
    "wb-no-links",
    "wb-edition-since",
    "wb-since.corrected",
    "wb-since.reworded",
    "wb-since.moved",
    "wb-since.changed",
    "wb-since.merged",
    "wb-since.split",
    "wb-since.retired",
    "wb-since-caption",
    "wb-since-old",
    "wb-since-new",
    "wb-since-gone",
    "wb-since-note",
    "wb-since-same",
    "wb-import-confirm",
    "wb-import-cancelled",
    "wb-unreadable",
    "wb-unreadable-unkept",
    "wb-unreadable-download",
    "wb-other-tab",
)
#: The fields of the portfolio table (key in the file -> its label).
FIELDS = {
    "apprentice": "wb-field.apprentice",
    "employer": "wb-field.employer",
    "assessor": "wb-field.assessor",
    "date": "wb-field.date",
}
#: Limits an imported file must keep (the schema says the same).
MAX_KB = 256
MAX_NOTE = 5000
#: The published schema of an exported file (schemas/workbook.schema.json, also on the downloads page).
SCHEMA_ID = "https://coachref.example.org/schemas/workbook.schema.json"


def dom_id(item: Item) -> str:
    return f"wb-{urls.slug(item.group)}-{urls.slug(item.id)}"


def method_label(p: Page, link: Link) -> str:
    """'EPA 1: Observation with questions and answers', then "?" or '(our inference)' when the link is not known."""
    name = item_heading(p.model, link.target, p.lang)
    return {"yes": name, "unknown": f"{name}?"}.get(link.state, f"{name} ({t('wb-link-inferred', p.lang)})")


def note_keys(p: Page, fw: Framework, item: Item) -> list[tuple[str, str]]:
    """(key in the file, label) of each evidence note of `item`: its assessment methods, or else the item itself."""
    methods = links(fw, item, "assesses")
    if not methods:
        return [(item.id, t("evidence", p.lang))]
    return [(k.target.id, t("wb-evidence-for", p.lang, method=method_label(p, k))) for k in methods]


def script_data(p: Page, fw: Framework) -> dict[str, object]:
    """Everything the script combines with the reader's state, computed here so the script never searches."""
    lang: Lang = p.lang
    name = {i.id: item_name(p.model, i, lang) for i in p.model.items.values()}
    groups = workbook_groups(fw)
    notes = {i.id: note_keys(p, fw, i) for g in groups for i in g.items}
    items = {
        i.id: {"label": name[i.id], "dom": dom_id(i), "methods": [k for k, _label in notes[i.id]]}
        for g in groups
        for i in g.items
    }
    methods = {k: name.get(k, t("evidence", lang)) for keys in notes.values() for k, _label in keys}
    cross = [
        {
            "other": v.other.id,
            "items": [
                {"id": x.item.id, "label": name[x.item.id], "candidates": [list(c) for c in x.candidates]}
                for _g, rows in v.groups
                for x in rows
            ],
        }
        for v in cross_views(p.model, fw)
    ]
    return {
        "framework": fw.id,
        "schema": SCHEMA_ID,
        "storage": f"coachref-workbook:{fw.id}",
        "edition": {**edition(p.model, fw), "id": p.history.current_id if p.history else None},
        "since": since(p.history, fw, lang),
        "groups": [{"id": g.id, "items": [i.id for i in g.items]} for g in groups],
        "items": items,
        "methods": methods,
        "relations": {r.id: r.label.get(lang) for r in p.model.relations},
        "cross": cross,
        "fields": list(FIELDS),
        "states": list(STATES),
        "maxKb": MAX_KB,
        "maxNote": MAX_NOTE,
        "strings": {key: t(key, lang) for key in SCRIPT_STRINGS},
    }
