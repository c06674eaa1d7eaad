"""Shared helpers for the download formats: cell neutralisation, official URLs, row values and the data's own date."""

from __future__ import annotations

import re

from ..model import Framework, Item, Lang, Model

#: Characters that make a spreadsheet treat a cell as a formula (or, after a tab/CR, still as one) — the OWASP
#: "CSV injection" list. A text cell starting with one of them gets an apostrophe in CSV and a quote prefix in XLSX.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Used when the data carries no date at all: a fixed value, never the clock.
FALLBACK_DATE = "2000-01-01"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def is_dangerous(value: str) -> bool:
    """True when a spreadsheet would read `value` as a formula."""
    return value.startswith(FORMULA_PREFIXES)


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


def full_date(value: str | None) -> str | None:
    """A (partial) ISO date as a full one: 2020-04 → 2020-04-01; None when it is not a date."""
    match = _DATE.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def data_date(model: Model) -> str:
    """The latest date the data itself records (framework dates, mapping reviews): a stand-in for "now" that only
    changes when the data does, so every export is repeatable byte for byte."""
    dates = [d for f in model.frameworks if (d := full_date(f.date))]
    dates += [d for s in model.mapping_sets for m in s.mappings if (d := full_date(m.reviewed_date))]
    return max(dates, default=FALLBACK_DATE)
