"""Shared parts of the crosswalk, matrix and coverage pages: head with print markers, framework short names, item
links inside raw HTML, scroll regions, relation definitions, and what an assessor needs on paper (versions, data
date, running header and footer, attribution)."""

from __future__ import annotations

import json

from generator.model import urls
from generator.model.coverage import SideCoverage
from generator.model.dates import data_date
from generator.model.types import Framework, Item, Lang, MappingSet, Model
from generator.render import markup as mk
from generator.render.site.context import Page, head, item_name
from generator.render.strings import t

#: Matrices with more columns than this print on landscape A4.
LANDSCAPE_COLUMNS = 8


def short(fw: Framework, p: Page) -> str:
    return fw.short_title.get(p.lang) if fw.short_title else fw.title.get(p.lang)


def item_order(model: Model) -> dict[str, int]:
    return {item.id: n for n, item in enumerate(i for f in model.frameworks for g in f.groups for i in g.items)}


def html_item_link(p: Page, item_id: str, label: str | None = None, preview: bool = False) -> mk.Markup:
    """A link to an item's page; with `preview`, its statement shows on hover (matrix cells hold codes only)."""
    target, anchor = urls.item_target(p.model, item_id)
    item = p.model.items[item_id]
    text = label if label is not None else item_name(p.model, item, p.lang)
    return mk.el(
        "a", text, href=urls.html_link(p.path, target, anchor), title=item.statement.get(p.lang) if preview else None
    )


def page_head(p: Page, title: str, landscape: bool, crumbs: list[str] | None = None, wide: bool = True) -> list[str]:
    """Page head; `wide` pages give the table of contents' room to the table, `landscape` ones print sideways."""
    crumbs = crumbs or [p.link(t("frameworks", p.lang), "frameworks"), p.link(t("mappings", p.lang), "mappings")]
    lines = head(title, crumbs, hide=("toc",) if wide else ())
    if landscape:  # print.css turns a page holding this marker to landscape A4
        lines += [mk.el("div", class_="cr-landscape", hidden=True), ""]
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
    facts = "; ".join(f"{short(fw, p)}: {_fw_fact(fw, p)}" for fw in frameworks)
    parts = [(t("print-versions", lang), facts), (t("print-data-date", lang), data_date(p.model))]
    if msets:
        reviewers = sorted({reviewer(m.reviewed_by, lang) for s in msets for m in s.mappings})
        parts.append((t("print-reviewed", lang), f"{', '.join(reviewers)}, {_reviews(msets)}"))
    sentences = [mk.join([mk.el("strong", label), f": {value}."]) for label, value in parts]
    return [mk.el("p", mk.join(sentences, " "), class_="cr-print-meta"), ""]


def attribution(p: Page, frameworks: list[Framework]) -> list[str]:
    """Sources and their attribution, in full (the printed page header carries a short form on every page)."""
    lines = [f"## {t('sources-attribution', p.lang)}", ""]
    for fw in frameworks:
        lines += [
            f"**{mk.text(short(fw, p))}** ({p.link(t('sources', p.lang), urls.framework_page(fw), 'sources')}): "
            f"{mk.text(fw.licence.attribution.get(p.lang))}",
            "",
        ]
    return lines


def print_furniture(lines: list[str], p: Page, frameworks: list[Framework], title: str) -> list[str]:
    """`lines` (a page that starts with front matter) with the running header and footer of every printed page:
    framework versions, publishers and licences on top; the data date, site and page title below. They are CSS
    page-margin boxes, so they repeat on pages without a table too; the CSS goes into the page's front matter
    (`cr_print_css`), which overrides/main.html writes into a <style> in the head."""
    sources = " · ".join(
        f"{_fw_fact(fw, p)}, © {fw.publisher.get(p.lang)}, {fw.licence.name.get(p.lang)}" for fw in frameworks
    )
    footer = f"{t('print-data-date', p.lang)} {data_date(p.model)} · {t('site-name', p.lang)} · {title}"
    css = (
        f"@page {{ @top-left {{ content: {mk.css_string(sources)}; }} "
        f"@bottom-left {{ content: {mk.css_string(footer)}; }} }}"
    )
    end = lines.index("---", 1)  # the end of the front matter
    return [*lines[:end], f"cr_print_css: {json.dumps(css, ensure_ascii=True)}", *lines[end:]]


def relations_legend(p: Page, with_marks: bool = False) -> list[str]:
    """The plain definition of every relation type, with an anchor per type."""
    lines = [f"## {t('relations', p.lang)}", "", '<dl class="cr-relations">']
    for r in p.model.relations:
        mark = mk.join([mk.el("span", r.mark, class_="cr-mark", aria_hidden="true"), " "])
        lines.append(
            mk.el("dt", mark if with_marks else "", r.label.get(p.lang), id=f"relation-{r.id}")
            + mk.el("dd", r.definition.get(p.lang))
        )
    return [*lines, "</dl>", ""]


def scroll(label: str, table: list[str]) -> list[str]:
    """Wide tables scroll sideways on small screens; the region is focusable so keyboards can scroll it."""
    region = mk.attributes(class_="cr-scroll", role="region", tabindex=0, aria_label=label)
    return [f"<div{region}>", *table, "</div>", ""]


def unmapped_list(p: Page, side: SideCoverage) -> list[str]:
    """Per compared group, its unmapped items, each with the reason the mapping file gives (or says none is given);
    an item whose only mappings are to be re-confirmed says so."""
    lines = []
    reasons = side.mapping_set.reason_for
    for row in side.rows[:-1]:
        if row.unmapped and row.group is not None:
            lines.append(f"- **{mk.text(row.group.title.get(p.lang))}**")
            for i in row.unmapped:
                reason = reasons.get(i.id)
                why = mk.text(reason.get(p.lang)) if reason else t("gap-no-reason", p.lang)
                if i in row.waiting:
                    why = mk.text(t("gap-reconfirm", p.lang))
                lines.append(f"    - {p.item_link(i.id)}: {why}")
    return [*lines, ""] if lines else [t("all-mapped", p.lang), ""]


def reviewer(name: str, lang: Lang) -> str:
    """Who reviewed a mapping, in the page's language when it is our own editorial team (a name stays a name)."""
    return t("editorial-team", lang) if name == t("editorial-team", "en") else name


#: How a row reads, per relation of the vocabulary (standards/relations.yaml); another relation reads generically.
READS = {
    "exact": "relation-reads.exact",
    "close": "relation-reads.close",
    "broad": "relation-reads.broad",
    "narrow": "relation-reads.narrow",
    "related": "relation-reads.related",
}


def reads(p: Page, relation: str, left: Item, right: Item) -> str:
    """The mapping as one sentence with its direction: "Methodical approach 6.10 is broader than S1" (`right` is
    `relation` to `left`)."""
    names = {"left": item_name(p.model, left, p.lang), "right": item_name(p.model, right, p.lang)}
    if relation in READS:
        return t(READS[relation], p.lang, **names)
    return t("relation-reads.generic", p.lang, relation=p.model.relation[relation].label.get(p.lang), **names)
