"""The blocks of an item on its own page or in its group's page: statement with badge, official wording beside a
translation, details, related items and mappings to other frameworks."""

from __future__ import annotations

from collections.abc import Iterable

from generator.editions.impact import last_change
from generator.model import urls
from generator.model.types import Framework, Item, Lang
from generator.render import markup as mk
from generator.render.site import reconfirm
from generator.render.site.context import Page, item_name, kind_line, official_url
from generator.render.site.delta_data import delta_page, item_anchor
from generator.render.site.furniture import html_item_link, reads
from generator.render.strings import t


def stem(p: Page, item: Item) -> str | None:
    """The start of the sentence an item's statement completes: its parent's statement, or else its group's intro,
    when that has no closing full stop and the statement goes on in lower case ("Een jobcoach is in staat om" +
    "het zoekprofiel … te nemen."). A group page shows it above the items; an item page on its own needs it too
    (ux.md 19)."""
    parent = p.model.items.get(item.parent) if item.parent else None
    intro = parent.statement if parent is not None else p.model.groups[item.group].intro
    if intro is None:
        return None
    lead, text = intro.get(p.lang).strip(), item.statement.get(p.lang).lstrip()
    return lead if lead and lead[-1] not in ".!?" and text[:1].islower() else None


def statement(p: Page, item: Item, fw: Framework) -> list[str]:
    lines = kind_line(p, item.statement, official_url(fw, item), fw)
    if item.status != "available":
        lines += [
            f'!!! warning "{t("not-yet-available", p.lang)}"',
            "",
            f"    {mk.text(t('item-status.' + item.status, p.lang))}",
            "",
        ]
    if (lead := stem(p, item)) is not None:  # the sentence the statement ends ("Een jobcoach is in staat om …")
        lines += [f"{mk.text(lead)} …", "{: .cr-stem }", ""]
    lines += [p.prose(item.statement, fw.id), ""]
    lines += [f"- {p.prose(s, fw.id)}" for s in item.subpoints]
    return ([*lines, ""] if item.subpoints else lines) + _official_beside(p, item)


def last_changed(p: Page, item: Item) -> list[str]:
    """One line: the edition the item last changed in (its kind and date, linking to that edition's changes), or
    that it is unchanged since the first edition, or changed since the latest, not yet in an edition."""
    hist = p.history
    if hist is None or not hist.editions:
        return []
    found = last_change(hist, item.id)
    if found is None:
        first = hist.editions[0].id
        line = _with_link(p, t("item-unchanged", p.lang, edition="\x00"), first, "editions")
        return [line, "{: .cr-meta .cr-last-change }", ""]
    edition, entry = found
    old = next((d.old.id for d in hist.deltas if d.new.id == edition), None) or hist.editions[-1].id
    kind = t(f"delta.kind.{entry.kind}", p.lang)
    if edition is None:
        text = t("item-changed-pending", p.lang, edition="\x00", kind=kind, date=entry.date)
    else:
        text = t(
            "item-added-in" if entry.kind == "added" else "item-changed-in",
            p.lang,
            edition="\x00",
            kind=kind,
            date=entry.date,
        )
    line = _with_link(p, text, edition or old, delta_page(old, edition), item_anchor(entry.id))
    return [line, "{: .cr-meta .cr-last-change }", ""]


def _with_link(p: Page, sentence: str, edition: str, target: str, anchor: str = "") -> str:
    """`sentence` escaped, with its edition (a NUL placeholder) a link to `target`."""
    return mk.text(sentence).replace("\x00", p.link(edition, target, anchor))


def _official_beside(p: Page, item: Item) -> list[str]:
    """Where the page shows our translation, the official wording too, marked with its own language, so a reader
    can check the translation against the letter of the source."""
    other: Lang = "nl" if p.lang == "en" else "en"
    if item.statement.kind(p.lang) != "translation" or item.statement.kind(other) != "official":
        return []
    label = t("official-wording-in", p.lang).format(language=t(f"lang.{other}", p.lang))
    body = [mk.el("p", item.statement.get(other))]
    if item.subpoints:
        body.append(mk.el("ul", *(mk.el("li", x.get(other)) for x in item.subpoints)))
    return [
        f"<div{mk.attributes(class_='cr-official', lang=other)}>",
        mk.el("p", label, class_="cr-official__label", lang=p.lang),
        *body,
        "</div>",
        "",
    ]


