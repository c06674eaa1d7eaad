"""The editions page (every edition: id, date, number, the edition before it, items, changes by kind, its delta page
and files, and which edition the site shows), the delta pages with their JSON, and the edition files as downloads.

Published addresses and the URL ledger (generator/validate/ledger.py): the editions page, `editions/`, is in the site
plan and so in published-urls.txt like every page made from the data. The delta pages are not in the ledger. The page
between two frozen editions, `editions/<old>--<new>/`, is made from two files in editions/ that are never changed once
frozen (`coachref edition freeze` refuses to overwrite one, and reading them refuses a gap in their numbers), so it
lasts as long as those committed files; the page of changes not yet in an edition, `editions/<latest>--unreleased/`,
is meant to go: the next freeze replaces it with `editions/<latest>--<new>/`.
The delta JSON sits beside its page as `index.json`, in the page's language, as page twins do (twins.py); an
edition file, which holds both languages, is published once, at `editions/<id>.json`.
"""

from __future__ import annotations

from pathlib import Path

from generator.editions.delta import Delta
from generator.editions.impact import History
from generator.editions.manifest import Edition
from generator.model import urls
from generator.model.types import LANGUAGES, Model
from generator.render import markup as mk
from generator.render.site import delta_page, twins
from generator.render.site.context import Page, head
from generator.render.site.delta_data import counts, delta_data, edition_file
from generator.render.site.delta_data import delta_page as delta_path
from generator.render.strings import t

PAGE = urls.EDITIONS


def deltas(history: History | None) -> list[Delta]:
    """Every delta that gets a page: between consecutive editions, then the changes not yet in an edition."""
    if history is None:
        return []
    return [*history.deltas, *([history.pending] if history.pending else [])]


def files(model: Model, history: History | None, root: Path | None) -> dict[str, str | bytes]:
    """Source name -> content of every delta page and its JSON in both languages, and (with the project `root`)
    every edition file, published once at editions/<id>.json."""
    out: dict[str, str | bytes] = {}
    for delta in deltas(history):
        path = delta_page_path(delta)
        for lang in LANGUAGES:
            page = delta_page.delta_page(Page(model, path, lang, history=history), delta)
            out[f"{path}.{lang}.md"] = page.rstrip("\n") + "\n"
            out[twins.twin_source(path, lang)] = twins.dumps(delta_data(model, delta, lang))
    if root is not None and history is not None:
        for edition in history.editions:  # static-i18n publishes x.en.json at /x.json, in the default build only
            out[edition_file(edition.id).removesuffix(".json") + ".en.json"] = (root / edition.path).read_bytes()
    return out


def delta_page_path(delta: Delta) -> str:
    return delta_path(delta.old.id, delta.new.id)


def editions_page(p: Page) -> str:
    lang, hist = p.lang, p.history
    lines = [*head(t("editions", lang)), mk.text(_intro(p)), ""]
    if hist is None or not hist.editions:
        return "\n".join([*lines, mk.text(t("editions-none", lang)), ""])
    latest = hist.editions[-1].id
    if hist.current_id is not None:
        lines += [f"**{mk.text(t('editions-current', lang, edition=latest))}**", ""]
    else:
        lines += [f"**{mk.text(t('editions-pending', lang, edition=latest))}**", ""]
    labels = [
        t(k, lang)
        for k in (
            "editions-col.edition",
            "date",
            "editions-col.sequence",
            "editions-col.previous",
            "editions-col.items",
            "editions-col.changes",
            "editions-col.files",
        )
    ]
    rows = [_pending_row(p, hist.pending, labels)] if hist.pending else []
    by_new = {d.new.id: d for d in hist.deltas}
    rows += [_edition_row(p, e, by_new.get(e.id), labels) for e in reversed(hist.editions)]
    head_row = mk.el("tr", *(mk.col(x) for x in labels))
    return "\n".join([*lines, *mk.table(t("editions-caption", lang), [head_row], rows, class_="cr-table cr-stack"), ""])


def _intro(p: Page) -> str:
    """What an edition is, how to cite one (an example from the data), what the change kinds mean."""
    hist, model = p.history, p.model
    edition = hist.editions[-1].id if hist is not None and hist.editions else "YYYY-MM-DD"
    ksb = [g for f in model.frameworks for g in f.groups if g.role == "ksb" and g.items]
    group = ksb[0] if ksb else next((g for f in model.frameworks for g in f.groups if g.items), None)
    if group is None:  # a project without items yet
        return t("editions-intro", p.lang, edition=edition, framework="ID", version="1.0", item="ID:1")
    fw = model.framework[group.framework]
    return t("editions-intro", p.lang, edition=edition, framework=fw.id, version=fw.version, item=group.items[0].id)


def _links(p: Page, delta: Delta | None, edition: str | None) -> mk.Markup:
    parts = []
    if delta is not None:
        page = delta_page_path(delta)
        parts += [
            mk.el("a", t("editions-link.changes", p.lang), href=urls.html_link(p.path, page)),
            mk.el(
                "a",
                t("editions-link.changes-json", p.lang),
                type="application/json",
                href=urls.html_link(p.path, page) + "index.json",
            ),
        ]
    if edition is not None:  # one copy at the site root: from /nl/editions/ it is ../../editions/<id>.json
        base = ("" if p.lang == "en" else f"{p.lang}/") + urls.url_of(p.path)
        parts.append(
            mk.el(
                "a",
                t("editions-link.file", p.lang),
                type="application/json",
                href=urls.relative(edition_file(edition), base),
            )
        )
    return mk.join(parts, "<br>")


def _cells(p: Page, values: list[mk.Child], labels: list[str]) -> mk.Markup:
    first, *rest = values
    return mk.el(
        "tr",
        mk.el("th", first, scope="row", data_label=labels[0]),
        *(mk.el("td", v, data_label=label) for v, label in zip(rest, labels[1:], strict=True)),
    )


def _edition_row(p: Page, edition: Edition, delta: Delta | None, labels: list[str]) -> mk.Markup:
    lang = p.lang
    changes = delta_page.summary(counts(delta), lang) if delta is not None else "—"
    previous = edition.previous or t("editions-first", lang)
    return _cells(
        p,
        [
            edition.id,
            edition.date,
            edition.sequence,
            previous,
            len(edition.manifest["items"]),
            changes,
            _links(p, delta, edition.id),
        ],
        labels,
    )


def _pending_row(p: Page, delta: Delta, labels: list[str]) -> mk.Markup:
    lang = p.lang
    return _cells(
        p,
        [
            t("delta.unreleased", lang),
            delta.new.date,
            "",
            delta.old.id or "",
            len(delta.new.manifest["items"]),
            delta_page.summary(counts(delta), lang),
            _links(p, delta, None),
        ],
        labels,
    )
