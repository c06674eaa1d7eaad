"""Shared helpers for the download formats: cell neutralisation, official URLs and row values."""

from __future__ import annotations

from typing import Any

from ..model import Framework, Item, Lang, Model

#: Characters that make a spreadsheet treat a cell as a formula (or, after a tab/CR, still as one) — the OWASP
#: "CSV injection" list. A text cell starting with one of them gets an apostrophe in CSV and a quote prefix in XLSX.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_dangerous(value: str) -> bool:
    """True when a spreadsheet would read `value` as a formula."""
    return value.startswith(FORMULA_PREFIXES)


def text_cell(cell: Any, value: str) -> None:
    """Store `value` in an openpyxl cell as text that no spreadsheet evaluates: type "s" (openpyxl would make a
    leading "=" a formula), with Excel's quote prefix where a re-edit would otherwise turn it into one."""
    cell.value = value
    cell.data_type = "s"
    if is_dangerous(value):
        cell.quotePrefix = True  # what Excel stores for a typed leading apostrophe


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
