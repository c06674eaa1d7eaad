"""The apprentice's workbook page of a framework with KSB groups: server-rendered items with status and evidence
fields, the portfolio mapping table to print and the cross-framework view, plus the JSON its script reads."""

from __future__ import annotations

from generator.model import urls
from generator.model.inventory import is_ksb_framework
from generator.model.types import Framework, Item, Lang
from generator.render import markup as mk
from generator.render.site.context import Page, item_heading, item_name, status_line
from generator.render.site.furniture import html_item_link, page_head, print_furniture, print_meta, scroll, short
from generator.render.site.workbook_data import (
    CrossView,
    Link,
    LinkField,
    cross_views,
    edition,
    links,
    since,
    workbook_groups,
)
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


def _link_names(p: Page, found: list[Link]) -> str:
    """'EPA 3 (our inference); EPA 1?, EPA 2?': known first, then inferred, then not yet known (marked "?", which
    the page explains once: wb-unknown-note)."""
    parts = []
    for state, note in (("yes", ""), ("inferred", "wb-link-inferred"), ("unknown", "")):
        names = [
            item_name(p.model, link.target, p.lang) + ("?" if state == "unknown" else "")
            for link in found
            if link.state == state
        ]
        if names:
            parts.append(", ".join(names) + (f" ({t(note, p.lang)})" if note else ""))
    return "; ".join(parts) or t("wb-no-links", p.lang)


def _method_label(p: Page, link: Link) -> str:
    """'EPA 1: Observation with questions and answers', then "?" or '(our inference)' when the link is not known."""
    name = item_heading(p.model, link.target, p.lang)
    return {"yes": name, "unknown": f"{name}?"}.get(link.state, f"{name} ({t('wb-link-inferred', p.lang)})")


def _has_unknown(fw: Framework) -> bool:
    """Whether any item of the workbook shows a duty or method whose link is not yet known."""
    fields: tuple[LinkField, ...] = ("ksbs", "assesses")
    return any(
        link.state == "unknown"
        for g in workbook_groups(fw)
        for i in g.items
        for field in fields
        for link in links(fw, i, field)
    )


def _note_keys(p: Page, fw: Framework, item: Item) -> list[tuple[str, str]]:
    """(key in the file, label) of each evidence note of `item`: its assessment methods, or else the item itself."""
    methods = links(fw, item, "assesses")
    if not methods:
        return [(item.id, t("evidence", p.lang))]
    return [(k.target.id, t("wb-evidence-for", p.lang, method=_method_label(p, k))) for k in methods]


def _status(p: Page, item: Item, dom: str) -> mk.Markup:
    legend = mk.el("legend", t("wb-status-of", p.lang, item=item_name(p.model, item, p.lang)))
    options = [
        mk.el(
            "label",
            mk.void("input", type="radio", name=f"{dom}-status", value=s, checked=s == "none"),
            " ",
            t(f"wb-state.{s}", p.lang),
        )
        for s in STATES
    ]
    return mk.el("fieldset", legend, *options, class_="cr-wb-status")


def _item(p: Page, fw: Framework, item: Item) -> mk.Markup:
    """One item: its name and statement, duty and method, a status choice and a note per assessment method."""
    lang, dom = p.lang, dom_id(item)
    methods = links(fw, item, "assesses")
    meta = mk.el(
        "dl",
        mk.el("dt", t("wb-duty", lang)),
        mk.el("dd", _link_names(p, links(fw, item, "ksbs"))),
        mk.el("dt", t("wb-method", lang)),
        mk.el("dd", _link_names(p, methods)),
        class_="cr-wb-meta",
    )
    notes = []  # one per assessment method; an item without any known method gets one general note
    for key, label in _note_keys(p, fw, item):
        note_id = f"{dom}-{urls.slug(key)}"
        notes.append(
            mk.el(
                "div",
                mk.el("label", label, for_=note_id),
                mk.el("textarea", id=note_id, rows=2, maxlength=MAX_NOTE, data_method=key),
                class_="cr-wb-note",
            )
        )
    head = mk.el("h4", html_item_link(p, item.id), class_="cr-wb-name")
    return mk.el(
        "li",
        head,
        mk.el("p", item.statement.get(lang), class_="cr-wb-statement"),
        meta,
        _status(p, item, dom),
        *notes,
        id=dom,
        class_="cr-wb-item",
        data_item=item.id,
    )