def details(p: Page, item: Item, level: str = "##") -> list[str]:
    lines: list[str] = []
    if item.theories:
        lines += [f"{level} {t('theories', p.lang)}", "", ", ".join(mk.text(x.get(p.lang)) for x in item.theories), ""]
    if item.details:
        lines += [f"{level} {t('details', p.lang)}", ""]
        for d in item.details:
            sure = f" _({mk.text(t('confidence.' + d.confidence, p.lang))})_" if d.confidence else ""
            lines += [f"**{mk.text(d.label.get(p.lang))}**: {p.prose(d.value, item.framework)}{sure}", ""]
    if item.note:
        lines += [f'!!! note "{t("note", p.lang)}"', "", f"    {p.prose(item.note, item.framework)}", ""]
    if item.confidence:
        level = t("confidence." + item.confidence, p.lang)
        lines += [f"{t('confidence', p.lang)}: {mk.text(level)}", "{: .cr-meta }", ""]
    return lines


def related(p: Page, item: Item) -> list[str]:
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
            lines += [f"**{t(key, p.lang)}**: " + ", ".join(_linked(p, item, key, i) for i in ids), ""]
    if item.links_confidence and (item.ksbs or item.assesses):
        lines += [
            f"{t('links-confidence', p.lang)}: {mk.text(t('confidence.' + item.links_confidence, p.lang))}",
            "{: .cr-meta }",
            "",
        ]
    if not found:  # no empty section ("no related items recorded yet" read as a gap in the data)
        return _item_mappings(p, item)
    return lines + _item_mappings(p, item)


def _linked(p: Page, item: Item, key: str, other: str) -> str:
    """A link to a related item; a duty or EPA link that is not confirmed says how sure it is, where it is stated."""
    source = p.model.items[other] if key in ("rel.duties", "rel.methods") else item
    sure = source.links_confidence if key in ("rel.duties", "rel.methods", "rel.ksbs", "rel.assesses") else None
    label = f" _({mk.text(t('confidence.' + sure, p.lang))})_" if sure and sure != "confirmed" else ""
    return p.item_link(other, with_title=True) + label


def _item_mappings(p: Page, item: Item) -> list[str]:
    """The mappings of an item: the other item's framework, name and text, the relation as a sentence, why (and,
    for a mapping to re-confirm, that it is and why)."""
    found = p.model.mappings_of.get(item.id, ())
    gaps = _gap_reasons(p, item)
    if not found:
        return [f"## {t('mappings', p.lang)}", "", *gaps] if gaps else []
    model, lang = p.model, p.lang
    labels = (t("framework", lang), t("item", lang), t("relation", lang), t("rationale", lang))
    rows = []
    for mapping, direction in found:
        other = model.items[mapping.target if direction == "out" else mapping.source]
        rel = model.relation[mapping.relation]
        if direction == "in":  # the file says how this item relates to the other; read it from the other's side
            rel = model.relation.get(rel.inverse, rel)
        text = other.title.get(lang) if other.title else other.statement.get(lang)
        link = mk.el("a", reads(p, rel.id, item, other), href=urls.html_link(p.path, "mappings", f"relation-{rel.id}"))
        rows.append(
            mk.el(
                "tr",
                mk.el("td", model.framework[other.framework].title.get(lang), data_label=labels[0]),
                mk.el(
                    "th",
                    html_item_link(p, other.id),
                    mk.el("span", text, class_="cr-statement"),
                    scope="row",
                    data_label=labels[1],
                ),
                mk.el("td", link, data_label=labels[2]),
                mk.el("td", mapping.rationale.get(lang), reconfirm.mark(p, mapping), data_label=labels[3]),
                data_reconfirm="yes" if reconfirm.why(p, mapping) else None,
            )
        )
    table = mk.table(
        t("item-mappings-caption", lang, item=item_name(model, item, lang)),
        [mk.el("tr", *(mk.col(x) for x in labels))],
        rows,
        class_="cr-table cr-item-mappings cr-stack",
    )
    return [f"## {t('mappings', lang)}", "", *table, "", *gaps]


def _gap_reasons(p: Page, item: Item) -> list[str]:
    """Why this item has no counterpart in a framework it was compared with, as the mapping files say."""
    lines = []
    for mset in p.model.mapping_sets:
        reason = mset.reason_for.get(item.id)
        if reason is not None:
            other = p.model.framework[mset.target if item.framework == mset.source else mset.source]
            name = other.short_title.get(p.lang) if other.short_title else other.title.get(p.lang)
            lines += [f"**{mk.text(t('item-gap-reason', p.lang, other=name))}** {mk.text(reason.get(p.lang))}", ""]
    return lines
