"""Page renderers for the crosswalks: mapping tables (both directions), matrices, coverage and the ST0809
duty × KSB and KSB × EPA matrices. Tables are raw HTML so that rows carry data for filtering and the print
footer (framework versions, data date, attribution) can repeat on every printed page."""

from __future__ import annotations

from dataclasses import dataclass

from ..coverage import Side, SideCoverage, coverage, seen_from, side_coverage
from ..exports.common import data_date
from ..model import Framework, Group, Item, Lang, Mapping, MappingSet, Model
from . import markup as mk
from . import urls
from .i18n import t, t_or
from .pages import KSB_STEMS, Page, head, item_name

#: A relation's short mark in matrix cells; the legend spells each out.
MARKS = {"exact": "=", "close": "≈", "broad": "⊃", "narrow": "⊂", "related": "~"}
#: Colours of the coverage chart per strongest relation (each ≥ 3:1 against white); unmapped is light grey.
COLOURS = {"exact": "#1a237e", "close": "#3949ab", "broad": "#00695c", "narrow": "#6a1b9a", "related": "#bf360c"}
UNMAPPED_COLOUR = "#e0e0e0"
#: Matrices with more columns than this print on landscape A4.
LANDSCAPE_COLUMNS = 8


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


def short(fw: Framework, p: Page) -> str:
    return fw.short_title.get(p.lang) if fw.short_title else fw.title.get(p.lang)


def _order(model: Model) -> dict[str, int]:
    return {item.id: n for n, item in enumerate(i for f in model.frameworks for g in f.groups for i in g.items)}


def _a(p: Page, item_id: str, label: str | None = None) -> str:
    target, anchor = urls.item_target(p.model, item_id)
    text = label if label is not None else item_name(p.model, p.model.items[item_id], p.lang)
    return f'<a href="{mk.attr(urls.html_link(p.path, target, anchor))}">{mk.html_text(text)}</a>'


def _page_link(p: Page, target: str, label: str, anchor: str = "") -> str:
    return f'<a href="{mk.attr(urls.html_link(p.path, target, anchor))}">{mk.html_text(label)}</a>'


def _head(p: Page, title: str, landscape: bool, crumbs: list[str] | None = None, wide: bool = True) -> list[str]:
    """Page head; `wide` pages give the table of contents' room to the table, `landscape` ones print sideways."""
    crumbs = crumbs or [p.link(t("frameworks", p.lang), "frameworks"), p.link(t("mappings", p.lang), "mappings")]
    lines = head(title, crumbs, hide=("toc",) if wide else ())
    if landscape:  # print.css turns a page holding this marker to landscape A4
        lines += ['<div class="cr-landscape" hidden></div>', ""]
    return lines


# --- print furniture: what an assessor needs on paper ---------------------------------------------------------

def _fw_fact(fw: Framework, p: Page) -> str:
    date = f" ({fw.date})" if fw.date else ""
    return f"{fw.reference} {t('version', p.lang).lower()} {fw.version}{date}"


def _reviews(msets: list[MappingSet]) -> str:
    dates = sorted({m.reviewed_date for s in msets for m in s.mappings})
    return dates[-1] if dates else ""


def print_meta(p: Page, frameworks: list[Framework], msets: list[MappingSet]) -> list[str]:
    """The line under the title: which versions of the frameworks, the date of the data, who reviewed."""
    lang = p.lang
    facts = "; ".join(f"{mk.html_text(short(fw, p))}: {mk.html_text(_fw_fact(fw, p))}" for fw in frameworks)
    parts = [f"<strong>{mk.html_text(t('print-versions', lang))}</strong>: {facts}.",
             f"<strong>{mk.html_text(t('print-data-date', lang))}</strong>: {data_date(p.model)}."]
    if msets:
        reviewers = sorted({m.reviewed_by for s in msets for m in s.mappings})
        parts.append(f"<strong>{mk.html_text(t('print-reviewed', lang))}</strong>: "
                     f"{mk.html_text(', '.join(reviewers))}, {_reviews(msets)}.")
    return [f'<p class="cr-print-meta">{" ".join(parts)}</p>', ""]


