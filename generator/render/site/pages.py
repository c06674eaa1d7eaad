"""Page renderers: model objects + language → the Markdown of one page (plain functions returning strings).

The shared page context and item blocks are in context.py and items.py."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import urls
from generator.model.inventory import is_ksb_framework, link_groups
from generator.model.types import Framework, Group, Item
from generator.render import markup as mk
from generator.render.site.context import (
    HEADER as HEADER,  # re-exported: generate.py writes it above the downloads and course pages
)
from generator.render.site.context import Page as Page
from generator.render.site.context import (
    crumbs,
    head,
    item_heading,
    item_name,
    kind_line,
    official_url,
    status_line,
    status_panel,
)
from generator.render.site.ids import id_line
from generator.render.site.items import details, last_changed, related, statement
from generator.render.strings import t, tn

# --- page kinds --------------------------------------------------------------------------------------------


def frameworks_page(p: Page) -> str:
    lines = [*head(t("frameworks", p.lang)), mk.text(t("frameworks-intro", p.lang)), ""]
    for fw in p.model.frameworks:
        lines += [
            f"## {p.link(fw.title.get(p.lang), urls.framework_page(fw))}",
            "",
            f"{mk.text(fw.publisher.get(p.lang))} · {mk.text(fw.reference)} · {t('version', p.lang)} "
            f"{mk.text(fw.version)} · {mk.text(t('status.' + fw.status, p.lang))}",
            "",
        ]
        lines += [
            f"- {p.link(g.title.get(p.lang), urls.group_page(fw, g))} ({tn('items-n', len(g.items), p.lang)})"
            for g in fw.groups
        ]
        lines.append("")
    return "\n".join(lines)


def framework_page(p: Page, fw: Framework) -> str:
    lang = p.lang
    lines = head(fw.title.get(lang), crumbs(p)) + kind_line(p, fw.title, official_url(fw), fw) + status_panel(p, fw)
    facts = [
        ("publisher", fw.publisher.get(lang)),
        ("reference", fw.reference),
        ("version", fw.version),
        ("status", t("status." + fw.status, lang)),
        ("level", fw.level),
        ("date", fw.date),
        ("official-languages", ", ".join(t("lang." + x, lang) for x in fw.official_languages)),
    ]
    lines += [f"| {t('overview', lang)} | |", "|---|---|"]
    lines += [f"| {t(key, lang)} | {mk.text(value)} |" for key, value in facts if value]
    if official_url(fw):
        lines.append(f"| {t('official-page', lang)} | {mk.link(official_url(fw) or '', official_url(fw) or '')} |")
    lines += ["", f"## {t('contents', lang)}", ""]
    lines += [
        f"- {p.link(g.title.get(lang), urls.group_page(fw, g))} ({tn('items-n', len(g.items), lang)})"
        for g in fw.groups
    ]
    views = [p.link(t("side-by-side", lang), urls.special_page("side-by-side", fw))]
    if is_ksb_framework(fw):
        views.append(p.link(t("checklist", lang), urls.special_page("checklist", fw)))
        views.append(p.link(t("workbook", lang), urls.special_page("workbook", fw)))
    views += [p.link(f"{t('ksbs', lang)} × {g.title.get(lang)}", urls.link_matrix_page(fw, g)) for g in link_groups(fw)]
    for mset in (s for s in p.model.mapping_sets if fw.id in (s.source, s.target)):
        other = p.model.framework[mset.target if mset.source == fw.id else mset.source]
        views.append(
            p.link(
                f"{t('crosswalk', lang)}: {fw.title.get(lang)} → {other.title.get(lang)}",
                urls.crosswalk_page(fw.id, other.id),
            )
        )
    lines += ["", f"## {t('views', lang)}", "", *[f"- {v}" for v in views], ""]
    lines += [f"## {t('completeness', lang)}", "", *[f"- {p.prose(c, fw.id)}" for c in fw.completeness], ""]
    lic = fw.licence
    lic_name = mk.link(lic.name.get(lang), lic.url) if lic.url else mk.text(lic.name.get(lang))
    lines += [
        f"## {t('licence', lang)}",
        "",
        lic_name,
        "",
        *kind_line(p, lic.attribution, None),
        mk.text(lic.attribution.get(lang)),
        "",
    ]
    lines += [f"## {t('sources', lang)} {{#sources}}", ""]
    for s in fw.sources:
        title = mk.link(s.title.get(lang), s.url) if s.url else mk.text(s.title.get(lang))
        lines.append(f"- {title}" + (f": {mk.text(s.note.get(lang))}" if s.note else ""))
    lines.append("")
    if fw.facts:
        lines += [f"## {t('facts', lang)}", ""]
        lines += [f"**{mk.text(d.label.get(lang))}**: {p.prose(d.value, fw.id)}\n" for d in fw.facts if not d.panel]
    for req in (r for r in p.model.requirement_sets if r.framework == fw.id):
        lines += [f"## {mk.text(req.title.get(lang))}", "", *kind_line(p, req.title, official_url(fw), fw)]
        lines += [f"{i}. {p.prose(c.statement, fw.id)}" for i, c in enumerate(req.conditions, 1)]
        lines += ["", f"{t('requirement-source', lang)}: {mk.text(req.source.get(lang))}", "{: .cr-meta }", ""]
    return "\n".join(lines)


def group_page(p: Page, fw: Framework, group: Group) -> str:
    lang = p.lang
    lines = head(group.title.get(lang), crumbs(p, fw)) + status_line(p, fw)
    if group.intro:
        lines += [*kind_line(p, group.intro, official_url(fw), fw), p.prose(group.intro, fw.id), ""]
    for item in group.items:
        anchor = urls.slug(item.id)
        heading = mk.text(item_heading(p.model, item, lang))
        if group.item_pages:
            target = urls.item_page(fw, group, item)
            lines += [f"## [{heading}]({urls.md_link(p.path, target)}) {{#{anchor}}}", "", *id_line(item, lang)]
            lines += [
                mk.badge(
                    item.statement.kind(lang),
                    t(f"kind.{item.statement.kind(lang)}", lang),
                    t(f"kind-note.{item.statement.kind(lang)}", lang),
                ),
                "{: .cr-kind }",
                "",
            ]
            if item.status != "available":
                lines += [f"*{mk.text(t('not-yet-available', lang))}*", ""]
            lines += [p.prose(item.statement, fw.id), ""]
            lines += [f"- {p.prose(s, fw.id)}" for s in item.subpoints]
            lines.append("")
        else:
            lines += [
                f"## {heading} {{#{anchor}}}",
                "",
                *id_line(item, lang),
                *statement(p, item, fw),
                *details(p, item, "###"),
            ]
    return "\n".join(lines)


#: Item pages rank above the long pages that also name the item (crosswalks, matrices) in search.
ITEM_BOOST = 3
TOPIC_CHARS = 60  # an untitled item's topic in its tab title: the start of its statement, up to a word


def item_page(p: Page, fw: Framework, group: Group, item: Item) -> str:
    heading = item_heading(p.model, item, p.lang)
    lines = head(
        heading,
        crumbs(p, fw, group),
        tab_title=f"{_topic(p, item, heading)} — {fw.title.get(p.lang)}",
        boost=ITEM_BOOST,
    )
    lines += status_line(p, fw) + id_line(item, p.lang) + last_changed(p, item)
    lines += statement(p, item, fw) + details(p, item)
    lines += related(p, item)
    lines += _pager(p, group, item)
    return "\n".join(lines)


def _topic(p: Page, item: Item, heading: str) -> str:
    """ "K5: understands organisational culture and values …": the heading, and for an item without a title the
    start of its statement, so tabs and search results say what the item is about."""
    if item.title:
        return heading
    words, text = item.statement.get(p.lang).split(), ""
    for word in words:
        if len(text) + len(word) + 1 > TOPIC_CHARS:
            return f"{heading}: {text} …"
        text = f"{text} {word}".strip()
    return f"{heading}: {text}"


def _pager(p: Page, group: Group, item: Item) -> list[str]:
    """Links to the previous and next item of the same group (item pages are not in the site's navigation)."""
    at = group.items.index(item)
    links = []
    if at > 0:
        links.append(
            mk.el(
                "a",
                f"← {item_name(p.model, group.items[at - 1], p.lang)}",
                rel="prev",
                href=urls.html_link(p.path, *urls.item_target(p.model, group.items[at - 1].id)),
            )
        )
    if at + 1 < len(group.items):
        links.append(
            mk.el(
                "a",
                f"{item_name(p.model, group.items[at + 1], p.lang)} →",
                rel="next",
                href=urls.html_link(p.path, *urls.item_target(p.model, group.items[at + 1].id)),
            )
        )
    if not links:
        return []
    return [
        mk.el("nav", *links, class_="cr-pager", aria_label=t("item-pager", p.lang, group=group.title.get(p.lang))),
        "",
    ]


def glossary_page(p: Page) -> str:
    lines = [*head(t("glossary", p.lang)), mk.text(t("glossary-intro", p.lang)), ""]
    for fw in p.model.frameworks:
        for group in (g for g in fw.groups if g.role == "glossary"):
            for item in group.items:
                lines += [f"## {mk.text(item_heading(p.model, item, p.lang))} {{#{urls.slug(item.id)}}}", ""]
                lines += kind_line(p, item.statement, official_url(fw, item), fw)
                lines += [mk.text(item.statement.get(p.lang)), ""]
                lines += [
                    f"{t('glossary-from', p.lang)}: {p.link(fw.title.get(p.lang), urls.group_page(fw, group))}"
                    f" · {p.item_link(item.id)}",
                    "{: .cr-meta }",
                    "",
                ]
    return "\n".join(lines)


Renderer = Callable[[Page], str]
