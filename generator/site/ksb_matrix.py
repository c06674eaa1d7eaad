"""KSB matrices of a framework with KSBs: KSBs × duties and KSBs × assessment methods, marking links that are known,
inferred or not yet known."""

from __future__ import annotations

from ..model import Framework, Group, Item, Lang
from . import markup as mk
from . import urls
from .furniture import LANDSCAPE_COLUMNS, html_item_link, page_head, print_furniture, print_meta, scroll
from .i18n import t, t_or
from .pages import Page


def _link_cell(ksb: Item, column: Item, lang: Lang) -> str:
    """One cell of a KSB matrix, kept small (these tables grow with the KSBs): a linked cell carries its mark and
    a screen-reader label; an unknown one is empty with class cr-u (CSS shows "?"; the column's confidence header
    says "not yet known"); a cell that is known not to be linked is empty."""
    if ksb.id in column.ksbs or ksb.id in column.assesses:
        cls, mark, key = ("cr-i", "◐", "link-inferred") if column.links_confidence == "inferred" else \
            ("cr-y", "●", "link-yes")
        return f'<td class="{cls}"><span aria-hidden="true">{mark}</span><span class="cr-sr">{t(key, lang)}</span></td>'
    return '<td class="cr-u"></td>' if _unknown(column) else "<td></td>"


def _column_confidence(item: Item, lang: Lang) -> str:
    if _unknown(item):
        return t("not-yet-known", lang)
    return t_or(f"confidence.{item.links_confidence}", lang, item.links_confidence or "")


def _unknown(item: Item) -> bool:
    return item.status != "available" or item.links_confidence == "missing"


def link_matrix_page(p: Page, fw: Framework, group: Group) -> str:
    lang = p.lang
    columns = list(group.items)
    title = f"{t('ksbs', lang)} × {group.title.get(lang)}"
    crumbs = [p.link(t("frameworks", lang), "frameworks"), p.link(fw.title.get(lang), urls.framework_page(fw)),
              p.link(group.title.get(lang), urls.group_page(fw, group))]
    lines = page_head(p, title, landscape=len(columns) > LANDSCAPE_COLUMNS, crumbs=crumbs)
    lines += print_meta(p, [fw], []) + print_furniture(p, [fw], title)
    lines += [t("link-matrix-intro", lang).format(group=mk.text(group.title.get(lang))), ""]
    lines += [f"- <span class=\"cr-mark\">●</span> {mk.text(t('link-yes', lang))}",
              f"- <span class=\"cr-mark\">◐</span> {mk.text(t('link-inferred', lang))}",
              f"- <span class=\"cr-mark\">?</span> {mk.text(t('link-unknown', lang))}", ""]
    # A column whose links are not yet known says so in its header, where screen readers announce it with each
    # (empty) cell of the column.
    column_heads = "".join(f'<th scope="col">{html_item_link(p, c.id)}'
                           + (f'<span class="cr-sr"> ({t("not-yet-known", lang)})</span>' if _unknown(c) else "")
                           + "</th>" for c in columns)
    notes = "".join(f"<td>{mk.html_text(_column_confidence(c, lang))}</td>" for c in columns)
    table = ['<table class="cr-table cr-matrix cr-link-matrix">', f"<caption>{mk.html_text(title)}</caption>",
             f'<thead><tr><th scope="col">KSB</th>{column_heads}</tr>'
             f'<tr class="cr-confidence"><th scope="row">{mk.html_text(t("confidence", lang))}</th>{notes}</tr>'
             "</thead>",
             "<tbody>"]
    for g in (g for g in fw.groups if g.role == "ksb"):
        table.append(f'<tr class="cr-group-row"><th scope="colgroup" colspan="{len(columns) + 1}">'
                     f"{mk.html_text(g.title.get(lang))}</th></tr>")
        for ksb in g.items:
            row = [f'<th scope="row">{html_item_link(p, ksb.id)}</th>']
            for c in columns:
                row.append(_link_cell(ksb, c, lang))
            table.append(f"<tr>{''.join(row)}</tr>")
    table += ["</tbody>", "</table>"]
    lines += scroll(title, table)
    return "\n".join(lines)
