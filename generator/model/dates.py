"""The data's own dates: a (partial) ISO date made full, and the latest date the data records, which stands in for
"now" wherever an output needs a date (exports, print headers, sitemap), so outputs never depend on the clock."""

from __future__ import annotations

import re

from generator.model.types import Model

#: Used when the data carries no date at all: a fixed value, never the clock.
FALLBACK_DATE = "2000-01-01"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


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
