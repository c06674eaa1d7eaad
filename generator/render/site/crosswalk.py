"""Crosswalk pages: the mappings hub, and every mapping of a framework pair read from either side (filterable and
sortable by crosswalk.js); the matrix of one side's items against the other side's groups is matrix.py."""

from __future__ import annotations

from generator.model import urls
from generator.model.coverage import seen_from, side_coverage
from generator.model.inventory import Direction
from generator.model.types import Item, Mapping
from generator.render import markup as mk
from generator.render.site import reconfirm
from generator.render.site.context import Page, head
from generator.render.site.furniture import (
    attribution,
    html_item_link,
    item_order,
    page_head,
    print_furniture,
    print_meta,
    reads,
    relations_legend,
    reviewer,
    scroll,
    short,
    unmapped_list,
)
from generator.render.strings import t

# --- the hub: relation types and every crosswalk -------------------------------------------------------------------


def mappings_page(p: Page) -> str:
    model, lang = p.model, p.lang
    lines = [
        *head(t("mappings", lang), [p.link(t("frameworks", lang), "frameworks")]),
        mk.text(t("mappings-intro", lang)),
        "",
    ]
    if not model.mapping_sets:
        return "\n".join([*lines, t("no-mappings", lang), ""])
    lines += [f"- {p.link(t('coverage', lang), urls.COVERAGE)}", ""]
    for mset in model.mapping_sets:
        src, dst = model.framework[mset.source], model.framework[mset.target]
        lines += [f"## {mk.text(short(src, p))} ↔ {mk.text(short(dst, p))} {{#{urls.slug(mset.id)}}}", ""]
        for left, right in ((src, dst), (dst, src)):
            label = f"{t('crosswalk', lang)}: {short(left, p)} → {short(right, p)}"
            lines.append(
                f"- {p.link(label, urls.crosswalk_page(left.id, right.id))} ({len(mset.mappings)}) · "
                f"{p.link(t('matrix', lang), urls.matrix_page(left.id, right.id))}"
            )
        lines.append("")
        if mset.description:
            lines += [f'!!! info "{t("method", lang)}"', "", f"    {mk.text(mset.description.get(lang))}", ""]
    return "\n".join([*lines, *relations_legend(p, with_marks=True)])


# --- crosswalk: every mapping of a pair, read from one side -----------------------------------------------------


def _relation_cell(p: Page, relation: str, left: Item, right: Item) -> mk.Markup:
    rel = p.model.relation[relation]
    order = [r.id for r in p.model.relations].index(relation)
    return mk.el(
        "td",
        mk.el("a", reads(p, relation, left, right), href=f"#relation-{relation}"),
        data_sort=f"{9 - rel.strength}{order}",
        data_label=t("relation", p.lang),
    )


def _item_cell(p: Page, item: Item, order: int, tag: str = "td", label: str | None = None) -> mk.Markup:
    group = p.model.groups[item.group]
    statement = item.title.get(p.lang) if item.title else item.statement.get(p.lang)
    return mk.el(
        tag,
        html_item_link(p, item.id),
        mk.el("span", group.title.get(p.lang), class_="cr-group"),
        mk.el("span", statement, class_="cr-statement"),
        scope="row" if tag == "th" else None,
        data_sort=f"{order:06d}",
        data_label=label,
    )


def crosswalk_page(p: Page, d: Direction) -> str:
    model, lang = p.model, p.lang
    left, right = model.framework[d.left], model.framework[d.right]
    names = {"left": short(left, p), "right": short(right, p)}
    title = f"{t('crosswalk', lang)}: {names['left']} → {names['right']}"
    lines = page_head(p, title, landscape=True)
    lines = print_furniture(lines, p, [left, right], title)
    lines += print_meta(p, [left, right], [d.mset])
    lines += _how_to_read(p, d, names)
    order = item_order(model)
    rows = sorted(d.mset.mappings, key=lambda m: (order[d.ends(m)[0]], order[d.ends(m)[1]]))
    table_id = f"cw-{d.left.lower()}-{d.right.lower()}"
    count = mk.el(
        "span", len(rows), class_="cr-heading-count", data_for=table_id, data_template=t("filter-heading-count", lang)
    )
    lines += [
        f"## {t('mappings-table', lang)} ({count})",
        "",
        *reconfirm.note(p, [d.mset]),
        *_filters(p, d, rows, table_id),
    ]
    head = mk.el(
        "tr",
        mk.col(names["left"], data_sortable=True),
        mk.col(t("relation", lang), data_sortable=True),
        mk.col(names["right"], data_sortable=True),
        mk.col(t("rationale", lang)),
    )
    body = [_row(p, d, m, n, order, names["right"]) for n, m in enumerate(rows)]
    caption = t("crosswalk-caption", lang, n=len(rows), **names)
    filtered = t("crosswalk-caption-filtered", lang).replace("{left}", names["left"]).replace("{right}", names["right"])
    # out of the search index: every row is on the item pages of both its ends, as a readable sentence
    table = mk.table(
        caption,
        [head],
        body,
        class_="cr-table cr-crosswalk cr-stack",
        id=table_id,
        data_caption_filtered=filtered,
        data_search_exclude=True,
    )
    lines += scroll(t("mappings-table", lang), table)
    side = side_coverage(model, d.mset, d.side, p.reconfirm)
    lines += [
        f"## {t('without-counterpart', lang)} ({len(side.total.unmapped)})",
        "",
        t("without-counterpart-intro", lang).format(left=mk.text(names["left"]), right=mk.text(names["right"])),
        "",
        *unmapped_list(p, side),
    ]
    lines += relations_legend(p)
    if d.mset.description:
        lines += [f"## {t('method', lang)}", "", mk.text(d.mset.description.get(lang)), ""]
    lines += attribution(p, [left, right])
    return "\n".join(lines)


