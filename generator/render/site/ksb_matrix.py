"""KSB matrices of a framework with KSBs: KSBs × duties and KSBs × assessment methods, marking links that are known,
inferred or not yet known."""

from __future__ import annotations

from generator.model import urls
from generator.model.types import Framework, Group, Item, Lang
from generator.render import markup as mk
from generator.render.site.context import Page, status_line
from generator.render.site.furniture import (
    LANDSCAPE_COLUMNS,
    html_item_link,
    page_head,
    print_furniture,
    print_meta,
    scroll,
)
from generator.render.strings import t


def _link_cell(ksb: Item, column: Item, lang: Lang, label: str) -> mk.Markup:
    """One cell of a KSB matrix, kept small (these tables grow with the KSBs): a linked cell carries its mark and
    a screen-reader label; an unknown one a visible "?" and the words "not yet known" for screen readers, and its
    column's name on phones (data-label), where the table becomes one card per KSB; a cell that is known not to be
    linked is empty."""
    if ksb.id in column.ksbs or ksb.id in column.assesses:
        cls, mark, key = (
            ("cr-i", "◐", "link-inferred") if column.links_confidence == "inferred" else ("cr-y", "●", "link-yes")
        )
        return mk.el(
            "td",
            mk.el("span", mark, aria_hidden="true"),
            mk.el("span", t(key, lang), class_="cr-sr"),
            class_=cls,
            data_label=label,
        )
    if link_unknown(column):
        return mk.el(
            "td",
            mk.el("span", "?", aria_hidden="true"),
            mk.el("span", t("not-yet-known", lang), class_="cr-sr"),
            class_="cr-u",
            data_label=label,
        )
    return mk.el("td")


def _first_sentence(text: str) -> str:
    """The statement's first sentence: what a row of the matrix is about, at a glance (the link holds the code)."""
    head, dot, _rest = text.partition(". ")
    return head + "." if dot else text


def _row_head(p: Page, ksb: Item) -> mk.Markup:
    """A KSB's row header: its code, linked, and the first sentence of its statement."""
    return mk.el(
        "th",
        html_item_link(p, ksb.id),
        " ",
        mk.el("span", _first_sentence(ksb.statement.get(p.lang)), class_="cr-row-text"),
        scope="row",
    )


def _column_head(p: Page, column: Item) -> mk.Markup:
    """A column header: the duty's or method's code, linked, and its name (the "not yet known" of its links for
    screen readers)."""
    name = mk.el("span", column.title.get(p.lang), class_="cr-col-title") if column.title else ""
    unknown = mk.el("span", f" ({t('not-yet-known', p.lang)})", class_="cr-sr") if link_unknown(column) else ""
    return mk.col(mk.join([html_item_link(p, column.id), " " if name else "", name, unknown]))


def _column_confidence(item: Item, lang: Lang) -> str:
    if link_unknown(item):
        return t("not-yet-known", lang)
    return t(f"confidence.{item.links_confidence}", lang) if item.links_confidence else ""


def link_unknown(item: Item) -> bool:
    return item.status != "available" or item.links_confidence == "missing"


def _marks_used(columns: list[Item]) -> set[str]:
    """The legend keys of the marks a matrix with these columns shows."""
    used = set()
    for c in columns:
        if link_unknown(c):
            used.add("link-unknown")
        if c.ksbs or c.assesses:
            used.add("link-inferred" if c.links_confidence == "inferred" else "link-yes")
    return used


def link_matrix_page(p: Page, fw: Framework, group: Group) -> str:
    lang = p.lang
    columns = list(group.items)
    title = f"{t('ksbs', lang)} × {group.title.get(lang)}"
    crumbs = [
        p.link(t("frameworks", lang), "frameworks"),
        p.link(fw.title.get(lang), urls.framework_page(fw)),
        p.link(group.title.get(lang), urls.group_page(fw, group)),
    ]
    lines = page_head(p, title, landscape=len(columns) > LANDSCAPE_COLUMNS, crumbs=crumbs)
    lines = print_furniture(lines, p, [fw], title)
    lines += print_meta(p, [fw], []) + status_line(p, fw)
    used = _marks_used(columns)
    intro = t("link-matrix-intro", lang).format(group=mk.text(group.title.get(lang)))
    lines += [f"{intro} {mk.text(t('link-matrix-unknown', lang))}" if "link-unknown" in used else intro, ""]
    # The legend names only the marks this matrix uses: a matrix whose links are all known says nothing of
    # inferences or unknown links.
    lines += [
        f"- {mk.el('span', mark, class_='cr-mark')} {mk.text(t(key, lang))}"
        for mark, key in (("●", "link-yes"), ("◐", "link-inferred"), ("?", "link-unknown"))
        if key in used
    ]
    lines.append("")
    column_heads = [_column_head(p, c) for c in columns]
    confidence = [mk.el("td", _column_confidence(c, lang)) for c in columns]
    head = [
        mk.el("tr", mk.col("KSB"), *column_heads),
        mk.el("tr", mk.el("th", t("confidence", lang), scope="row"), *confidence, class_="cr-confidence"),
    ]
    rows = []
    for g in (g for g in fw.groups if g.role == "ksb"):
        rows.append(
            mk.el(
                "tr", mk.el("th", g.title.get(lang), scope="colgroup", colspan=len(columns) + 1), class_="cr-group-row"
            )
        )
        rows += [
            mk.el("tr", _row_head(p, ksb), *(_link_cell(ksb, c, lang, c.label_in(lang)) for c in columns))
            for ksb in g.items
        ]
    table = mk.table(title, head, rows, class_="cr-table cr-matrix cr-link-matrix cr-stack")
    lines += scroll(title, table)
    return "\n".join(lines)
