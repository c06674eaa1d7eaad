"""The catalogue of twins, `catalogue.json` at the site root: every twin in both languages, with the data edition
(the edition the data is, each framework's version, the data's date and a short hash of the files in standards/), so
a harvester knows when to fetch again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.config import site_url
from generator.course.edition import standards_hash
from generator.editions.impact import History
from generator.model.dates import data_date
from generator.model.types import LANGUAGES, Model
from generator.render.site.twins import page_url, twin_path, twins

#: The catalogue's source name in the generated folder (without language and extension).
CATALOGUE = "catalogue"


def edition(model: Model, root: Path, history: History | None = None) -> dict[str, Any]:
    """What the published data is: the edition it is (id; or null and the edition its unreleased changes came
    after), each framework's version, the data's own date and a short content hash of every file in standards/
    (path and bytes), which changes whenever any of them does."""
    out: dict[str, Any] = {}
    if history is not None and history.editions:
        out["id"] = history.current_id
        if history.current_id is None:
            out["after"] = history.editions[-1].id
    return {
        **out,
        "frameworks": [{"id": f.id, "version": f.version} for f in model.frameworks],
        "date": data_date(model),
        "hash": standards_hash((root / "standards").resolve()),
    }


def catalogue(model: Model, root: Path, history: History | None = None) -> dict[str, Any]:
    """Every twin, both languages, with the data edition."""
    entries = [
        {
            "kind": tw.kind,
            "id": tw.id,
            "lang": lang,
            "url": page_url(tw.page, lang),
            "twin": site_url() + twin_path(tw.page, lang),
        }
        for tw in twins(model)
        for lang in LANGUAGES
    ]
    return {
        "$schema": site_url() + "schemas/catalogue.schema.json",
        "edition": edition(model, root, history),
        "twins": entries,
    }
