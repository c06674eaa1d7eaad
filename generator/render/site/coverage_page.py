"""The coverage and gaps page: per crosswalk side, per compared group and overall, items mapped by their strongest
relation and items without counterpart, as tables and as a printable chart."""

from __future__ import annotations

from generator.model import urls
from generator.model.coverage import CoverageRow, SideCoverage, coverage
from generator.model.types import Lang, Model
from generator.render import markup as mk
from generator.render.site import reconfirm
from generator.render.site.context import Page
from generator.render.site.furniture import (
    attribution,
    page_head,
    print_furniture,
    print_meta,
    relations_legend,
    scroll,
    short,
    unmapped_list,
)
from generator.render.strings import t

#: Each relation's chart colour is its `colour` in standards/relations.yaml; unmapped is light grey.
UNMAPPED_COLOUR = "#e0e0e0"
#: Relations that make two items equivalent, and the one that only relates them (standards/relations.yaml ids).
EQUIVALENT = ("exact", "close")
RELATED_ONLY = ("related",)


# --- coverage and gaps ------------------------------------------------------------------------------------------


def coverage_page(p: Page) -> str:
    model, lang = p.model, p.lang
    sides = coverage(model, p.reconfirm)  # rows to re-confirm count for nothing until re-reviewed
    frameworks = [f for f in model.frameworks if any(s.framework is f for s in sides)]
    lines = page_head(p, t("coverage", lang), landscape=True, wide=False)
    lines = print_furniture(lines, p, frameworks, t("coverage", lang))
    lines += print_meta(p, frameworks, list(model.mapping_sets))
    lines += [t("coverage-intro", lang), ""]
    if not sides:
        return "\n".join([*lines, t("no-mappings", lang), ""])
    # Overall: one row per framework side.
    lines += [f"## {t('coverage-overall', lang)}", "", *reconfirm.note(p, list(model.mapping_sets))]
    keys = (
        "framework",
        "compared-with",
        "items-compared",
        "items-mapped",
        "share",
        "share-equivalent",
        "share-related-only",
        "not-mapped",
    )
    head = mk.el("tr", *(mk.col(t(k, lang)) for k in keys))
    rows = []
    for s in sides:
        counts = dict(s.total.by_relation)
        equivalent = sum(counts.get(r, 0) for r in EQUIVALENT)
        related = sum(counts.get(r, 0) for r in RELATED_ONLY)
        values: tuple[str | int, ...] = (
            short(s.counterpart, p),
            s.total.items,
            s.total.mapped,
            _percent(s.total.mapped, s.total.items),
            _share(equivalent, s.total.items),
            _share(related, s.total.items),
            s.total.items - s.total.mapped,
        )
        rows.append(
            mk.el(
                "tr",
                mk.el("th", short(s.framework, p), scope="row", data_label=t(keys[0], lang)),
                *(mk.el("td", x, data_label=t(k, lang)) for k, x in zip(keys[1:], values, strict=True)),
                data_side=_side_key(s),
            )
        )
    table = mk.table(
        t("coverage-overall", lang), [head], rows, class_="cr-table cr-coverage-overall cr-stack", id="coverage-overall"
    )
    lines += scroll(t("coverage-overall", lang), table)
    lines += [t("coverage-shares-explained", lang), ""]  # our own catalogue text, Markdown on purpose
    for s in sides:
        lines += _side_section(p, s)
    return "\n".join([*lines, *relations_legend(p), *attribution(p, frameworks)])


def _side_key(s: SideCoverage) -> str:
    return urls.coverage_anchor(s.framework.id, s.counterpart.id)


def _row_name(row: CoverageRow, lang: Lang) -> str:
    """A coverage row's name: its group's title, or "all compared groups" for the total."""
    return row.group.title.get(lang) if row.group else t("all-compared", lang)


def _percent(n: int, total: int) -> str:
    return f"{round(100 * n / total)}\u00a0%" if total else "–"  # no break between number and %


def _share(n: int, total: int) -> str:
    """A count with its share of the whole: "7 (11 %)"."""
    return f"{n} ({_percent(n, total)})"


