"""A framework's pages to work through on paper or screen: the side-by-side page (English and Dutch of every item
next to each other) and the checklist of its KSB items."""

from __future__ import annotations

from generator.model.types import LANGUAGES, Framework, Item, Lang
from generator.render import markup as mk
from generator.render.site.context import (
    Page,
    crumbs,
    head,
    status_line,
)
from generator.render.site.furniture import html_item_link, print_furniture, print_meta
from generator.render.strings import t


def side_by_side_page(p: Page, fw: Framework) -> str:
    """Every text in both languages; raw HTML so each cell carries its own `lang` attribute."""
    lines = head(f"{fw.title.get(p.lang)}: {t('side-by-side', p.lang)}", crumbs(p, fw)) + status_line(p, fw)
    lines += [mk.text(t("side-by-side-intro", p.lang)), ""]
    for group in fw.groups:
        top = mk.el("tr", *(mk.col(t(key, p.lang)) for key in ("item", "lang.en", "lang.nl")))
        rows = [
            mk.el(
                "tr",
                mk.el("th", html_item_link(p, item.id), scope="row"),
                *(_sbs_cell(p, item, lang) for lang in LANGUAGES),
            )
            for item in group.items
        ]
        lines += [f"## {mk.text(group.title.get(p.lang))}", "", *mk.table(None, [top], rows, class_="cr-sbs"), ""]
    return "\n".join(lines)


def _sbs_cell(p: Page, item: Item, lang: Lang) -> mk.Markup:
    kind = item.statement.kind(lang)
    parts: list[mk.Child] = [mk.badge(kind, t(f"kind.{kind}", p.lang), t(f"kind-note.{kind}", p.lang))]
    if item.title:
        parts.append(mk.el("strong", item.title.get(lang)))
    parts.append(item.statement.get(lang))
    if item.subpoints:
        parts.append(mk.el("ul", *(mk.el("li", s.get(lang)) for s in item.subpoints)))
    return mk.el("td", mk.join(parts, " "), lang=lang)


def checklist_page(p: Page, fw: Framework) -> str:
    """A table per KSB group with a box to tick and room for evidence; raw HTML, like the other tables. On paper
    it carries the standard's version and the data date on every page, and fields for the apprentice's name."""
    lang = p.lang
    lines = print_furniture(
        head(f"{t('checklist', lang)}: {fw.title.get(lang)}", crumbs(p, fw)), p, [fw], t("checklist", lang)
    )
    lines += [*print_meta(p, [fw], []), *status_line(p, fw), mk.text(t("checklist-intro", lang)), ""]
    fields = [
        mk.el("p", mk.el("span", f"{t(k, lang)}:"), mk.el("span", class_="cr-field-line"))
        for k in ("checklist-name", "checklist-employer", "date")
    ]
    lines += [mk.el("div", *fields, class_="cr-fields"), ""]
    tick = mk.el("span", "☐", class_="cr-tick", role="img", aria_label=t("tick", lang))
    labels = (t("done", lang), "KSB", t("statement", lang), t("evidence", lang))
    top = mk.el("tr", *(mk.col(h, class_=f"cr-col-{n}") for n, h in enumerate(labels)))
    for group in (g for g in fw.groups if g.role == "ksb"):
        rows = [
            mk.el(
                "tr",
                mk.el("td", tick, data_label=labels[0]),
                mk.el("th", html_item_link(p, item.id), scope="row", data_label=labels[1]),
                mk.el("td", item.statement.get(lang), *_sureness(item, lang), data_label=labels[2]),
                mk.el("td", class_="cr-notes", data_label=labels[3]),
            )
            for item in group.items
        ]
        lines += [
            f"## {mk.text(group.title.get(lang))}",
            "",
            '<div class="cr-checklist">',
            *mk.table(None, [top], rows, class_="cr-stack"),
            "</div>",
            "",
        ]
    return "\n".join(lines)


def _sureness(item: Item, lang: Lang) -> list[mk.Markup]:
    """How sure we are of a checklist item, shown where it is stated unless the official source confirms it."""
    if not item.confidence or item.confidence == "confirmed":
        return []
    return [mk.raw(" "), mk.el("span", f"({t('confidence.' + item.confidence, lang)})", class_="cr-meta")]
