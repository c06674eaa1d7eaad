"""The coverage and gaps page: per crosswalk side, per compared group and overall, items mapped by their strongest
relation and items without counterpart, as tables and as a printable chart."""

from __future__ import annotations

from ..coverage import CoverageRow, SideCoverage, coverage
from ..model import Lang
from . import markup as mk
from . import urls
from .furniture import (
    attribution,
    page_head,
    print_furniture,
    print_meta,
    relations_legend,
    scroll,
    short,
    unmapped_list,
)
from .i18n import t
from .pages import Page

#: Each relation's chart colour is its `colour` in standards/relations.yaml; unmapped is light grey.
UNMAPPED_COLOUR = "#e0e0e0"


# --- coverage and gaps ------------------------------------------------------------------------------------------

def coverage_page(p: Page) -> str:
    model, lang = p.model, p.lang
    sides = coverage(model)
    frameworks = [f for f in model.frameworks if any(s.framework is f for s in sides)]
    lines = page_head(p, t("coverage", lang), landscape=True, wide=False)
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
    lines += scroll(t("coverage-overall", lang), table)
    for s in sides:
        lines += _side_section(p, s)
    return "\n".join([*lines, *relations_legend(p), *attribution(p, frameworks)])


def _side_key(s: SideCoverage) -> str:
    return urls.coverage_anchor(s.framework.id, s.counterpart.id)


def _row_name(row: CoverageRow, lang: Lang) -> str:
    """A coverage row's name: its group's title, or "all compared groups" for the total."""
    return row.group.title.get(lang) if row.group else t("all-compared", lang)


def _percent(n: int, total: int) -> str:
    return f"{round(100 * n / total)} %" if total else "–"


def _side_section(p: Page, s: SideCoverage) -> list[str]:
    model, lang = p.model, p.lang
    heading = t("coverage-side", lang).format(framework=short(s.framework, p), counterpart=short(s.counterpart, p))
    lines = [f"## {mk.text(heading)} {{#{_side_key(s)}}}", ""]
    left, right = s.framework.id, s.counterpart.id
    lines += [f"{p.link(t('crosswalk', lang), urls.crosswalk_page(left, right))} · "
              f"{p.link(t('matrix', lang), urls.matrix_page(left, right))}", ""]
    rels = list(model.relations)
    head = "".join(f'<th scope="col">{mk.html_text(t(k, lang))}</th>' for k in ("items-count", "items-mapped"))
    head += "".join(f'<th scope="col"><a href="#relation-{mk.attr(r.id)}">{mk.html_text(r.label.get(lang))}</a></th>'
                    for r in rels)
    head += "".join(f'<th scope="col">{mk.html_text(t(k, lang))}</th>' for k in ("not-mapped", "share"))
    table = [f'<table class="cr-table cr-coverage" id="table-{_side_key(s)}">',
             f"<caption>{mk.html_text(heading)}</caption>",
             f'<thead><tr><th scope="col">{mk.html_text(t("group", lang))}</th>{head}</tr></thead>', "<tbody>"]
    for row in s.rows:
        name = _row_name(row, lang)
        key = row.group.id if row.group else "total"
        cls = ' class="cr-totals"' if row.group is None else ""
        table.append(f'<tr data-group="{mk.attr(key)}"{cls}><th scope="row">{mk.html_text(name)}</th>'
                     f'<td data-col="items">{row.items}</td><td data-col="mapped">{row.mapped}</td>'
                     + "".join(f'<td data-col="{mk.attr(r)}">{n}</td>' for r, n in row.by_relation)
                     + f'<td data-col="not-mapped">{row.items - row.mapped}</td>'
                     f"<td>{_percent(row.mapped, row.items)}</td></tr>")
    table += ["</tbody>", "</table>"]
    lines += scroll(heading, table)
    lines += _chart(p, s, heading)
    lines += [f"### {t('not-mapped-items', lang)}", "", *unmapped_list(p, s)]
    return lines


def _chart(p: Page, s: SideCoverage, heading: str) -> list[str]:
    """A stacked bar per group (and the total): one segment per strongest relation, grey for unmapped items."""
    model, lang = p.model, p.lang
    names = [_row_name(row, lang) for row in s.rows]
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
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{mk.attr(r.colour)}"/>'
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
                             f'fill="{mk.attr(model.relation[rel].colour)}"/>')
                offset += w
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 15}" font-size="12"{weight}>'
                     f"{row.mapped}/{row.items}</text>")
    parts.append("</svg>")
    parts.append(f"<figcaption>{mk.html_text(t('chart-caption', lang))}</figcaption></figure>")
    return ["".join(parts), ""]