def _side_section(p: Page, s: SideCoverage) -> list[str]:
    model, lang = p.model, p.lang
    heading = t("coverage-side", lang).format(framework=short(s.framework, p), counterpart=short(s.counterpart, p))
    lines = [f"## {mk.text(heading)} {{#{_side_key(s)}}}", ""]
    left, right = s.framework.id, s.counterpart.id
    lines += [
        f"{p.link(t('crosswalk', lang), urls.crosswalk_page(left, right))} · "
        f"{p.link(t('matrix', lang), urls.matrix_page(left, right))}",
        "",
        *reconfirm.note(p, [s.mapping_set]),
    ]
    rels = list(model.relations)
    head = mk.el(
        "tr",
        *(mk.col(t(k, lang)) for k in ("group", "items-count", "items-mapped")),
        *(mk.col(mk.el("a", r.label.get(lang), href=f"#relation-{r.id}")) for r in rels),
        *(mk.col(t(k, lang)) for k in ("not-mapped", "share")),
    )
    names = {
        "items": t("items-count", lang),
        "mapped": t("items-mapped", lang),
        "not-mapped": t("not-mapped", lang),
        **{r.id: r.label.get(lang) for r in rels},
    }
    rows = []
    for row in s.rows:
        cells = [("items", row.items), ("mapped", row.mapped), *row.by_relation, ("not-mapped", row.items - row.mapped)]
        rows.append(
            mk.el(
                "tr",
                mk.el("th", _row_name(row, lang), scope="row"),
                *(mk.el("td", n, data_col=col, data_label=names[col]) for col, n in cells),
                mk.el("td", _percent(row.mapped, row.items), data_label=t("share", lang)),
                data_group=row.group.id if row.group else "total",
                class_="cr-totals" if row.group is None else None,
            )
        )
    table = mk.table(heading, [head], rows, class_="cr-table cr-coverage cr-stack", id=f"table-{_side_key(s)}")
    lines += scroll(heading, table)
    lines += _chart(p, s, heading)
    lines += [f"### {t('not-mapped-items', lang)}", "", *unmapped_list(p, s)]
    return lines


def _chart(p: Page, s: SideCoverage, heading: str) -> list[str]:
    """A stacked bar per group (and the total): one segment per strongest relation, grey for unmapped items. HTML
    and CSS, not SVG: labels keep the text size of the page at any width and wrap above the bar on a phone. The
    bars are decoration (aria-hidden): the table above holds the same numbers."""
    model, lang = p.model, p.lang
    legend = [*((r.label.get(lang), r.colour) for r in model.relations), (t("not-mapped", lang), UNMAPPED_COLOUR)]
    keys = mk.el(
        "ul",
        *(
            mk.el("li", mk.el("span", class_="cr-swatch", style=f"background:{colour}"), label)
            for label, colour in legend
        ),
        class_="cr-chart-legend",
    )
    rows = [_bar(model, row, _row_name(row, lang)) for row in s.rows]
    caption = mk.el(
        "figcaption", mk.el("strong", t("chart-title", lang, heading=heading)), " ", t("chart-caption", lang)
    )
    return [mk.el("figure", keys, *rows, caption, class_="cr-chart", id=f"chart-{_side_key(s)}"), ""]


def _bar(model: Model, row: CoverageRow, name: str) -> mk.Markup:
    """One group's row of the chart: its name, the bar (a segment per relation on grey), and mapped/items."""
    segments = [
        mk.el("span", style=f"width:{100 * count / row.items:.2f}%;background:{model.relation[rel].colour}")
        for rel, count in row.by_relation
        if count and row.items
    ]
    return mk.el(
        "div",
        mk.el("span", name, class_="cr-chart-name", data_chart_label=True),
        mk.el("span", *segments, class_="cr-chart-bar", aria_hidden="true"),
        mk.el("span", f"{row.mapped}/{row.items}", class_="cr-chart-count", data_chart_label=True),
        class_="cr-chart-row cr-chart-total" if row.group is None else "cr-chart-row",
    )