def attribution(p: Page, frameworks: list[Framework]) -> list[str]:
    """Sources and their attribution, in full (the print footer carries a short form on every page)."""
    lines = [f"## {t('sources-attribution', p.lang)}", ""]
    for fw in frameworks:
        lines += [f"**{mk.text(short(fw, p))}** ({p.link(t('sources', p.lang), urls.framework_page(fw), 'sources')}): "
                  f"{mk.text(fw.licence.attribution.get(p.lang))}", ""]
    return lines


def print_furniture(p: Page, frameworks: list[Framework], title: str) -> list[str]:
    """Running header and footer of every printed page (CSS page-margin boxes, so they repeat on pages without a
    table too): framework versions, publishers and licences on top; the data date, site and page title below.
    Browsers without margin boxes still print the versions line under the title once."""
    sources = " · ".join(f"{_fw_fact(fw, p)}, © {fw.publisher.get(p.lang)}, {fw.licence.name.get(p.lang)}"
                         for fw in frameworks)
    footer = f"{t('print-data-date', p.lang)} {data_date(p.model)} · {t('site-name', p.lang)} · {title}"
    return [f'<style>@page {{ @top-left {{ content: {mk.css_string(sources)}; }} '
            f"@bottom-left {{ content: {mk.css_string(footer)}; }} }}</style>", ""]


def relations_legend(p: Page, with_marks: bool = False) -> list[str]:
    """The plain definition of every relation type, with an anchor per type."""
    lines = [f"## {t('relations', p.lang)}", "", '<dl class="cr-relations">']
    for r in p.model.relations:
        mark = f'<span class="cr-mark" aria-hidden="true">{MARKS.get(r.id, "")}</span> ' if with_marks else ""
        lines.append(f'<dt id="relation-{mk.attr(r.id)}">{mark}{mk.html_text(r.label.get(p.lang))}</dt>'
                     f"<dd>{mk.html_text(r.definition.get(p.lang))}</dd>")
    return [*lines, "</dl>", ""]


def _scroll(label: str, table: list[str]) -> list[str]:
    """Wide tables scroll sideways on small screens; the region is focusable so keyboards can scroll it."""
    return [f'<div class="cr-scroll" role="region" tabindex="0" aria-label="{mk.attr(label)}">', *table, "</div>", ""]


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
        lines += [f"## {mk.text(short(src, p))} ↔ {mk.text(short(dst, p))} {{#{urls.slug(mset.id.lower())}}}", ""]
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
    return (f'<{tag}{scope} data-sort="{order:06d}">{_a(p, item.id)}'
            f'<span class="cr-group">{mk.html_text(group.title.get(p.lang))}</span>'
            f'<span class="cr-statement">{mk.html_text(statement)}</span></{tag}>')


def crosswalk_page(p: Page, d: Direction) -> str:
    model, lang = p.model, p.lang
    left, right = model.framework[d.left], model.framework[d.right]
    names = {"left": short(left, p), "right": short(right, p)}
    title = f"{t('crosswalk', lang)}: {names['left']} → {names['right']}"
    lines = _head(p, title, landscape=True)
    lines += print_meta(p, [left, right], [d.mset]) + print_furniture(p, [left, right], title)
    other = Direction(d.mset, not d.reverse)
    lines += [t("crosswalk-reads", lang).format(left=mk.text(names["left"]), right=mk.text(names["right"])), "",
              f"- {p.link(t('crosswalk-other-way', lang), urls.crosswalk_page(other.left, other.right))}",
              f"- {p.link(t('matrix', lang), urls.matrix_page(d.left, d.right))}",
              f"- {p.link(t('coverage', lang), urls.COVERAGE, _coverage_anchor(d))}", ""]
    order = _order(model)
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
    lines += _scroll(t("mappings-table", lang), [*table, "</tbody>", "</table>"])
    side = side_coverage(model, d.mset, d.side)
    lines += [f"## {t('without-counterpart', lang)} ({len(side.total.unmapped)})", "",
              t("without-counterpart-intro", lang).format(left=mk.text(names["left"]), right=mk.text(names["right"])),
              "", *_unmapped_list(p, side)]
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


