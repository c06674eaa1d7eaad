"""The apprentice's workbook page of a framework with KSB groups: server-rendered items with status and evidence
fields, the portfolio mapping table to print and the cross-framework view (the JSON its script reads:
workbook_script.py)."""

from __future__ import annotations

from generator.model import urls
from generator.model.types import Framework, Item
from generator.render import markup as mk
from generator.render.site.context import Page, item_name, status_line
from generator.render.site.furniture import html_item_link, page_head, print_furniture, print_meta, scroll, short
from generator.render.site.workbook_cross import cross_section
from generator.render.site.workbook_data import (
    Link,
    LinkField,
    links,
    workbook_groups,
)
from generator.render.site.workbook_script import FIELDS, MAX_NOTE, STATES, dom_id, note_keys, script_data
from generator.render.strings import t


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
    for key, label in note_keys(p, fw, item):
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
    lines += _portfolio(p, fw) + cross_section(p, fw)
    lines += [mk.json_script("cr-workbook-data", script_data(p, fw)), ""]
    return "\n".join(lines)
