"""The page of what changed between two editions (or since the latest one, not yet released): every item added,
corrected, reworded, changed, moved, split, merged or retired with its old and new text side by side, the fields
that changed, whether it affects assessment and the editor's note; crosswalk rows and frameworks that changed.
It renders the same data as the JSON published beside it (delta_data.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.editions.delta import KINDS, Delta
from generator.model import urls
from generator.model.types import Lang
from generator.render import markup as mk
from generator.render.site.context import Page, head
from generator.render.site.delta_data import delta_data, item_anchor, target
from generator.render.site.twins import twin_path
from generator.render.strings import t

#: The fields a change can touch (generator/editions/declared.py names them) -> their label.
FIELDS = {
    "text": "delta.field.text",
    "links": "delta.field.links",
    "status": "delta.field.status",
    "label": "delta.field.label",
    "group": "delta.field.group",
    "relation": "delta.field.relation",
    "version": "delta.field.version",
    "GUID": "delta.field.guid",
}
#: In search, a delta page (which quotes many statements) ranks below the item pages themselves.
SEARCH_BOOST = 0.5
_FIELD = re.compile(r"^(\w+)(?: \((en|nl)\))?$")


def kind_label(kind: str, lang: Lang) -> str:
    """An item change's kind as shown ("reworded", "split"), lower case."""
    return t(f"delta.kind.{kind}", lang)