def _unmapped_list(p: Page, side: SideCoverage) -> list[str]:
    lines = []
    for row in side.rows[:-1]:
        if row.unmapped and row.group is not None:
            lines.append(f"- **{mk.text(row.group.title.get(p.lang))}**: "
                         + ", ".join(p.item_link(i.id) for i in row.unmapped))
    return [*lines, ""] if lines else [t("all-mapped", p.lang), ""]


# --- matrix: left items × right groups, density at a glance ------------------------------------------------------

def matrix_page(p: Page, d: Direction) -> str:
    model, lang = p.model, p.lang
    left, right = model.framework[d.left], model.framework[d.right]
    compared_left = d.mset.compared_target if d.reverse else d.mset.compared_source
    compared_right = d.mset.compared_source if d.reverse else d.mset.compared_target
    columns = [g for g in right.groups if g.id in compared_right]
    title = f"{t('matrix', lang)}: {short(left, p)} × {short(right, p)}"
    lines = _head(p, title, landscape=len(columns) > LANDSCAPE_COLUMNS)
    lines += print_meta(p, [left, right], [d.mset]) + print_furniture(p, [left, right], title)
    lines += [t("matrix-intro", lang).format(left=mk.text(short(left, p)), right=mk.text(short(right, p))), "",
              f"- {p.link(t('crosswalk', lang), urls.crosswalk_page(d.left, d.right))}",
              f"- {p.link(t('matrix-other-way', lang), urls.matrix_page(d.right, d.left))}", ""]
    legend = " · ".join(f'<span class="cr-mark" aria-hidden="true">{MARKS.get(r.id, "")}</span> '
                        f'<a href="{mk.attr(urls.html_link(p.path, "mappings", "relation-" + r.id))}">'
                        f"{mk.html_text(r.label.get(lang))}</a>" for r in model.relations)
    lines += [f'<p class="cr-legend">{legend}</p>', ""]
    cells: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for m in d.mset.mappings:
        a, b = d.ends(m)
        cells.setdefault((a, model.items[b].group), []).append((b, seen_from(model, m.relation, d.side)))
    order = _order(model)
    head = "".join(f'<th scope="col">{mk.html_text(g.title.get(lang))}</th>' for g in columns)
    table = ['<table class="cr-table cr-matrix">',
             f"<caption>{mk.html_text(title)}</caption>",
             f'<thead><tr><th scope="col">{mk.html_text(short(left, p))}</th>{head}'
             f'<th scope="col">{mk.html_text(t("total", lang))}</th></tr></thead>',
             "<tbody>"]
    totals = [0] * len(columns)
    for group in (g for g in left.groups if g.id in compared_left):
        table.append(f'<tr class="cr-group-row"><th scope="colgroup" colspan="{len(columns) + 2}">'
                     f"{mk.html_text(group.title.get(lang))}</th></tr>")
        for item in group.items:
            row = [f'<th scope="row">{_a(p, item.id)}</th>']
            count = 0
            for n, col in enumerate(columns):
                found = sorted(cells.get((item.id, col.id), []), key=lambda x: order[x[0]])
                count += len(found)
                totals[n] += len(found)
                content = " ".join(
                    f'{_a(p, other, model.items[other].label)}'
                    f'<span class="cr-mark" aria-hidden="true">{MARKS.get(rel, "")}</span>'
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
    lines += _scroll(title, table)
    return "\n".join(lines)


# --- coverage and gaps ------------------------------------------------------------------------------------------

def _coverage_anchor(d: Direction) -> str:
    """The coverage page's anchor for the left framework of `d` covered by the right one."""
    return f"{d.left}-by-{d.right}".lower()


def coverage_page(p: Page) -> str:
    model, lang = p.model, p.lang
    sides = coverage(model)
    frameworks = [f for f in model.frameworks if any(s.framework is f for s in sides)]
    lines = _head(p, t("coverage", lang), landscape=True, wide=False)
    lines += print_meta(p, frameworks, list(model.mapping_sets))
    lines += print_furniture(p, frameworks, t("coverage", lang))
    lines += [t("coverage-intro", lang), ""]
    if not sides:
        return "\n".join([*lines, t("no-mappings", lang), ""])
    # Overall: one row per framework side.
    lines += [f"## {t('coverage-overall', lang)}", ""]
    table = ['<table class="cr-table cr-coverage-overall" id="coverage-overall">',
             f"<caption>{mk.html_text(t('coverage-overall', lang))}</caption>",
             "<thead><tr>" + "".join(f'<th scope="col">{mk.html_text(t(k, lang))}</th>' for k in
                                     ("framework", "compared-with", "items-compared", "items-mapped", "share",
                                      "not-mapped")) + "</tr></thead>", "<tbody>"]
    for s in sides:
        total = s.total
        table.append(f'<tr data-side="{mk.attr(_side_key(s))}">'
                     f'<th scope="row">{mk.html_text(short(s.framework, p))}</th>'
                     f"<td>{mk.html_text(short(s.counterpart, p))}</td><td>{total.items}</td><td>{total.mapped}</td>"
                     f"<td>{_percent(total.mapped, total.items)}</td><td>{total.items - total.mapped}</td></tr>")
    table += ["</tbody>", "</table>"]
    lines += _scroll(t("coverage-overall", lang), table)
    for s in sides:
        lines += _side_section(p, s)
    return "\n".join([*lines, *relations_legend(p), *attribution(p, frameworks)])


def _side_key(s: SideCoverage) -> str:
    return f"{s.framework.id}-by-{s.counterpart.id}".lower()


def _percent(n: int, total: int) -> str:
    return f"{round(100 * n / total)} %" if total else "–"


def _side_section(p: Page, s: SideCoverage) -> list[str]:
    model, lang = p.model, p.lang
    heading = t("coverage-side", lang).format(framework=short(s.framework, p), counterpart=short(s.counterpart, p))
    lines = [f"## {mk.text(heading)} {{#{_side_key(s)}}}", ""]
    d = Direction(s.mapping_set, s.side == "target")
    lines += [f"{p.link(t('crosswalk', lang), urls.crosswalk_page(d.left, d.right))} · "
              f"{p.link(t('matrix', lang), urls.matrix_page(d.left, d.right))}", ""]
    rels = list(model.relations)
    head = "".join(f'<th scope="col">{mk.html_text(t(k, lang))}</th>' for k in ("items-count", "items-mapped"))
    head += "".join(f'<th scope="col"><a href="#relation-{mk.attr(r.id)}">{mk.html_text(r.label.get(lang))}</a></th>'
                    for r in rels)
    head += "".join(f'<th scope="col">{mk.html_text(t(k, lang))}</th>' for k in ("not-mapped", "share"))
    table = [f'<table class="cr-table cr-coverage" id="table-{_side_key(s)}">',
             f"<caption>{mk.html_text(heading)}</caption>",
             f'<thead><tr><th scope="col">{mk.html_text(t("group", lang))}</th>{head}</tr></thead>', "<tbody>"]
    for row in s.rows:
        name = row.group.title.get(lang) if row.group else t("all-compared", lang)
        key = row.group.id if row.group else "total"
        cls = ' class="cr-totals"' if row.group is None else ""
        table.append(f'<tr data-group="{mk.attr(key)}"{cls}><th scope="row">{mk.html_text(name)}</th>'
                     f'<td data-col="items">{row.items}</td><td data-col="mapped">{row.mapped}</td>'
                     + "".join(f'<td data-col="{mk.attr(r)}">{n}</td>' for r, n in row.by_relation)
                     + f'<td data-col="not-mapped">{row.items - row.mapped}</td>'
                     f"<td>{_percent(row.mapped, row.items)}</td></tr>")
    table += ["</tbody>", "</table>"]
    lines += _scroll(heading, table)
    lines += _chart(p, s, heading)
    lines += [f"### {t('not-mapped-items', lang)}", "", *_unmapped_list(p, s)]
    return lines


def _chart(p: Page, s: SideCoverage, heading: str) -> list[str]:
    """A stacked bar per group (and the total): one segment per strongest relation, grey for unmapped items."""
    model, lang = p.model, p.lang
    names = [row.group.title.get(lang) if row.group else t("all-compared", lang) for row in s.rows]
    label_w, bar_w, row_h, gap = 16 + 7 * max(len(n) for n in names), 360, 22, 8
    legend = [*(r.label.get(lang) for r in model.relations), t("not-mapped", lang)]
    width = max(label_w + bar_w + 70, sum(30 + 7 * len(x) for x in legend))
    legend_h = 26
    height = legend_h + len(s.rows) * (row_h + gap)
    parts = [f'<figure class="cr-chart"><svg viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-labelledby="chart-{_side_key(s)}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-{_side_key(s)}">{mk.html_text(t("chart-title", lang).format(heading=heading))}</title>']
    x = 0
    for r in model.relations:  # legend
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS.get(r.id, "#000")}"/>'
                     f'<text x="{x + 16}" y="14" font-size="11">{mk.html_text(r.label.get(lang))}</text>')
        x += 30 + 7 * len(r.label.get(lang))
    parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{UNMAPPED_COLOUR}" stroke="#757575"/>'
                 f'<text x="{x + 16}" y="14" font-size="11">{mk.html_text(t("not-mapped", lang))}</text>')
    for n, row in enumerate(s.rows):
        y = legend_h + n * (row_h + gap)
        name = names[n]
        weight = ' font-weight="bold"' if row.group is None else ""
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" font-size="12" text-anchor="end"{weight}>'
                     f"{mk.html_text(name)}</text>")
        parts.append(f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{row_h}" fill="{UNMAPPED_COLOUR}" '
                     f'stroke="#757575"/>')
        offset = 0.0
        for rel, count in row.by_relation:
            if count and row.items:
                w = bar_w * count / row.items
                parts.append(f'<rect x="{label_w + offset:.1f}" y="{y}" width="{w:.1f}" height="{row_h}" '
                             f'fill="{COLOURS.get(rel, "#000")}"/>')
                offset += w
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 15}" font-size="12"{weight}>'
                     f"{row.mapped}/{row.items}</text>")
    parts.append("</svg>")
    parts.append(f"<figcaption>{mk.html_text(t('chart-caption', lang))}</figcaption></figure>")
    return ["".join(parts), ""]