def _progress(p: Page, total: int, key: str) -> mk.Markup:
    line = t("wb-progress-line", p.lang, ready=0, total=total, working=0)
    return mk.el(
        "p",
        mk.el("span", line, class_="cr-wb-count"),
        mk.el("span", class_="cr-wb-bar", aria_hidden="true"),
        class_="cr-wb-progress",
        data_progress=key,
    )


def _work(p: Page, fw: Framework) -> list[str]:
    groups = workbook_groups(fw)
    overall = mk.el(
        "div",
        mk.el("strong", t("wb-overall", p.lang)),
        _progress(p, sum(len(g.items) for g in groups), "all"),
        class_="cr-wb-overall",
    )
    lines = [f"## {t('wb-progress', p.lang)} {{: .cr-wb-noprint }}", "", overall, ""]
    for group in groups:
        lines += [
            f"### {mk.text(group.title.get(p.lang))} {{: .cr-wb-noprint }}",
            "",
            _progress(p, len(group.items), group.id),
            "",
            mk.el("ol", *(_item(p, fw, i) for i in group.items), class_="cr-wb-items"),
            "",
        ]
    lines += [mk.el("div", mk.el("h3", t("wb-gone-title", p.lang)), mk.el("ul"), class_="cr-wb-gone", hidden=True), ""]
    return lines


def _tools(p: Page) -> list[str]:
    lang = p.lang
    buttons = [
        mk.el("button", t("wb-export", lang), type="button", class_="md-button", data_action="export"),
        mk.el(
            "span",
            mk.el("label", t("wb-import", lang), for_="wb-import"),
            " ",
            mk.void("input", type="file", id="wb-import", accept=".json,application/json"),
            class_="cr-wb-import",
        ),
        mk.el("button", t("wb-clear", lang), type="button", class_="md-button", data_action="clear"),
    ]
    schema = mk.el(
        "a", t("wb-schema", lang), href=urls.html_link(p.path, "downloads/json/workbook.schema.json").rstrip("/")
    )
    tools = mk.el(
        "div", mk.el("p", mk.el("strong", t("wb-file", lang)), " ", schema), *buttons, class_="cr-wb-tools", hidden=True
    )
    status = mk.el("p", class_="cr-wb-message", role="status", aria_live="polite")
    return [
        mk.el("p", t("wb-private", lang), class_="cr-wb-private"),
        "",
        mk.el("p", t("wb-nojs", lang), class_="cr-wb-nojs"),
        "",
        tools,
        "",
        status,
        "",
    ]


def _portfolio(p: Page, fw: Framework) -> list[str]:
    lang = p.lang
    fields = [
        mk.el(
            "div",
            mk.el("label", t(key, lang), for_=f"wb-field-{f}"),
            mk.void(
                "input",
                type="text",
                id=f"wb-field-{f}",
                maxlength=200,
                data_field=f,
                autocomplete="name" if f == "apprentice" else "off",
            ),
            class_="cr-wb-field",
        )
        for f, key in FIELDS.items()
    ]
    sign = mk.el(
        "div",
        mk.el("span", t("wb-field.signature", lang), class_="cr-wb-label"),  # no input: styled as the labels
        mk.el("span", class_="cr-wb-line"),
        class_="cr-wb-field cr-wb-sign",
    )
    box = mk.el("fieldset", mk.el("legend", t("wb-fields", lang)), *fields, sign, class_="cr-wb-fields")
    head = [
        mk.el("tr", *(mk.col(t(k, lang)) for k in ("item", "statement", "wb-status", "wb-evidence-refs", "wb-method")))
    ]
    rows = [
        mk.el(
            "tr",
            mk.el("th", item_name(p.model, i, lang), scope="row"),
            mk.el("td", i.statement.get(lang), data_label=t("statement", lang)),
            mk.el("td", t("wb-state.none", lang), class_="cr-wb-pstatus", data_label=t("wb-status", lang)),
            mk.el("td", class_="cr-wb-prefs", data_label=t("wb-evidence-refs", lang)),
            mk.el("td", _link_names(p, links(fw, i, "assesses")), data_label=t("wb-method", lang)),
            data_item=i.id,
        )
        for g in workbook_groups(fw)
        for i in g.items
    ]
    title = f"{t('wb-portfolio', lang)}: {short(fw, p)}"
    # cards on a phone (cr-stack, screen only): five columns do not fit 390 px; paper keeps the table
    table = mk.table(title, head, rows, class_="cr-table cr-wb-portfolio cr-stack")
    return [
        f"## {t('wb-portfolio', lang)} {{: #portfolio }}",
        "",
        mk.el("p", t("wb-portfolio-intro", lang), class_="cr-wb-noprint"),
        "",
        *print_meta(p, [fw], []),
        *status_line(p, fw),
        box,
        "",
        *scroll(title, table),
    ]


