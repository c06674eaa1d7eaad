"""Render stage for downloads: one module per format, each turning the model into named files (bytes)."""

from __future__ import annotations

from typing import Protocol

from generator.model.types import Lang, Model
from generator.render.exports import case_export, csv_export, json_export, sssom_export, xlsx_export
from generator.render.exports.common import NOTHING, ToReconfirm


class Exporter(Protocol):
    """function(model, lang or None, rows to re-confirm) -> {relative file name: content}; a `lang` of None means
    every language; the rows to re-confirm come from editions.impact.to_reconfirm (none when not given)."""

    def __call__(self, model: Model, lang: Lang | None, reconfirm: ToReconfirm = NOTHING, /) -> dict[str, bytes]: ...


EXPORTERS: dict[str, Exporter] = {
    "case": case_export.export,
    "csv": csv_export.export,
    "json": json_export.export,
    "sssom": sssom_export.export,
    "xlsx": xlsx_export.export,
}
