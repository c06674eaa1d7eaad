"""Crosswalk pages: the mappings hub, every mapping of a framework pair read from either side (filterable and
sortable by crosswalk.js), and the matrix of one side's items against the other side's groups."""

from __future__ import annotations

from dataclasses import dataclass

from ..coverage import Side, seen_from, side_coverage
from ..model import Item, Mapping, MappingSet, Model
from . import markup as mk
from . import urls
from .furniture import (
    LANDSCAPE_COLUMNS,
    attribution,
    html_item_link,
    item_order,
    page_head,
    print_furniture,
    print_meta,
    relations_legend,
    scroll,
    short,
    unmapped_list,
)
from .i18n import t
from .pages import Page, head


@dataclass(frozen=True)
class Direction:
    """A mapping set read from one side: 'left' items in the first column, 'right' items they relate to."""

    mset: MappingSet
    reverse: bool  # False: as the file states it (source → target); True: read from the target's side

    @property
    def left(self) -> str:
        return self.mset.target if self.reverse else self.mset.source

    @property
    def right(self) -> str:
        return self.mset.source if self.reverse else self.mset.target

    @property
    def side(self) -> Side:
        return "target" if self.reverse else "source"

    def ends(self, m: Mapping) -> tuple[str, str]:
        """(left item id, right item id) of a mapping."""
        return (m.target, m.source) if self.reverse else (m.source, m.target)


def directions(model: Model) -> list[Direction]:
    return [Direction(mset, reverse) for mset in model.mapping_sets for reverse in (False, True)]


# --- the hub: relation types and every crosswalk -------------------------------------------------------------------

def mappings_page(p: Page) -> str:
    model, lang = p.model, p.lang
    lines = [*head(t("mappings", lang), [p.link(t("frameworks", lang), "frameworks")]),
             mk.text(t("mappings-intro", lang)), ""]
    if not model.mapping_sets:
        return "\n".join([*lines, t("no-mappings", lang), ""])
    lines += [f"- {p.link(t('coverage', lang), urls.COVERAGE)}", ""]
    for mset in model.mapping_sets:
        src, dst = model.framework[mset.source], model.framework[mset.target]
        lines += [f"## {mk.text(short(src, p))} ↔ {mk.text(short(dst, p))} {{#{urls.slug(mset.id)}}}", ""]
        for left, right in ((src, dst), (dst, src)):
            label = f"{t('crosswalk', lang)}: {short(left, p)} → {short(right, p)}"
            lines.append(f"- {p.link(label, urls.crosswalk_page(left.id, right.id))} ({len(mset.mappings)}) · "
                         f"{p.link(t('matrix', lang), urls.matrix_page(left.id, right.id))}")
        lines.append("")
        if mset.description:
            lines += [f"!!! info \"{t('method', lang)}\"", "", f"    {mk.text(mset.description.get(lang))}", ""]
    return "\n".join([*lines, *relations_legend(p, with_marks=True)])


# --- crosswalk: every mapping of a pair, read from one side -----------------------------------------------------

def _relation_cell(p: Page, relation: str) -> str:
    rel = p.model.relation[relation]
    order = [r.id for r in p.model.relations].index(relation)
    return (f'<td data-sort="{9 - rel.strength}{order}"><a href="#relation-{mk.attr(relation)}">'
            f"{mk.html_text(rel.label.get(p.lang))}</a></td>")


def _item_cell(p: Page, item: Item, order: int, tag: str = "td") -> str:
    scope = ' scope="row"' if tag == "th" else ""
    group = p.model.groups[item.group]
    statement = item.title.get(p.lang) if item.title else item.statement.get(p.lang)
    return (f'<{tag}{scope} data-sort="{order:06d}">{html_item_link(p, item.id)}'
            f'<span class="cr-group">{mk.html_text(group.title.get(p.lang))}</span>'
            f'<span class="cr-statement">{mk.html_text(statement)}</span></{tag}>')