def _how_to_read(p: Page, d: Direction, names: dict[str, str]) -> list[str]:
    """How a row reads, and the other views of the pair: the crosswalk read the other way, its matrix, its coverage."""
    other = Direction(d.mset, not d.reverse)
    return [
        t("crosswalk-reads", p.lang).format(left=mk.text(names["left"]), right=mk.text(names["right"])),
        "",
        f"- {p.link(t('crosswalk-other-way', p.lang), urls.crosswalk_page(other.left, other.right))}",
        f"- {p.link(t('matrix', p.lang), urls.matrix_page(d.left, d.right))}",
        f"- {p.link(t('coverage', p.lang), urls.COVERAGE, urls.coverage_anchor(d.left, d.right))}",
        "",
    ]


def _row(p: Page, d: Direction, m: Mapping, n: int, order: dict[str, int], right_name: str) -> mk.Markup:
    """One mapping as a table row: the left item, the relation as a sentence, the right item, the rationale with who
    reviewed it (and why it is to be re-confirmed, if it is)."""
    model, lang = p.model, p.lang
    a, b = (model.items[x] for x in d.ends(m))
    relation = seen_from(model, m.relation, d.side)
    reviewed = mk.el(
        "span", f"{t('reviewed', lang)}: {reviewer(m.reviewed_by, lang)}, {m.reviewed_date}", class_="cr-reviewed"
    )
    return mk.el(
        "tr",
        _item_cell(p, a, order[a.id], "th"),
        _relation_cell(p, relation, a, b),
        _item_cell(p, b, order[b.id], label=right_name),
        mk.el("td", m.rationale.get(lang), reviewed, reconfirm.mark(p, m), data_label=t("rationale", lang)),
        data_relation=relation,
        data_groups=f"{a.group} {b.group}",
        data_order=n,
        data_reconfirm="yes" if reconfirm.why(p, m) else None,
    )


def _filters(p: Page, d: Direction, rows: list[Mapping], table_id: str) -> list[str]:
    """Filter controls for the table: hidden until crosswalk.js makes them work (without script, all rows show)."""
    model, lang = p.model, p.lang
    counts: dict[str, int] = {}
    for m in rows:
        rel = seen_from(model, m.relation, d.side)
        counts[rel] = counts.get(rel, 0) + 1
    every = mk.el("option", t("filter-all", lang), value="")
    rel_options = [
        mk.el("option", f"{r.label.get(lang)} ({counts[r.id]})", value=r.id) for r in model.relations if r.id in counts
    ]
    used = {model.items[x].group for m in rows for x in (m.source, m.target)}
    group_options = [
        mk.el(
            "optgroup",
            *(mk.el("option", g.title.get(lang), value=g.id) for g in model.framework[fw_id].groups if g.id in used),
            label=short(model.framework[fw_id], p),
        )
        for fw_id in (d.left, d.right)
    ]

    def select(label: str, name: str, options: list[mk.Markup]) -> mk.Markup:
        return mk.el("label", f"{label} ", mk.el("select", every, *options, data_filter=name))

    stale = sum(reconfirm.why(p, m) is not None for m in rows)  # a filter only where there is something to find
    review = (
        [
            select(
                t("filter-reconfirm", lang),
                "reconfirm",
                [mk.el("option", t("filter-reconfirm-only", lang, n=stale), value="yes")],
            )
        ]
        if stale
        else []
    )
    return [
        f"<div{mk.attributes(class_='cr-filters', data_for=table_id, hidden=True, data_search_exclude=True)}>",
        mk.el("p", t("crosswalk-howto", lang), class_="cr-howto"),
        select(t("relation", lang), "relation", rel_options),
        select(t("group", lang), "group", group_options),
        *review,
        mk.el("p", class_="cr-count", aria_live="polite", data_template=t("filter-count", lang)),
        "</div>",
        "",
    ]