# --- ST0809 link matrices: KSBs × duties, KSBs × EPA methods ------------------------------------------------------

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
    lines = _head(p, title, landscape=len(columns) > LANDSCAPE_COLUMNS, crumbs=crumbs)
    lines += print_meta(p, [fw], []) + print_furniture(p, [fw], title)
    lines += [t("link-matrix-intro", lang).format(group=mk.text(group.title.get(lang))), ""]
    lines += [f"- <span class=\"cr-mark\">●</span> {mk.text(t('link-yes', lang))}",
              f"- <span class=\"cr-mark\">◐</span> {mk.text(t('link-inferred', lang))}",
              f"- <span class=\"cr-mark\">?</span> {mk.text(t('link-unknown', lang))}", ""]
    head = "".join(f'<th scope="col">{_a(p, c.id)}</th>' for c in columns)
    notes = "".join(f"<td>{mk.html_text(_column_confidence(c, lang))}</td>" for c in columns)
    table = ['<table class="cr-table cr-matrix cr-link-matrix">', f"<caption>{mk.html_text(title)}</caption>",
             f'<thead><tr><th scope="col">KSB</th>{head}</tr>'
             f'<tr class="cr-confidence"><th scope="row">{mk.html_text(t("confidence", lang))}</th>{notes}</tr>'
             "</thead>",
             "<tbody>"]
    for g in (g for g in fw.groups if g.stem in KSB_STEMS):
        table.append(f'<tr class="cr-group-row"><th scope="colgroup" colspan="{len(columns) + 1}">'
                     f"{mk.html_text(g.title.get(lang))}</th></tr>")
        for ksb in g.items:
            row = [f'<th scope="row">{_a(p, ksb.id)}</th>']
            for c in columns:
                row.append(_link_cell(ksb, c, lang))
            table.append(f"<tr>{''.join(row)}</tr>")
    table += ["</tbody>", "</table>"]
    lines += _scroll(title, table)
    return "\n".join(lines)
