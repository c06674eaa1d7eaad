"""The coverage and gaps page: per crosswalk side, per compared group and overall, items mapped by their strongest
relation and items without counterpart, as tables and as a printable chart."""

from __future__ import annotations

from .. import markup as mk
from ..coverage import CoverageRow, SideCoverage, coverage
from ..model import Lang, Model
from ..strings import t
from . import urls
from .context import Page
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

#: Each relation's chart colour is its `colour` in standards/relations.yaml; unmapped is light grey.
UNMAPPED_COLOUR = "#e0e0e0"
OUTLINE = "#757575"  # around the grey (unmapped) parts, which are too light to show against white

# Chart geometry in SVG user units (the viewBox scales the chart to the page width).
CHAR_W = 7  # the width of one character of a label, estimated (no font metrics at build time)
LABEL_PAD = 16  # left of the longest group name; also from a legend swatch to its label
NAME_GAP = 8  # between a group's name (or its count) and its bar
BAR_W = 360  # a whole bar: all items of a group
ROW_H = 22  # the height of a bar
ROW_GAP = 8  # between two bars
COUNT_W = 70  # right of the bars, for "mapped/items"
TEXT_DY = 15  # from a bar's top to the baseline of its name
LEGEND_H = 26  # the legend row above the bars
SWATCH = 12  # the side of a legend square
LEGEND_ENTRY_PAD = 30  # per legend entry besides its label: swatch, gaps


# --- coverage and gaps ------------------------------------------------------------------------------------------

def coverage_page(p: Page) -> str:
    model, lang = p.model, p.lang
    sides = coverage(model)
    frameworks = [f for f in model.frameworks if any(s.framework is f for s in sides)]
    lines = page_head(p, t("coverage", lang), landscape=True, wide=False)
    lines = print_furniture(lines, p, frameworks, t("coverage", lang))
    lines += print_meta(p, frameworks, list(model.mapping_sets))
    lines += [t("coverage-intro", lang), ""]
    if not sides:
        return "\n".join([*lines, t("no-mappings", lang), ""])
    # Overall: one row per framework side.
    lines += [f"## {t('coverage-overall', lang)}", ""]
    keys = ("framework", "compared-with", "items-compared", "items-mapped", "share", "not-mapped")
    head = mk.el("tr", *(mk.col(t(k, lang)) for k in keys))
    rows = [mk.el("tr", mk.el("th", short(s.framework, p), scope="row"),
                  *(mk.el("td", x) for x in (short(s.counterpart, p), s.total.items, s.total.mapped,
                                             _percent(s.total.mapped, s.total.items), s.total.items - s.total.mapped)),
                  data_side=_side_key(s)) for s in sides]
    table = mk.table(t("coverage-overall", lang), [head], rows, class_="cr-table cr-coverage-overall",
                     id="coverage-overall")
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
    head = mk.el("tr", *(mk.col(t(k, lang)) for k in ("group", "items-count", "items-mapped")),
                 *(mk.col(mk.el("a", r.label.get(lang), href=f"#relation-{r.id}")) for r in rels),
                 *(mk.col(t(k, lang)) for k in ("not-mapped", "share")))
    rows = []
    for row in s.rows:
        cells = [("items", row.items), ("mapped", row.mapped), *row.by_relation, ("not-mapped", row.items - row.mapped)]
        rows.append(mk.el("tr", mk.el("th", _row_name(row, lang), scope="row"),
                          *(mk.el("td", n, data_col=col) for col, n in cells),
                          mk.el("td", _percent(row.mapped, row.items)),
                          data_group=row.group.id if row.group else "total",
                          class_="cr-totals" if row.group is None else None))
    table = mk.table(heading, [head], rows, class_="cr-table cr-coverage", id=f"table-{_side_key(s)}")
    lines += scroll(heading, table)
    lines += _chart(p, s, heading)
    lines += [f"### {t('not-mapped-items', lang)}", "", *unmapped_list(p, s)]
    return lines


def _chart(p: Page, s: SideCoverage, heading: str) -> list[str]:
    """A stacked bar per group (and the total): one segment per strongest relation, grey for unmapped items."""
    model, lang = p.model, p.lang
    names = [_row_name(row, lang) for row in s.rows]
    label_w = LABEL_PAD + CHAR_W * max(len(n) for n in names)
    legend = [*((r.label.get(lang), r.colour, None) for r in model.relations),
              (t("not-mapped", lang), UNMAPPED_COLOUR, OUTLINE)]
    width = max(label_w + BAR_W + COUNT_W, sum(_legend_w(label) for label, _c, _o in legend))
    height = LEGEND_H + len(s.rows) * (ROW_H + ROW_GAP)
    parts = [mk.el("title", t("chart-title", lang, heading=heading), id=f"chart-{_side_key(s)}")]
    x = 0
    for label, colour, outline in legend:
        parts += [mk.void("rect", x=x, y=4, width=SWATCH, height=SWATCH, fill=colour, stroke=outline),
                  mk.el("text", label, x=x + LABEL_PAD, y=4 + SWATCH - 2, font_size=11)]
        x += _legend_w(label)
    for n, row in enumerate(s.rows):
        parts += _bar(model, row, names[n], label_w, LEGEND_H + n * (ROW_H + ROW_GAP))
    svg = mk.el("svg", *parts, viewBox=f"0 0 {width} {height}", width="100%", role="img",
                aria_labelledby=f"chart-{_side_key(s)}", xmlns="http://www.w3.org/2000/svg")
    return [mk.el("figure", svg, mk.el("figcaption", t("chart-caption", lang)), class_="cr-chart"), ""]


def _legend_w(label: str) -> int:
    """Room for one legend entry: swatch, gap and label."""
    return LEGEND_ENTRY_PAD + CHAR_W * len(label)


def _bar(model: Model, row: CoverageRow, name: str, label_w: int, y: int) -> list[mk.Markup]:
    """One group's row of the chart: its name, the grey full bar, a segment per relation, and mapped/items."""
    weight = "bold" if row.group is None else None
    parts = [mk.el("text", name, x=label_w - NAME_GAP, y=y + TEXT_DY, font_size=12, text_anchor="end",
                   font_weight=weight),
             mk.void("rect", x=label_w, y=y, width=BAR_W, height=ROW_H, fill=UNMAPPED_COLOUR, stroke=OUTLINE)]
    offset = 0.0
    for rel, count in row.by_relation:
        if count and row.items:
            w = BAR_W * count / row.items
            parts.append(mk.void("rect", x=f"{label_w + offset:.1f}", y=y, width=f"{w:.1f}", height=ROW_H,
                                 fill=model.relation[rel].colour))
            offset += w
    parts.append(mk.el("text", f"{row.mapped}/{row.items}", x=label_w + BAR_W + NAME_GAP, y=y + TEXT_DY,
                       font_size=12, font_weight=weight))
    return parts
