"""What every page renderer shares: the page context (model, path, language, glossary terms), the naming rules
of items, the page head with its front matter and breadcrumb, and the text-kind badge line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.editions.impact import History, to_reconfirm
from generator.model import urls
from generator.model.types import Framework, Group, Item, Lang, Model, Text
from generator.render import markup as mk
from generator.render.exports.common import NOTHING, ToReconfirm
from generator.render.strings import t

#: Every generated page starts with this: YAML front matter whose first line is the "generated" comment (the
#: title must be in front matter: MkDocs only takes the title from an h1 that is the very first element).
HEADER = "---\n# generated — edit the YAML in standards/, never this file"

Terms = list[tuple[re.Pattern[str], str]]


@dataclass
class Page:
    """What a renderer needs: the model, the page's own source path, its language, glossary terms, the history of
    the data over its editions (None when the caller has no editions to hand), and the crosswalk rows to re-confirm
    (computed from the history unless given: `render_all` computes them once for every page)."""

    model: Model
    path: str
    lang: Lang
    terms: dict[str, dict[Lang, list[tuple[str, str]]]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    history: History | None = None
    reconfirm: ToReconfirm = field(default_factory=lambda: NOTHING)

    def __post_init__(self) -> None:
        if self.reconfirm is NOTHING and self.history is not None:
            self.reconfirm = to_reconfirm(self.model, self.history)

    def link(self, label: str, target: str, anchor: str = "") -> str:
        """A Markdown link to another generated page; `label` is data text and is escaped."""
        return f"[{mk.text(label)}]({urls.md_link(self.path, target, anchor)})"

    def item_link(self, item_id: str, with_title: bool = False) -> str:
        item = self.model.items[item_id]
        target, anchor = urls.item_target(self.model, item_id)
        return self.link(
            item_heading(self.model, item, self.lang) if with_title else item_name(self.model, item, self.lang),
            target,
            anchor,
        )

    def prose(self, value: Text, framework: str) -> str:
        """A data text, escaped, with the first use of each glossary term of `framework` linked."""
        terms: Terms = [
            (mk.term_pattern(term), urls.md_link(self.path, "glossary", anchor))
            for term, anchor in self.terms.get(framework, {}).get(self.lang, [])
        ]
        return mk.linkify_terms(value.get(self.lang), terms, self.seen)

    def badge(self, value: Text, url: str | None = None) -> str:
        kind = value.kind(self.lang)
        out: str = mk.badge(kind, t(f"kind.{kind}", self.lang), t(f"kind-note.{kind}", self.lang))
        if kind != "official" and url:
            out += f" {mk.link(t('official-source', self.lang), url)}"
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


# --- shared blocks -----------------------------------------------------------------------------------------


def head(
    title: str,
    crumbs: Iterable[str] = (),
    hide: Iterable[str] = (),
    tab_title: str | None = None,
    boost: float | None = None,
) -> list[str]:
    """Front matter (the title of the tab and of search results, `tab_title` when given; Material parts to `hide`,
    e.g. "toc" on wide pages; a search `boost`), the h1 and the breadcrumb."""
    hidden = [f"hide: [{', '.join(hide)}]"] if hide else []
    search = [f"search: {{boost: {boost}}}"] if boost is not None else []
    lines = [
        HEADER,
        f"title: {mk.yaml_title(tab_title or title)}",
        *hidden,
        *search,
        "---",
        "",
        f"# {mk.text(title)}",
        "",
    ]
    crumbs = list(crumbs)
    if crumbs:
        lines += [" › ".join(crumbs), "{: .cr-breadcrumb }", ""]
    return lines


def crumbs(p: Page, fw: Framework | None = None, group: Group | None = None) -> list[str]:
    out = [p.link(t("frameworks", p.lang), "frameworks")]
    if fw:
        out.append(p.link(fw.title.get(p.lang), urls.framework_page(fw)))
    if fw and group:
        out.append(p.link(group.title.get(p.lang), urls.group_page(fw, group)))
    return out


def kind_line(p: Page, value: Text, url: str | None, fw: Framework | None = None) -> list[str]:
    """The badge of a text; for a non-official text also a link to the official source: its URL, or else the
    framework overview's list of sources."""
    if url is None and fw is not None:
        url = urls.md_link(p.path, urls.framework_page(fw), "sources")
    return [f"{p.badge(value, url)}", "{: .cr-kind data-search-exclude }", ""]  # no content for search snippets


def _status_sentence(p: Page, fw: Framework) -> str:
    """The framework's status in a sentence: its `status_note`, or else its version and status."""
    if fw.status_note is not None:
        return mk.text(fw.status_note.get(p.lang))
    return mk.text(t("status-default", p.lang, version=fw.version, status=t(f"status.{fw.status}", p.lang)))


def status_line(p: Page, fw: Framework) -> list[str]:
    """One line on every page of a framework: its status in a sentence, when we last checked it, and a link to
    the status panel on the framework's page (so a printed or cited page carries the framework's status)."""
    lang = p.lang
    checked = t("status-checked-short", lang, date=fw.checked_on)
    link = p.link(t("status-more", lang), urls.framework_page(fw), "status")
    line = f"**{mk.text(fw.short_title.get(lang) if fw.short_title else fw.title.get(lang))}**: "
    return [line + f"{_status_sentence(p, fw)} {mk.text(checked)} {link}", "{: .cr-status-line }", ""]


def status_panel(p: Page, fw: Framework) -> list[str]:
    """The status panel at the top of a framework's page (every framework has one, which every other page of it
    links): its status in a sentence and the facts marked `panel`, each with how sure we are, under the date we
    last checked them against the publisher (`checked_on`, which every framework gives)."""
    lang = p.lang
    facts = [d for d in fw.facts if d.panel]
    checked = t("status-checked-on", lang, date=fw.checked_on)
    lines = [f"## {mk.text(t('status-panel', lang))} {{#status}}", "", f'!!! info "{mk.text(checked)}"', ""]
    lines += [f"    {p.prose(fw.status_note, fw.id) if fw.status_note else _status_sentence(p, fw)}", ""]
    for d in facts:
        sure = f" ({mk.text(t('confidence.' + d.confidence, lang))})" if d.confidence else ""
        lines += [f"    **{mk.text(d.label.get(lang))}**{sure}: {p.prose(d.value, fw.id)}", ""]
    return lines
