"""Page renderers: model objects + language → the Markdown of one page (plain functions returning strings)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Framework, Group, Item, Lang, Model, Text
from . import markup as mk
from . import urls
from .i18n import t, t_or

#: Every generated page starts with this: YAML front matter whose first line is the "generated" comment (the
#: title must be in front matter: MkDocs only takes the title from an h1 that is the very first element).
HEADER = "---\n# generated — edit the YAML in standards/, never this file"

Terms = list[tuple[re.Pattern[str], str]]


@dataclass
class Page:
    """What a renderer needs: the model, the page's own source path, its language and glossary terms."""

    model: Model
    path: str
    lang: Lang
    terms: dict[str, dict[Lang, list[tuple[str, str]]]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    def link(self, label: str, target: str, anchor: str = "") -> str:
        """A Markdown link to another generated page; `label` is data text and is escaped."""
        return f"[{mk.text(label)}]({urls.md_link(self.path, target, anchor)})"

    def item_link(self, item_id: str, with_title: bool = False) -> str:
        item = self.model.items[item_id]
        target, anchor = urls.item_target(self.model, item_id)
        return self.link(item_heading(self.model, item, self.lang) if with_title else item_name(self.model, item,
                                                                                            self.lang),
                         target, anchor)

    def prose(self, value: Text, framework: str) -> str:
        """A data text, escaped, with the first use of each glossary term of `framework` linked."""
        terms: Terms = [(mk.term_pattern(term), urls.md_link(self.path, "glossary", anchor))
                        for term, anchor in self.terms.get(framework, {}).get(self.lang, [])]
        return mk.linkify_terms(value.get(self.lang), terms, self.seen)

    def badge(self, value: Text, url: str | None = None) -> str:
        kind = value.kind(self.lang)
        out = mk.badge(kind, t(f"kind.{kind}", self.lang), t(f"kind-note.{kind}", self.lang))
        if kind != "official" and url:
            out += f" [{mk.text(t('official-source', self.lang))}]({url})"
        return out


# --- naming rules (shared with the tests) -------------------------------------------------------------------

def _is_code(label: str) -> bool:
    return any(c.isdigit() for c in label) or len(label) <= 2


def item_name(model: Model, item: Item, lang: Lang) -> str:
    """Short name: the label ('K1', 'Duty 1'), or group title + label when the label is bare ('a', '6.1')."""
    bare = len(item.label) == 1 or not any(c.isalpha() for c in item.label)
    return f"{model.groups[item.group].title.get(lang)} {item.label}" if bare else item.label_in(lang)


def item_heading(model: Model, item: Item, lang: Lang) -> str:
    """The page title of an item: 'K1', 'Duty 1: <title>', 'Learning style'."""
    name = item_name(model, item, lang)
    if item.title is None:
        return name
    return f"{name}: {item.title.get(lang)}" if _is_code(item.label) else item.title.get(lang)


def official_url(fw: Framework, item: Item | None = None) -> str | None:
    """Where the official wording is: the item's own link, the framework's, or its first source."""
    if item is not None and item.official_url:
        return item.official_url
    return fw.official_url or next((s.url for s in fw.sources if s.url), None)


def is_ksb_framework(fw: Framework) -> bool:
    return any(g.role == "ksb" for g in fw.groups)


def link_groups(fw: Framework) -> list[Group]:
    """Groups whose items point at KSBs (duties: `ksbs`; assessment methods: `assesses`): each gets a matrix."""
    if not is_ksb_framework(fw):
        return []
    return [g for g in fw.groups if any(i.ksbs or i.assesses or i.links_confidence for i in g.items)]


# --- shared blocks -----------------------------------------------------------------------------------------

def head(title: str, crumbs: Iterable[str] = (), hide: Iterable[str] = ()) -> list[str]:
    """Front matter (title; Material parts to `hide`, e.g. "toc" on wide pages), the h1 and the breadcrumb."""
    hidden = [f"hide: [{', '.join(hide)}]"] if hide else []
    lines = [HEADER, f"title: {mk.yaml_title(title)}", *hidden, "---", "", f"# {mk.text(title)}", ""]
    crumbs = list(crumbs)
    if crumbs:
        lines += [" › ".join(crumbs), "{: .cr-breadcrumb }", ""]
    return lines


def _crumbs(p: Page, fw: Framework | None = None, group: Group | None = None) -> list[str]:
    out = [p.link(t("frameworks", p.lang), "frameworks")]
    if fw:
        out.append(p.link(fw.title.get(p.lang), urls.framework_page(fw)))
    if fw and group:
        out.append(p.link(group.title.get(p.lang), urls.group_page(fw, group)))
    return out


def _kind_line(p: Page, value: Text, url: str | None, fw: Framework | None = None) -> list[str]:
    """The badge of a text; for a non-official text also a link to the official source: its URL, or else the
    framework overview's list of sources."""
    if url is None and fw is not None:
        url = urls.md_link(p.path, urls.framework_page(fw), "sources")
    return [f"{p.badge(value, url)}", "{: .cr-kind }", ""]


def _statement(p: Page, item: Item, fw: Framework) -> list[str]:
    lines = _kind_line(p, item.statement, official_url(fw, item), fw)
    if item.status != "available":
        lines += [f"!!! warning \"{t('not-yet-available', p.lang)}\"", "",
                  f"    {mk.text(t('item-status.' + item.status, p.lang))}", ""]
    lines += [p.prose(item.statement, fw.id), ""]
    lines += [f"- {p.prose(s, fw.id)}" for s in item.subpoints]
    return ([*lines, ""] if item.subpoints else lines) + _official_beside(p, item)


def _official_beside(p: Page, item: Item) -> list[str]:
    """Where the page shows our translation, the official wording too, marked with its own language, so a reader
    can check the translation against the letter of the source."""
    other: Lang = "nl" if p.lang == "en" else "en"
    if item.statement.kind(p.lang) != "translation" or item.statement.kind(other) != "official":
        return []
    label = t("official-wording-in", p.lang).format(language=t(f"lang.{other}", p.lang))
    body = [f"<p>{mk.html_text(item.statement.get(other))}</p>"]
    if item.subpoints:
        body.append("<ul>" + "".join(f"<li>{mk.html_text(x.get(other))}</li>" for x in item.subpoints) + "</ul>")
    return [f'<div class="cr-official" lang="{other}">',
            f'<p class="cr-official__label" lang="{p.lang}">{mk.html_text(label)}</p>', *body, "</div>", ""]


def _details(p: Page, item: Item, level: str = "##") -> list[str]:
    lines: list[str] = []
    if item.theories:
        lines += [f"{level} {t('theories', p.lang)}", "", ", ".join(mk.text(x.get(p.lang)) for x in item.theories), ""]
    if item.details:
        lines += [f"{level} {t('details', p.lang)}", ""]
        for d in item.details:
            lines += [f"**{mk.text(d.label.get(p.lang))}**: {p.prose(d.value, item.framework)}", ""]
    if item.note:
        lines += [f"!!! note \"{t('note', p.lang)}\"", "", f"    {p.prose(item.note, item.framework)}", ""]
    if item.confidence:
        level = t_or("confidence." + item.confidence, p.lang, item.confidence)
        lines += [f"{t('confidence', p.lang)}: {mk.text(level)}", "{: .cr-meta }", ""]
    return lines


def _related(p: Page, item: Item) -> list[str]:
    m = p.model
    rows: list[tuple[str, Iterable[str]]] = [
        ("rel.parent", [item.parent] if item.parent else []),
        ("rel.children", [c.id for c in m.children.get(item.id, ())]),
        ("rel.ksbs", item.ksbs),
        ("rel.assesses", item.assesses),
        ("rel.duties", [x.id for x in m.linked_from.get(("ksbs", item.id), ())]),
        ("rel.methods", [x.id for x in m.linked_from.get(("assesses", item.id), ())]),
    ]
    lines = [f"## {t('related', p.lang)}", ""]
    found = False
    for key, ids in rows:
        ids = list(ids)
        if ids:
            found = True
            lines += [f"**{t(key, p.lang)}**: " + ", ".join(p.item_link(i, with_title=True) for i in ids), ""]
    if item.links_confidence and (item.ksbs or item.assesses):
        lines += [f"{t('links-confidence', p.lang)}: "
                  f"{mk.text(t_or('confidence.' + item.links_confidence, p.lang, item.links_confidence))}",
                  "{: .cr-meta }", ""]
    if not found:
        lines += [t("no-related", p.lang), ""]
    return lines + _item_mappings(p, item)


def _relation_label(p: Page, relation: str, direction: str) -> str:
    """The relation as read from this item, linked to its plain definition on the mappings page."""
    rel = p.model.relation.get(relation)
    if rel and direction == "in":
        rel = p.model.relation.get(rel.inverse, rel)
    if rel is None:
        return mk.text(relation)
    return p.link(rel.label.get(p.lang), "mappings", f"relation-{rel.id}")


def _item_mappings(p: Page, item: Item) -> list[str]:
    found = p.model.mappings_of.get(item.id, ())
    if not found:
        return []
    lines = [f"## {t('mappings', p.lang)}", "", f"| {t('relation', p.lang)} | {t('item', p.lang)} | "
             f"{t('rationale', p.lang)} |", "|---|---|---|"]
    for mapping, direction in found:
        other = mapping.target if direction == "out" else mapping.source
        lines.append(f"| {_relation_label(p, mapping.relation, direction)} | {p.item_link(other, True)} | "
                     f"{mk.text(mapping.rationale.get(p.lang))} |")
    return [*lines, ""]


# --- page kinds --------------------------------------------------------------------------------------------

def frameworks_page(p: Page) -> str:
    lines = [*head(t("frameworks", p.lang)), mk.text(t("frameworks-intro", p.lang)), ""]
    for fw in p.model.frameworks:
        lines += [f"## {p.link(fw.title.get(p.lang), urls.framework_page(fw))}", "",
                  f"{mk.text(fw.publisher.get(p.lang))} · {mk.text(fw.reference)} · {t('version', p.lang)} "
                  f"{mk.text(fw.version)} · {mk.text(t_or('status.' + fw.status, p.lang, fw.status))}", ""]
        lines += [f"- {p.link(g.title.get(p.lang), urls.group_page(fw, g))} ({len(g.items)} {t('items', p.lang)})"
                  for g in fw.groups]
        lines.append("")
    return "\n".join(lines)


def framework_page(p: Page, fw: Framework) -> str:
    lang = p.lang
    lines = head(fw.title.get(lang), _crumbs(p)) + _kind_line(p, fw.title, official_url(fw), fw)
    facts = [("publisher", fw.publisher.get(lang)), ("reference", fw.reference), ("version", fw.version),
             ("status", t_or("status." + fw.status, lang, fw.status)), ("level", fw.level), ("date", fw.date),
             ("official-languages", ", ".join(t_or("lang." + x, lang, x) for x in fw.official_languages))]
    lines += [f"| {t('overview', lang)} | |", "|---|---|"]
    lines += [f"| {t(key, lang)} | {mk.text(value)} |" for key, value in facts if value]
    if official_url(fw):
        lines.append(f"| {t('official-page', lang)} | [{mk.text(official_url(fw) or '')}]({official_url(fw)}) |")
    lines += ["", f"## {t('contents', lang)}", ""]
    lines += [f"- {p.link(g.title.get(lang), urls.group_page(fw, g))} ({len(g.items)} {t('items', lang)})"
              for g in fw.groups]
    views = [p.link(t("side-by-side", lang), urls.special_page("side-by-side", fw))]
    if is_ksb_framework(fw):
        views.append(p.link(t("checklist", lang), urls.special_page("checklist", fw)))
    views += [p.link(f"{t('ksbs', lang)} × {g.title.get(lang)}", urls.link_matrix_page(fw, g)) for g in link_groups(fw)]
    for mset in (s for s in p.model.mapping_sets if fw.id in (s.source, s.target)):
        other = p.model.framework[mset.target if mset.source == fw.id else mset.source]
        views.append(p.link(f"{t('crosswalk', lang)}: {fw.title.get(lang)} → {other.title.get(lang)}",
                            urls.crosswalk_page(fw.id, other.id)))
    lines += ["", f"## {t('views', lang)}", "", *[f"- {v}" for v in views], ""]
    lines += [f"## {t('completeness', lang)}", "", *[f"- {p.prose(c, fw.id)}" for c in fw.completeness], ""]
    lic = fw.licence
    lic_name = f"[{mk.text(lic.name.get(lang))}]({lic.url})" if lic.url else mk.text(lic.name.get(lang))
    lines += [f"## {t('licence', lang)}", "", lic_name, "", *_kind_line(p, lic.attribution, None),
              mk.text(lic.attribution.get(lang)), ""]
    lines += [f"## {t('sources', lang)} {{#sources}}", ""]
    for s in fw.sources:
        title = f"[{mk.text(s.title.get(lang))}]({s.url})" if s.url else mk.text(s.title.get(lang))
        lines.append(f"- {title}" + (f": {mk.text(s.note.get(lang))}" if s.note else ""))
    lines.append("")
    if fw.facts:
        lines += [f"## {t('facts', lang)}", ""]
        lines += [f"**{mk.text(d.label.get(lang))}**: {p.prose(d.value, fw.id)}\n" for d in fw.facts]
    for req in (r for r in p.model.requirement_sets if r.framework == fw.id):
        lines += [f"## {mk.text(req.title.get(lang))}", "", *_kind_line(p, req.title, official_url(fw), fw)]
        lines += [f"{i}. {p.prose(c.statement, fw.id)}"
                  for i, c in enumerate(req.conditions, 1)]
        lines += ["", f"{t('requirement-source', lang)}: {mk.text(req.source.get(lang))}", "{: .cr-meta }", ""]
    return "\n".join(lines)


def group_page(p: Page, fw: Framework, group: Group) -> str:
    lang = p.lang
    lines = head(group.title.get(lang), _crumbs(p, fw))
    if group.intro:
        lines += [*_kind_line(p, group.intro, official_url(fw), fw), p.prose(group.intro, fw.id), ""]
    for item in group.items:
        anchor = urls.slug(item.id)
        heading = mk.text(item_heading(p.model, item, lang))
        if group.item_pages:
            target = urls.item_page(fw, group, item)
            lines += [f"## [{heading}]({urls.md_link(p.path, target)}) {{#{anchor}}}", ""]
            lines += [mk.badge(item.statement.kind(lang), t(f"kind.{item.statement.kind(lang)}", lang),
                               t(f"kind-note.{item.statement.kind(lang)}", lang)), "{: .cr-kind }", ""]
            if item.status != "available":
                lines += [f"*{mk.text(t('not-yet-available', lang))}*", ""]
            lines += [p.prose(item.statement, fw.id), ""]
            lines += [f"- {p.prose(s, fw.id)}" for s in item.subpoints]
            lines.append("")
        else:
            lines += [f"## {heading} {{#{anchor}}}", "", *_statement(p, item, fw), *_details(p, item, "###")]
    return "\n".join(lines)


def item_page(p: Page, fw: Framework, group: Group, item: Item) -> str:
    lines = head(item_heading(p.model, item, p.lang), _crumbs(p, fw, group))
    lines += _statement(p, item, fw) + _details(p, item) + _related(p, item)
    return "\n".join(lines)


def side_by_side_page(p: Page, fw: Framework) -> str:
    """Every text in both languages; raw HTML so each cell carries its own `lang` attribute."""
    lines = head(f"{fw.title.get(p.lang)}: {t('side-by-side', p.lang)}", _crumbs(p, fw))
    lines += [mk.text(t("side-by-side-intro", p.lang)), ""]
    for group in fw.groups:
        lines += [f"## {mk.text(group.title.get(p.lang))}", "", '<table class="cr-sbs">',
                  f'<thead><tr><th scope="col">{mk.html_text(t("item", p.lang))}</th>'
                  f'<th scope="col">{mk.html_text(t("lang.en", p.lang))}</th>'
                  f'<th scope="col">{mk.html_text(t("lang.nl", p.lang))}</th></tr></thead>', "<tbody>"]
        for item in group.items:
            target, anchor = urls.item_target(p.model, item.id)
            href = urls.html_link(p.path, target, anchor)
            cells = "".join(_sbs_cell(p, item, lang) for lang in ("en", "nl"))
            lines.append(f'<tr><th scope="row"><a href="{mk.attr(href)}">'
                         f'{mk.html_text(item_name(p.model, item, p.lang))}</a></th>{cells}</tr>')
        lines += ["</tbody>", "</table>", ""]
    return "\n".join(lines)


def _sbs_cell(p: Page, item: Item, lang: Lang) -> str:
    kind = item.statement.kind(lang)
    parts = [mk.badge(kind, t(f"kind.{kind}", p.lang), t(f"kind-note.{kind}", p.lang))]
    if item.title:
        parts.append(f"<strong>{mk.html_text(item.title.get(lang))}</strong>")
    parts.append(mk.html_text(item.statement.get(lang)))
    if item.subpoints:
        parts.append("<ul>" + "".join(f"<li>{mk.html_text(s.get(lang))}</li>" for s in item.subpoints) + "</ul>")
    return f'<td lang="{lang}">{" ".join(parts)}</td>'


def checklist_page(p: Page, fw: Framework) -> str:
    """A table per KSB group with a box to tick and room for evidence; raw HTML, like the other tables."""
    lang = p.lang
    lines = head(f"{t('checklist', lang)}: {fw.title.get(lang)}", _crumbs(p, fw))
    lines += [mk.text(t("checklist-intro", lang)), ""]
    tick = f'<span class="cr-tick" role="img" aria-label="{mk.attr(t("tick", lang))}">☐</span>'
    for group in (g for g in fw.groups if g.role == "ksb"):
        lines += [f"## {mk.text(group.title.get(lang))}", "", '<div class="cr-checklist">', "<table>",
                  "<thead><tr>" + "".join(f'<th scope="col">{mk.html_text(h)}</th>' for h in
                                          (t("done", lang), "KSB", t("statement", lang), t("evidence", lang)))
                  + "</tr></thead>", "<tbody>"]
        for item in group.items:
            target, anchor = urls.item_target(p.model, item.id)
            link = (f'<a href="{mk.attr(urls.html_link(p.path, target, anchor))}">'
                    f"{mk.html_text(item_name(p.model, item, lang))}</a>")
            lines.append(f"<tr><td>{tick}</td><th scope=\"row\">{link}</th>"
                         f"<td>{mk.html_text(item.statement.get(lang))}</td><td></td></tr>")
        lines += ["</tbody>", "</table>", "</div>", ""]
    return "\n".join(lines)


def glossary_page(p: Page) -> str:
    lines = [*head(t("glossary", p.lang)), mk.text(t("glossary-intro", p.lang)), ""]
    for fw in p.model.frameworks:
        for group in (g for g in fw.groups if g.role == "glossary"):
            for item in group.items:
                lines += [f"## {mk.text(item_heading(p.model, item, p.lang))} {{#{urls.slug(item.id)}}}", ""]
                lines += _kind_line(p, item.statement, official_url(fw, item), fw)
                lines += [mk.text(item.statement.get(p.lang)), ""]
                lines += [f"{t('glossary-from', p.lang)}: {p.link(fw.title.get(p.lang), urls.group_page(fw, group))}"
                          f" · {p.item_link(item.id)}", "{: .cr-meta }", ""]
    return "\n".join(lines)


Renderer = Callable[[Page], str]