def crosswalk_page(p: Page, d: Direction) -> str:
    model, lang = p.model, p.lang
    left, right = model.framework[d.left], model.framework[d.right]
    names = {"left": short(left, p), "right": short(right, p)}
    title = f"{t('crosswalk', lang)}: {names['left']} → {names['right']}"
    lines = page_head(p, title, landscape=True)
    lines += print_meta(p, [left, right], [d.mset]) + print_furniture(p, [left, right], title)
    other = Direction(d.mset, not d.reverse)
    lines += [t("crosswalk-reads", lang).format(left=mk.text(names["left"]), right=mk.text(names["right"])), "",
              f"- {p.link(t('crosswalk-other-way', lang), urls.crosswalk_page(other.left, other.right))}",
              f"- {p.link(t('matrix', lang), urls.matrix_page(d.left, d.right))}",
              f"- {p.link(t('coverage', lang), urls.COVERAGE, urls.coverage_anchor(d.left, d.right))}", ""]
    order = item_order(model)
    rows = sorted(d.mset.mappings, key=lambda m: (order[d.ends(m)[0]], order[d.ends(m)[1]]))
    table_id = f"cw-{d.left.lower()}-{d.right.lower()}"
    lines += [f"## {t('mappings-table', lang)} ({len(rows)})", "", *_filters(p, d, rows, table_id)]
    table = [f'<table class="cr-table cr-crosswalk" id="{table_id}">',
             f"<caption>{mk.html_text(t('crosswalk-caption', lang).format(n=len(rows), **names))}</caption>",
             f'<thead><tr><th scope="col" data-sortable>{mk.html_text(names["left"])}</th>'
             f'<th scope="col" data-sortable>{mk.html_text(t("relation", lang))}</th>'
             f'<th scope="col" data-sortable>{mk.html_text(names["right"])}</th>'
             f'<th scope="col">{mk.html_text(t("rationale", lang))}</th></tr></thead>',
             "<tbody>"]
    for n, m in enumerate(rows):
        a, b = (model.items[x] for x in d.ends(m))
        relation = seen_from(model, m.relation, d.side)
        table.append(f'<tr data-relation="{mk.attr(relation)}" data-groups="{mk.attr(a.group)} {mk.attr(b.group)}" '
                     f'data-order="{n}">{_item_cell(p, a, order[a.id], "th")}{_relation_cell(p, relation)}'
                     f"{_item_cell(p, b, order[b.id])}<td>{mk.html_text(m.rationale.get(lang))}"
                     f'<span class="cr-reviewed">{mk.html_text(t("reviewed", lang))}: '
                     f"{mk.html_text(m.reviewed_by)}, {mk.html_text(m.reviewed_date)}</span></td></tr>")
    lines += scroll(t("mappings-table", lang), [*table, "</tbody>", "</table>"])
    side = side_coverage(model, d.mset, d.side)
    lines += [f"## {t('without-counterpart', lang)} ({len(side.total.unmapped)})", "",
              t("without-counterpart-intro", lang).format(left=mk.text(names["left"]), right=mk.text(names["right"])),
              "", *unmapped_list(p, side)]
    lines += relations_legend(p)
    if d.mset.description:
        lines += [f"## {t('method', lang)}", "", mk.text(d.mset.description.get(lang)), ""]
    lines += attribution(p, [left, right])
    return "\n".join(lines)


def _filters(p: Page, d: Direction, rows: list[Mapping], table_id: str) -> list[str]:
    """Filter controls for the table: hidden until crosswalk.js makes them work (without script, all rows show)."""
    model, lang = p.model, p.lang
    counts: dict[str, int] = {}
    for m in rows:
        rel = seen_from(model, m.relation, d.side)
        counts[rel] = counts.get(rel, 0) + 1
    rel_options = "".join(f'<option value="{mk.attr(r.id)}">{mk.html_text(r.label.get(lang))} ({counts[r.id]})</option>'
                          for r in model.relations if r.id in counts)
    used = {model.items[x].group for m in rows for x in (m.source, m.target)}
    group_options = ""
    for fw_id in (d.left, d.right):
        fw = model.framework[fw_id]
        options = "".join(f'<option value="{mk.attr(g.id)}">{mk.html_text(g.title.get(lang))}</option>'
                          for g in fw.groups if g.id in used)
        group_options += f'<optgroup label="{mk.attr(short(fw, p))}">{options}</optgroup>'
    every = mk.html_text(t("filter-all", lang))
    return [f'<div class="cr-filters" data-for="{table_id}" hidden>',
            f'<label>{mk.html_text(t("relation", lang))} <select data-filter="relation">'
            f'<option value="">{every}</option>{rel_options}</select></label>',
            f'<label>{mk.html_text(t("group", lang))} <select data-filter="group">'
            f'<option value="">{every}</option>{group_options}</select></label>',
            f'<p class="cr-count" aria-live="polite" data-template="{mk.attr(t("filter-count", lang))}"></p>',
            "</div>", ""]


