"""How pages show a crosswalk row to be re-confirmed (reviewed before a substantive change of one of its items):
the visible mark with its reason, the short mark of a matrix cell, and the sentence that counts such rows."""

from __future__ import annotations

from generator.editions.impact import Reconfirm
from generator.model.types import Mapping, MappingSet
from generator.render import markup as mk
from generator.render.exports.common import reconfirm_reason
from generator.render.site.context import Page, item_name
from generator.render.strings import t, tn

#: The matrix's mark of a row to re-confirm (beside the relation's mark; its meaning is in the legend and in text
#: for screen readers).
MATRIX_MARK = "?"


def why(p: Page, m: Mapping) -> Reconfirm | None:
    """Why the row is to be re-confirmed, or None when it is not."""
    return p.reconfirm.get((m.source, m.target))


def reason(p: Page, m: Mapping) -> str:
    """The reason as one sentence in the page's language, items named as the page names them ('' when none)."""
    found = why(p, m)
    if found is None:
        return ""

    def name(ident: str) -> str:  # a retired id has no item any more: it is named by its id
        item = p.model.items.get(ident)
        return item_name(p.model, item, p.lang) if item is not None else ident

    return reconfirm_reason(found, m.reviewed_date, p.lang, name)


def mark(p: Page, m: Mapping) -> mk.Markup:
    """In a table cell: "To be re-confirmed:" in bold and why, as text (not colour alone); empty for other rows."""
    text = reason(p, m)
    if not text:
        return mk.raw("")
    return mk.el("span", mk.el("strong", f"{t('reconfirm', p.lang)}:"), f" {text}", class_="cr-reconfirm")


def matrix_mark(p: Page, m: Mapping) -> mk.Markup:
    """In a matrix cell, after the relation: a visible "?" and, for screen readers, that the row is to be
    re-confirmed; the reason shows on hover. Empty for other rows."""
    text = reason(p, m)
    if not text:
        return mk.raw("")
    return mk.join(
        [
            mk.el("span", MATRIX_MARK, class_="cr-mark cr-reconfirm-mark", title=text, aria_hidden="true"),
            mk.el("span", f" ({t('reconfirm', p.lang)}: {text})", class_="cr-sr"),
        ]
    )


def matrix_legend(p: Page) -> mk.Markup:
    """The legend entry of the matrix mark."""
    return mk.join(
        [
            mk.el("span", MATRIX_MARK, class_="cr-mark cr-reconfirm-mark", aria_hidden="true"),
            " ",
            t("reconfirm", p.lang),
        ]
    )


def count(p: Page, msets: list[MappingSet]) -> int:
    """How many rows of these mapping sets are to be re-confirmed."""
    return sum((m.source, m.target) in p.reconfirm for s in msets for m in s.mappings)


def note(p: Page, msets: list[MappingSet]) -> list[str]:
    """The paragraph that says how many rows of these sets wait for re-confirmation, left out of the coverage
    counts until re-reviewed; nothing when none does."""
    n = count(p, msets)
    total = sum(len(s.mappings) for s in msets)
    if not n:
        return []
    return [
        mk.el(
            "p",
            mk.el("strong", f"{t('reconfirm', p.lang)}:"),
            " ",
            tn("reconfirm-count", n, p.lang, total=total),
            class_="cr-reconfirm-note",
        ),
        "",
    ]
