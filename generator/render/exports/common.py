"""Shared helpers for the download formats: cell neutralisation, official URLs, row values, and why a crosswalk
row is to be re-confirmed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeAlias

from generator.model.types import Framework, Item, Lang, Model
from generator.render.strings import t

if TYPE_CHECKING:  # editions.impact imports the JSON export: at run time this module must not import it back
    from generator.editions.impact import Reconfirm

#: The crosswalk rows to re-confirm, (source, target) -> why (editions.impact.to_reconfirm decides).
ToReconfirm: TypeAlias = "Mapping[tuple[str, str], Reconfirm]"
#: None to re-confirm: what an export shows when it is given no editions.
NOTHING: ToReconfirm = MappingProxyType({})

#: Characters that make a spreadsheet treat a cell as a formula (or, after a tab/CR, still as one) — the OWASP
#: "CSV injection" list. A text cell starting with one of them gets an apostrophe in CSV and a quote prefix in XLSX.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_dangerous(value: str) -> bool:
    """True when a spreadsheet would read `value` as a formula."""
    return value.startswith(FORMULA_PREFIXES)


def cell_text(value: str) -> str:
    """`value` with its line breaks as a workbook reader gets them back (CRLF and a lone CR as LF, as XML reads them):
    XlsxWriter would keep a CR as Excel's escape `_x000D_`, which openpyxl and other readers show as it is."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def neutralise(value: str) -> str:
    """`value`, with an apostrophe in front when a spreadsheet would otherwise run it as a formula."""
    return "'" + value if is_dangerous(value) else value


def official_url(model: Model, item: Item) -> str:
    """The most specific official address of an item: its own, else its framework's, else the first source's."""
    if item.official_url:
        return item.official_url
    return framework_url(model.framework[item.framework])


def framework_url(framework: Framework) -> str:
    """The framework's official address, else its first source with one, else empty (the data has none)."""
    if framework.official_url:
        return framework.official_url
    return next((s.url for s in framework.sources if s.url), "")


def subpoints(item: Item, lang: Lang) -> str:
    """An item's subpoints in one language, one per line (empty when it has none)."""
    return "\n".join(s.get(lang) for s in item.subpoints)


def title(item: Item, lang: Lang) -> str:
    """An item's title in one language, or empty."""
    return item.title.get(lang) if item.title else ""


def links(item: Item) -> str:
    """The KSBs a duty draws on or an EPA method assesses, space-separated (empty when none)."""
    return " ".join((*item.ksbs, *item.assesses))


def reconfirm_reason(why: Reconfirm, reviewed: str, lang: Lang, name: Callable[[str], str] = str) -> str:
    """Why a row reviewed on `reviewed` is to be re-confirmed, as one sentence: which item changed, how, when and
    in which edition. Items are named by their ids, or by `name(id)` (a page names them as it shows them)."""
    item = name(why.item)
    if why.entry.id != why.item:  # renumbered, split or merged: the change was made to the old id
        item = t("reconfirm.now", lang, old=name(why.entry.id), item=item)
    edition = t("reconfirm.edition", lang, edition=why.edition) if why.edition else t("reconfirm.pending", lang)
    return t(
        "reconfirm.reason",
        lang,
        item=item,
        kind=t(f"delta.kind.{why.entry.kind}", lang),
        date=why.date,
        edition=edition,
        reviewed=reviewed,
    )