def _candidates(p: Page, view: CrossView, cands: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(
        f"{item_name(p.model, p.model.items[i], p.lang)} ({p.model.relation[r].label.get(p.lang)})" for i, r in cands
    )


def _cross_view(p: Page, fw: Framework, n: int, view: CrossView) -> list[str]:
    lang, other = p.lang, view.other
    total = sum(len(rows) for _g, rows in view.groups)
    lines = [f"### {mk.text(t('wb-cross-title', lang, other=short(other, p)))} {{: .cr-wb-noprint }}", ""]
    if not is_ksb_framework(other):
        lines += [mk.el("p", t("wb-no-workbook", lang, other=short(other, p)), class_="cr-wb-noprint"), ""]
    lines += [
        mk.el(
            "p",
            t("wb-cross-summary", lang, covered=0, total=total, working=0, open=total),
            class_="cr-wb-xsum",
            data_view=n,
        ),
        "",
    ]
    head = [mk.el("tr", *(mk.col(t(k, lang)) for k in ("item", "wb-cross-candidates", "wb-cross-state")))]
    rows = []
    for group, items in view.groups:
        rows.append(mk.el("tr", mk.el("th", group.title.get(lang), scope="colgroup", colspan=3), class_="cr-group-row"))
        rows += [
            mk.el(
                "tr",
                mk.el("th", html_item_link(p, x.item.id), scope="row"),
                mk.el("td", _candidates(p, view, x.candidates) or t("wb-cross-unmapped", lang)),
                mk.el("td", t("wb-cross-open" if x.candidates else "wb-cross-unmapped", lang), class_="cr-wb-xstate"),
                data_item=x.item.id,
            )
            for x in items
        ]
    caption = t("wb-cross-title", lang, other=short(other, p))
    return lines + scroll(caption, mk.table(caption, head, rows, class_="cr-table cr-wb-cross", data_view=n))


def _cross(p: Page, fw: Framework) -> list[str]:
    views = cross_views(p.model, fw)
    if not views:
        return []
    lines = [
        f"## {t('wb-cross', p.lang)} {{: #across .cr-wb-noprint }}",
        "",
        mk.el("p", t("wb-cross-intro", p.lang), class_="cr-wb-noprint"),
        "",
        # about the cross-framework tables, which do not print: the printed portfolio holds no mapping
        mk.el("p", mk.el("strong", t("wb-not-accreditation", p.lang)), class_="cr-wb-disclaimer cr-wb-noprint"),
        "",
    ]
    for n, view in enumerate(views):
        lines += _cross_view(p, fw, n, view)
    return lines


def script_data(p: Page, fw: Framework) -> dict[str, object]:
    """Everything the script combines with the reader's state, computed here so the script never searches."""
    lang: Lang = p.lang
    name = {i.id: item_name(p.model, i, lang) for i in p.model.items.values()}
    groups = workbook_groups(fw)
    notes = {i.id: _note_keys(p, fw, i) for g in groups for i in g.items}
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


def workbook_page(p: Page, fw: Framework) -> str:
    lang = p.lang
    title = f"{t('workbook', lang)}: {fw.title.get(lang)}"
    crumbs = [p.link(t("frameworks", lang), "frameworks"), p.link(fw.title.get(lang), urls.framework_page(fw))]
    lines = page_head(p, title, landscape=True, crumbs=crumbs, wide=False)
    lines.insert(2, "workbook: true")  # front matter: overrides/main.html loads the workbook's script and styles
    lines = print_furniture(lines, p, [fw], title)
    lines += [
        mk.el("p", t("wb-intro", lang), class_="cr-wb-noprint"),
        "",
        mk.el("p", t("wb-summaries", lang)),
        "",
    ]  # printed too: the portfolio is signed on summaries
    if _has_unknown(fw):  # said once, not on every card: "EPA 1?"
        lines += [mk.el("p", t("wb-unknown-note", lang)), ""]
    lines += _tools(p)
    lines += _work(p, fw)
    lines += _portfolio(p, fw) + _cross(p, fw)
    lines += [mk.json_script("cr-workbook-data", script_data(p, fw)), ""]
    return "\n".join(lines)
