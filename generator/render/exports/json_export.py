"""Render stage for machines: the whole model as one JSON document (schema: schemas/export.schema.json)."""

from __future__ import annotations

import dataclasses
from typing import Any

from generator import __version__
from generator.model.types import Lang, Model, Text
from generator.render import json_text
from generator.render.exports.common import NOTHING, ToReconfirm

EXPORT_FORMAT = "coachref-model/1"
FILE_NAME = "coachref-model.json"


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return {"en": value.en, "nl": value.nl, "kind": {"en": value.kind_en, "nl": value.kind_nl}}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            v = _plain(getattr(value, f.name))
            if v is None or v == [] or v == ():
                continue
            out[f.name] = v
        return out
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(model: Model) -> dict[str, Any]:
    """The model as plain JSON-ready data, in the data's own order (deterministic)."""
    return {
        "format": EXPORT_FORMAT,
        "generator": f"coachref {__version__}",
        "frameworks": [_plain(f) for f in model.frameworks],
        "relations": [_plain(r) for r in model.relations],
        "mapping_sets": [_plain(m) for m in model.mapping_sets],
        "requirement_sets": [_plain(r) for r in model.requirement_sets],
    }


def render(model: Model) -> str:
    """The JSON text: UTF-8, two-space indent, newline at the end."""
    return json_text.indented(to_dict(model))


def export(model: Model, lang: Lang | None, reconfirm: ToReconfirm = NOTHING) -> dict[str, bytes]:
    """The one JSON file, in every language. It is the data as it stands (editions freeze it), so it holds each
    row's review and each item's declared changes, not a verdict on them: the other exports and the twins say
    which rows are to be re-confirmed."""
    return {FILE_NAME: render(model).encode("utf-8")}
