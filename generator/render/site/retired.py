"""The page left at the address of a retired item: it names the successor and links to it (or says why the item
went), stays out of the search index, asks search engines not to index it and points its canonical URL at the
successor, so old links, bookmarks and course files keep leading somewhere useful."""

from __future__ import annotations

from generator.model import urls
from generator.model.types import Framework, Group, Retired
from generator.render import markup as mk
from generator.render.site.context import HEADER, Page, crumbs, item_heading
from generator.render.site.twins import page_url
from generator.render.strings import t


def retired_page(p: Page, fw: Framework, group: Group, entry: Retired) -> str:
    lang, model = p.lang, p.model
    successor = model.items.get(entry.replaced_by or "")
    if successor is not None:
        target, anchor = urls.item_target(model, successor.id)
    else:
        target, anchor = urls.group_page(fw, group), ""
    canonical = page_url(target, lang) + (f"#{anchor}" if anchor else "")
    title = t("retired-title", lang, id=entry.id)
    lines = [
        HEADER,
        f"title: {mk.yaml_title(title)}",
        "search:",
        "  exclude: true",
        "robots: noindex",
        f"canonical: {mk.yaml_title(canonical)}",
        "---",
        "",
        f"# {mk.text(title)}",
        "",
        " › ".join(crumbs(p, fw, group)),
        "{: .cr-breadcrumb }",
        "",
        mk.text(t("retired-intro", lang, id=entry.id, date=entry.date)),
        "",
    ]
    for ident in entry.successors:
        part = model.items[ident]
        part_target, part_anchor = urls.item_target(model, part.id)
        link = p.link(item_heading(model, part, lang), part_target, part_anchor)
        lines += [f"{mk.text(t('retired-successor', lang))} **{link}** ({mk.text(part.id)})", ""]
    if entry.reason is not None:
        lines += [f"{mk.text(t('retired-reason', lang))} {mk.text(entry.reason.get(lang))}", ""]
    if successor is None:
        lines += [p.link(t("retired-group", lang, group=group.title.get(lang)), target), ""]
    return "\n".join(lines)
