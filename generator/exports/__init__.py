"""Render stage for downloads: one module per format, each turning the model into named files (bytes)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Lang, Model
from . import case_export, csv_export, json_export, sssom_export, xlsx_export

#: format -> function(model, lang or None) -> {relative file name: content}; None means every language.
Exporter = Callable[[Model, "Lang | None"], dict[str, bytes]]

EXPORTERS: dict[str, Exporter] = {
    "case": case_export.export,
    "csv": csv_export.export,
    "json": lambda model, lang: {"coachref-model.json": json_export.render(model).encode("utf-8")},
    "sssom": sssom_export.export,
    "xlsx": xlsx_export.export,
}