def heading(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(old: str | None, new: str | None, lang: Lang) -> str:
    if new is None:
        return t("delta.title-unreleased", lang, old=old)
    return t("delta.title", lang, old=old, new=new)


def field_label(field: str, lang: Lang) -> str:
    """ "text (en)" -> "text (English)", in the page's language."""
    found = _FIELD.match(field)
    if found is None or found.group(1) not in FIELDS:
        return field
    name, code = found.groups()
    label = t(FIELDS[name], lang)
    return f"{label} ({t(f'lang.{code}', lang)})" if code else label


def summary(counts: dict[str, Any], lang: Lang) -> str:
    """ "reworded: 2, split: 1; crosswalk rows: 3; frameworks: 1", or "no changes"."""
    parts = [", ".join(f"{kind_label(k, lang)}: {n}" for k, n in counts["items"].items() if n)]
    rows = sum(counts["rows"].values())
    parts += [t("delta.rows-count", lang, n=rows)] if rows else []
    parts += [t("delta.frameworks-count", lang, n=counts["frameworks"])] if counts["frameworks"] else []
    if counts.get("requirement_sets"):
        parts.append(t("delta.requirements-count", lang, n=counts["requirement_sets"]))
    return "; ".join(p for p in parts if p) or t("delta.none", lang)


def _id_link(p: Page, ident: str) -> str:
    """An id as a Markdown link to where it leads now (its page, or the page left at a retired id)."""
    found = target(p.model, ident)
    return p.link(ident, *found) if found else mk.text(ident)


def _html_id_link(p: Page, ident: str) -> mk.Markup:
    found = target(p.model, ident)
    return mk.el("a", ident, href=urls.html_link(p.path, *found)) if found else mk.el("span", ident)


def delta_page(p: Page, delta: Delta) -> str:
    lang = p.lang
    data = delta_data(p.model, delta, lang)
    lines = head(title(delta.old.id, delta.new.id, lang), [p.link(t("editions", lang), "editions")], boost=SEARCH_BOOST)
    lines.insert(2, f"twin: {mk.yaml_title(twin_path(p.path, lang))}")  # the JSON beside it, linked from the head
    old, new = data["old"], data["new"]
    meta = [
        t("delta.from", lang, old=old["id"], date=old["date"]),
        t("delta.to", lang, new=new["id"], date=new["date"])
        if new["released"]
        else t("delta.to-unreleased", lang, date=new["date"]),
    ]
    json_link = mk.el("a", t("delta.json", lang), href="index.json", type="application/json")  # beside the page
    lines += [
        mk.el("p", " ".join(meta), " · ", json_link, class_="cr-meta"),
        "",
        f"**{mk.text(t('delta.summary', lang))}**: {mk.text(summary(data['counts'], lang))}",
        "",
    ]
    for kind in KINDS:
        entries = [e for e in data["items"] if e["kind"] == kind]
        if entries:
            lines += [f"## {mk.text(heading(kind_label(kind, lang)))} ({len(entries)}) {{#{kind}}}", ""]
            for entry in entries:
                lines += _item(p, entry, _columns(data, lang))
    lines += _rows(p, data["rows"]) + _frameworks(data["frameworks"], lang)
    lines += _requirements(p, data.get("requirement_sets", []), lang)
    return "\n".join(lines)


def _columns(data: dict[str, Any], lang: Lang) -> tuple[str, str]:
    old, new = data["old"], data["new"]
    return (
        t("delta.edition", lang, edition=old["id"]),
        t("delta.edition", lang, edition=new["id"]) if new["released"] else t("delta.unreleased", lang),
    )


def _facts(entry: dict[str, Any], lang: Lang) -> list[str]:
    """One line: date, the fields that changed, whether it affects assessment, the declared kind."""
    facts = [f"{t('date', lang)}: {entry['date']}"]
    if entry["fields"]:
        facts.append(f"{t('delta.fields', lang)}: {', '.join(field_label(f, lang) for f in entry['fields'])}")
    if entry["kind"] != "added":
        answer = t("delta.yes" if entry["affects_assessment"] else "delta.no", lang)
        facts.append(f"{t('delta.affects', lang)}: {answer}")
    if entry["declared"]:
        facts.append(f"{t('delta.declared', lang)}: {t('change-kind.' + entry['declared'], lang)}")
    lines = [mk.el("p", " · ".join(facts), class_="cr-meta"), ""]
    if "note" in entry:
        lines += [f"**{mk.text(t('delta.note', lang))}**: {mk.text(entry['note'])}", ""]
    if "reason" in entry:
        lines += [f"**{mk.text(t('retired-reason', lang))}** {mk.text(entry['reason'])}", ""]
    return lines


def _item(p: Page, entry: dict[str, Any], columns: tuple[str, str]) -> list[str]:
    ids = _id_link(p, entry["id"])
    if entry["successors"]:
        ids += " → " + ", ".join(_id_link(p, s) for s in entry["successors"])
    lines = [f"### {ids} {{#{item_anchor(entry['id'])}}}", "", *_facts(entry, p.lang)]
    old = [entry["old"]] if entry["old"] else []
    new = entry["new"]
    rows = []
    if any("title" in side for side in [*old, *new]):
        rows.append(("delta.item-title", lambda side: side.get("title", "—")))
    rows.append(("statement", lambda side: side["statement"]))
    if "links" in entry["fields"]:  # which duties, KSBs or methods it points at
        rows.append(("delta.field.links", lambda side: _id_links(p, side["links"])))
    head_row = mk.el("tr", mk.col(t("delta.text", p.lang)), mk.col(columns[0]), mk.col(columns[1]))
    body = [
        mk.el(
            "tr",
            mk.el("th", heading(t(key, p.lang)), scope="row"),
            _cell(p, old, value, columns[0]),
            _cell(p, new, value, columns[1]),
        )
        for key, value in rows
    ]
    return [*lines, *mk.table(None, [head_row], body, class_="cr-table cr-delta cr-stack"), ""]


def _id_links(p: Page, ids: list[str]) -> mk.Markup:
    return mk.join([_html_id_link(p, i) for i in ids], ", ") if ids else mk.join(["—"])


def _cell(p: Page, sides: list[dict[str, Any]], value: Callable[[dict[str, Any]], mk.Child], label: str) -> mk.Markup:
    """A value as one edition has it; of several items (a split), each with its label."""
    if not sides:
        return mk.el("td", mk.el("em", t("delta.absent", p.lang)), data_label=label)
    if len(sides) == 1:
        return mk.el("td", value(sides[0]), data_label=label)
    parts = [mk.el("p", mk.el("strong", side["label"]), " ", value(side)) for side in sides]
    return mk.el("td", mk.join(parts), data_label=label)


def _relation(p: Page, side: dict[str, Any] | None) -> mk.Markup:
    if side is None:
        return mk.el("em", t("delta.absent", p.lang))
    rel = p.model.relation.get(side["relation"])
    name = rel.label.get(p.lang) if rel is not None else side["relation"]
    return mk.join([mk.el("strong", name), ": ", side["rationale"]])


def _rows(p: Page, rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return []
    lang = p.lang
    labels = (
        t("delta.change", lang),
        t("delta.row", lang),
        t("delta.before", lang),
        t("delta.after", lang),
        t("delta.details", lang),
    )
    body = []
    for row in rows:
        ends = mk.join([_html_id_link(p, row["source"]), " → ", _html_id_link(p, row["target"])])
        if row["kind"] == "moved" and row["new"]:
            now = mk.join([_html_id_link(p, row["new"]["source"]), " → ", _html_id_link(p, row["new"]["target"])])
            ends = mk.join([ends, mk.raw("<br>"), f"{t('delta.now', lang)}: ", now])
        details = [field_label(f, lang) for f in row["fields"]]
        details += (
            [f"{t('delta.declared', lang)}: {t('change-kind.' + row['declared'], lang)}"] if row["declared"] else []
        )
        details += [f"{t('delta.note', lang)}: {row['note']}"] if "note" in row else []
        body.append(
            mk.el(
                "tr",
                mk.el("td", t(f"delta.row.{row['kind']}", lang), data_label=labels[0]),
                mk.el("th", ends, scope="row", data_label=labels[1]),
                mk.el("td", _relation(p, row["old"]), data_label=labels[2]),
                mk.el("td", _relation(p, row["new"]), data_label=labels[3]),
                mk.el("td", "; ".join(details), data_label=labels[4]),
            )
        )
    table = mk.table(None, [mk.el("tr", *(mk.col(x) for x in labels))], body, class_="cr-table cr-stack")
    return [f"## {t('delta.rows', lang)} ({len(rows)}) {{#rows}}", "", *table, ""]


def _frameworks(entries: list[dict[str, Any]], lang: Lang) -> list[str]:
    if not entries:
        return []
    lines = [f"## {t('delta.frameworks', lang)} ({len(entries)}) {{#frameworks}}", ""]
    for e in entries:
        fields = ", ".join(field_label(f, lang) for f in e["fields"])
        version = (
            f"; {t('version', lang)} {e['old']['version']} → {e['new']['version']}"
            if e["old"] and e["new"] and e["old"]["version"] != e["new"]["version"]
            else ""
        )
        note = f" {t('delta.note', lang)}: {e['note']}" if "note" in e else ""
        lines.append(
            f"- **{mk.text(e['new']['title'] if e['new'] else e['id'])}** ({mk.text(e['id'])}): "
            f"{mk.text(fields + version + '.' + note)}"
        )
    return [*lines, ""]


def _requirements(p: Page, entries: list[dict[str, Any]], lang: Lang) -> list[str]:
    """The sets of requirements for courses that changed, and what that means for a report made before."""
    if not entries:
        return []
    lines = [
        f"## {t('delta.requirements', lang)} ({len(entries)}) {{#requirements}}",
        "",
        mk.text_with(t("delta.requirements-note", lang), check=p.link(t("check.title", lang), "courses/check")),
        "",
    ]
    for e in entries:
        what = ", ".join(t(f"delta.requirement.{f}", lang) for f in e["fields"]) or t(f"delta.row.{e['kind']}", lang)
        lines.append(f"- **{mk.text(e['new'] or e['old'] or e['id'])}** ({mk.text(e['id'])}): {mk.text(what)}")
    return [*lines, ""]