# --- matrix: left items × right groups, density at a glance ------------------------------------------------------

def matrix_page(p: Page, d: Direction) -> str:
    model, lang = p.model, p.lang
    left, right = model.framework[d.left], model.framework[d.right]
    compared_left = d.mset.compared_target if d.reverse else d.mset.compared_source
    compared_right = d.mset.compared_source if d.reverse else d.mset.compared_target
    columns = [g for g in right.groups if g.id in compared_right]
    title = f"{t('matrix', lang)}: {short(left, p)} × {short(right, p)}"
    lines = page_head(p, title, landscape=len(columns) > LANDSCAPE_COLUMNS)
    lines += print_meta(p, [left, right], [d.mset]) + print_furniture(p, [left, right], title)
    lines += [t("matrix-intro", lang).format(left=mk.text(short(left, p)), right=mk.text(short(right, p))), "",
              f"- {p.link(t('crosswalk', lang), urls.crosswalk_page(d.left, d.right))}",
              f"- {p.link(t('matrix-other-way', lang), urls.matrix_page(d.right, d.left))}", ""]
    legend = " · ".join(f'<span class="cr-mark" aria-hidden="true">{mk.html_text(r.mark)}</span> '
                        f'<a href="{mk.attr(urls.html_link(p.path, "mappings", "relation-" + r.id))}">'
                        f"{mk.html_text(r.label.get(lang))}</a>" for r in model.relations)
    lines += [f'<p class="cr-legend">{legend}</p>', ""]
    cells: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for m in d.mset.mappings:
        a, b = d.ends(m)
        cells.setdefault((a, model.items[b].group), []).append((b, seen_from(model, m.relation, d.side)))
    order = item_order(model)
    column_heads = "".join(f'<th scope="col">{mk.html_text(g.title.get(lang))}</th>' for g in columns)
    table = ['<table class="cr-table cr-matrix">',
             f"<caption>{mk.html_text(title)}</caption>",
             f'<thead><tr><th scope="col">{mk.html_text(short(left, p))}</th>{column_heads}'
             f'<th scope="col">{mk.html_text(t("total", lang))}</th></tr></thead>',
             "<tbody>"]
    totals = [0] * len(columns)
    for group in (g for g in left.groups if g.id in compared_left):
        table.append(f'<tr class="cr-group-row"><th scope="colgroup" colspan="{len(columns) + 2}">'
                     f"{mk.html_text(group.title.get(lang))}</th></tr>")
        for item in group.items:
            row = [f'<th scope="row">{html_item_link(p, item.id)}</th>']
            count = 0
            for n, col in enumerate(columns):
                found = sorted(cells.get((item.id, col.id), []), key=lambda x: order[x[0]])
                count += len(found)
                totals[n] += len(found)
                content = " ".join(
                    f'{html_item_link(p, other, model.items[other].label_in(lang))}'
                    f'<span class="cr-mark" aria-hidden="true">{mk.html_text(model.relation[rel].mark)}</span>'
                    f'<span class="cr-sr"> ({mk.html_text(model.relation[rel].label.get(lang))})</span>'
                    for other, rel in found)
                row.append(f'<td class="cr-d{min(len(found), 3)}" data-count="{len(found)}">{content}</td>'
                           if found else "<td></td>")
            row.append(f'<td class="cr-total">{count}</td>')
            table.append(f'<tr>{"".join(row)}</tr>')
    table.append(f'<tr class="cr-totals"><th scope="row">{mk.html_text(t("total", lang))}</th>'
                 + "".join(f'<td class="cr-total">{n}</td>' for n in totals)
                 + f'<td class="cr-total">{sum(totals)}</td></tr>')
    table += ["</tbody>", "</table>"]
    lines += scroll(title, table)
    return "\n".join(lines)
