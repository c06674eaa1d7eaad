"""Shared parts of the crosswalk, matrix and coverage pages: head with print markers, framework short names, item
links inside raw HTML, scroll regions, relation definitions, and what an assessor needs on paper (versions, data
date, running header and footer, attribution)."""

from __future__ import annotations

from ..coverage import SideCoverage
from ..dates import data_date
from ..model import Framework, MappingSet, Model
from . import markup as mk
from . import urls
from .i18n import t
from .pages import Page, head, item_name

#: Matrices with more columns than this print on landscape A4.
LANDSCAPE_COLUMNS = 8


def short(fw: Framework, p: Page) -> str:
    return fw.short_title.get(p.lang) if fw.short_title else fw.title.get(p.lang)


def item_order(model: Model) -> dict[str, int]:
    return {item.id: n for n, item in enumerate(i for f in model.frameworks for g in f.groups for i in g.items)}


def html_item_link(p: Page, item_id: str, label: str | None = None) -> str:
    target, anchor = urls.item_target(p.model, item_id)
    text = label if label is not None else item_name(p.model, p.model.items[item_id], p.lang)
    return f'<a href="{mk.attr(urls.html_link(p.path, target, anchor))}">{mk.html_text(text)}</a>'


def page_head(p: Page, title: str, landscape: bool, crumbs: list[str] | None = None, wide: bool = True) -> list[str]:
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
    """Sources and their attribution, in full (the printed page header carries a short form on every page)."""
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
        mark = f'<span class="cr-mark" aria-hidden="true">{mk.html_text(r.mark)}</span> ' if with_marks else ""
        lines.append(f'<dt id="relation-{mk.attr(r.id)}">{mark}{mk.html_text(r.label.get(p.lang))}</dt>'
                     f"<dd>{mk.html_text(r.definition.get(p.lang))}</dd>")
    return [*lines, "</dl>", ""]


def scroll(label: str, table: list[str]) -> list[str]:
    """Wide tables scroll sideways on small screens; the region is focusable so keyboards can scroll it."""
    return [f'<div class="cr-scroll" role="region" tabindex="0" aria-label="{mk.attr(label)}">', *table, "</div>", ""]


def unmapped_list(p: Page, side: SideCoverage) -> list[str]:
    lines = []
    for row in side.rows[:-1]:
        if row.unmapped and row.group is not None:
            lines.append(f"- **{mk.text(row.group.title.get(p.lang))}**: "
                         + ", ".join(p.item_link(i.id) for i in row.unmapped))
    return [*lines, ""] if lines else [t("all-mapped", p.lang), ""]
