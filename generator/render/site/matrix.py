"""The matrix page of a crosswalk: one side's items against the other side's groups, each cell the relations found
there, for density at a glance (crosswalk.py has the row-by-row pages)."""

from __future__ import annotations

from generator.model import urls
from generator.model.coverage import seen_from
from generator.model.inventory import Direction
from generator.model.types import Mapping
from generator.render import markup as mk
from generator.render.site import reconfirm
from generator.render.site.context import Page
from generator.render.site.furniture import (
    LANDSCAPE_COLUMNS,
    html_item_link,
    item_order,
    page_head,
    print_furniture,
    print_meta,
    scroll,
    short,
)
from generator.render.strings import t


def matrix_page(p: Page, d: Direction) -> str:
    model, lang = p.model, p.lang
    left, right = model.framework[d.left], model.framework[d.right]
    compared_left = d.mset.compared_target if d.reverse else d.mset.compared_source
    compared_right = d.mset.compared_source if d.reverse else d.mset.compared_target
    columns = [g for g in right.groups if g.id in compared_right]
    title = f"{t('matrix', lang)}: {short(left, p)} × {short(right, p)}"
    lines = page_head(p, title, landscape=len(columns) > LANDSCAPE_COLUMNS)
    lines = print_furniture(lines, p, [left, right], title)
    lines += print_meta(p, [left, right], [d.mset])
    lines += [
        t("matrix-intro", lang).format(left=mk.text(short(left, p)), right=mk.text(short(right, p))),
        "",
        f"- {p.link(t('crosswalk', lang), urls.crosswalk_page(d.left, d.right))}",
        f"- {p.link(t('matrix-other-way', lang), urls.matrix_page(d.right, d.left))}",
        "",
    ]
    lines += [mk.el("p", mk.join(_legend(p, d), " · "), class_="cr-legend"), "", *reconfirm.note(p, [d.mset])]
    cells: dict[tuple[str, str], list[tuple[str, str, Mapping]]] = {}
    for m in d.mset.mappings:
        a, b = d.ends(m)
        cells.setdefault((a, model.items[b].group), []).append((b, seen_from(model, m.relation, d.side), m))
    order = item_order(model)
    head = mk.el("tr", mk.col(short(left, p)), *(mk.col(g.title.get(lang)) for g in columns), mk.col(t("total", lang)))
    body = []
    totals = [0] * len(columns)
    for group in (g for g in left.groups if g.id in compared_left):
        body.append(
            mk.el(
                "tr",
                mk.el("th", group.title.get(lang), scope="colgroup", colspan=len(columns) + 2),
                class_="cr-group-row",
            )
        )
        for item in group.items:
            row = [mk.el("th", html_item_link(p, item.id), scope="row")]
            for n, col in enumerate(columns):
                found = sorted(cells.get((item.id, col.id), []), key=lambda x: order[x[0]])
                totals[n] += len(found)
                row.append(_matrix_cell(p, found, col.title.get(lang)))
            count = sum(len(cells.get((item.id, col.id), [])) for col in columns)
            body.append(mk.el("tr", *row, mk.el("td", count, class_="cr-total", data_label=t("total", lang))))
    labels = [*(g.title.get(lang) for g in columns), t("total", lang)]
    body.append(
        mk.el(
            "tr",
            mk.el("th", t("total", lang), scope="row"),
            *(
                mk.el("td", n, class_="cr-total", data_label=label)
                for n, label in zip((*totals, sum(totals)), labels, strict=True)
            ),
            class_="cr-totals",
        )
    )
    table = mk.table(title, [head], body, class_="cr-table cr-matrix cr-stack", data_search_exclude=True)
    lines += scroll(title, table)
    return "\n".join(lines)


def _legend(p: Page, d: Direction) -> list[mk.Markup]:
    """The marks the cells use, each linked to its relation's definition, and the re-confirm mark when a row has it."""
    legend = [
        mk.join(
            [
                _mark(p, r.id),
                " ",
                mk.el("a", r.label.get(p.lang), href=urls.html_link(p.path, "mappings", "relation-" + r.id)),
            ]
        )
        for r in p.model.relations
    ]
    if reconfirm.count(p, [d.mset]):
        legend.append(reconfirm.matrix_legend(p))
    return legend


def _mark(p: Page, relation: str) -> mk.Markup:
    return mk.el("span", p.model.relation[relation].mark, class_="cr-mark", aria_hidden="true")


def _matrix_cell(p: Page, found: list[tuple[str, str, Mapping]], label: str) -> mk.Markup:
    """The right-side items mapped to a row's item within one column's group, each with its relation's mark (and
    the mark of a row to re-confirm)."""
    if not found:
        return mk.el("td")
    model, lang = p.model, p.lang
    content = [
        mk.join(
            [
                html_item_link(p, other, model.items[other].label_in(lang), preview=True),
                _mark(p, rel),
                mk.el("span", f" ({model.relation[rel].label.get(lang)})", class_="cr-sr"),
                reconfirm.matrix_mark(p, m),
            ]
        )
        for other, rel, m in found
    ]
    return mk.el(
        "td", mk.join(content, " "), class_=f"cr-d{min(len(found), 3)}", data_count=len(found), data_label=label
    )
