"""Render stage for downloads: one module per format, each turning the model into named files (bytes)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Lang, Model
from . import json_export

#: format -> function(model, lang or None) -> {relative file name: content}
Exporter = Callable[[Model, "Lang | None"], dict[str, bytes]]

EXPORTERS: dict[str, Exporter] = {
    "json": lambda model, lang: {"coachref-model.json": json_export.render(model).encode("utf-8")},
}
