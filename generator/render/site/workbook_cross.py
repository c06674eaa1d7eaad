"""The workbook page's cross-framework view: for each other framework, the items of this one with the items a
crosswalk maps them to (the script marks them covered as the reader's work on those items grows; never printed)."""

from __future__ import annotations

from generator.model.inventory import is_ksb_framework
from generator.model.types import Framework
from generator.render import markup as mk
from generator.render.site.context import Page, item_name
from generator.render.site.furniture import html_item_link, scroll, short
from generator.render.site.workbook_data import CrossView, cross_views
from generator.render.strings import t


def _candidates(p: Page, view: CrossView, cands: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(
        f"{item_name(p.model, p.model.items[i], p.lang)} ({p.model.relation[r].label.get(p.lang)})" for i, r in cands
    )


def _cross_view(p: Page, fw: Framework, n: int, view: CrossView) -> list[str]:
    lang, other = p.lang, view.other
    total = sum(len(rows) for _g, rows in view.groups)
    lines = [f"### {mk.text(t('wb-cross-title', lang, other=short(other, p)))} {{: .cr-wb-noprint }}", ""]
    if not is_ksb_framework(other):
        lines += [mk.el("p", t("wb-no-workbook", lang, other=short(other, p)), class_="cr-wb-noprint"), ""]
    lines += [
        mk.el(
            "p",
            t("wb-cross-summary", lang, covered=0, total=total, working=0, open=total),
            class_="cr-wb-xsum",
            data_view=n,
        ),
        "",
    ]
    head = [mk.el("tr", *(mk.col(t(k, lang)) for k in ("item", "wb-cross-candidates", "wb-cross-state")))]
    rows = []
    for group, items in view.groups:
        rows.append(mk.el("tr", mk.el("th", group.title.get(lang), scope="colgroup", colspan=3), class_="cr-group-row"))
        rows += [
            mk.el(
                "tr",
                mk.el("th", html_item_link(p, x.item.id), scope="row"),
                mk.el("td", _candidates(p, view, x.candidates) or t("wb-cross-unmapped", lang)),
                mk.el("td", t("wb-cross-open" if x.candidates else "wb-cross-unmapped", lang), class_="cr-wb-xstate"),
                data_item=x.item.id,
            )
            for x in items
        ]
    caption = t("wb-cross-title", lang, other=short(other, p))
    return lines + scroll(caption, mk.table(caption, head, rows, class_="cr-table cr-wb-cross", data_view=n))


def cross_section(p: Page, fw: Framework) -> list[str]:
    """The section, or nothing when no crosswalk joins the framework to another."""
    views = cross_views(p.model, fw)
    if not views:
        return []
    lines = [
        f"## {t('wb-cross', p.lang)} {{: #across .cr-wb-noprint }}",
        "",
        mk.el("p", t("wb-cross-intro", p.lang), class_="cr-wb-noprint"),
        "",
        # about the cross-framework tables, which do not print: the printed portfolio holds no mapping
        mk.el("p", mk.el("strong", t("wb-not-accreditation", p.lang)), class_="cr-wb-disclaimer cr-wb-noprint"),
        "",
    ]
    for n, view in enumerate(views):
        lines += _cross_view(p, fw, n, view)
    return lines
