"""The check page's data, compiled at build time from the same model the CLI uses: the requirement sets, the
items they name (with names, links, statements and crosswalk rows), the course JSON Schema, the codes' wording and
the interface strings. The browser engine (docs/assets/javascripts/course-check/) reads only this."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.course import limits, reopen
from generator.course.edition import EDITIONS_PAGE, edition
from generator.course.engine import name_of, url_of
from generator.course.report_data import label_data, text_data
from generator.course.results import BROAD_OUTCOME
from generator.course.workbook_layout import COURSE_FIELDS, COURSE_SHEET, OUTCOME_COLUMNS, OUTCOMES_SHEET
from generator.diagnostics.codes import CODES
from generator.diagnostics.codes_nl import CODES_NL
from generator.diagnostics.messages import DESCRIPTIONS_NL, MESSAGES, MESSAGES_NL
from generator.diagnostics.report import STEERING
from generator.editions.delta import KINDS
from generator.editions.impact import History
from generator.load.discover import schemas_dir
from generator.model.types import LANGUAGES, Condition, Model
from generator.render.strings import catalogue

#: The JSON Schema keywords the check page's validator (docs/assets/javascripts/course-check/validate.js) checks, and
#: those that only annotate. course.schema.json may use no other: the browser would skip it without a word, so the
#: build stops instead (UnsupportedKeyword).
BROWSER_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "minLength",
        "pattern",
        "minimum",
        "maximum",
        "minItems",
        "uniqueItems",
        "items",
        "required",
        "properties",
        "additionalProperties",
        "$ref",
    }
)
ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$defs", "$comment", "default", "examples"})


class UnsupportedKeyword(ValueError):
    """course.schema.json uses a keyword the check page's validator does not implement."""


def unsupported(schema: Any, pointer: str = "") -> list[str]:
    """The places in a schema that use a keyword outside BROWSER_KEYWORDS and ANNOTATIONS ('/properties/modules:
    maxItems'), in order."""
    found: list[str] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("properties", "$defs"):  # their keys are names, their values schemas
                for name, sub in value.items():
                    found += unsupported(sub, f"{pointer}/{key}/{name}")
            elif key not in BROWSER_KEYWORDS | ANNOTATIONS:
                found.append(f"{pointer or '/'}: {key}")
            elif key == "items":
                found += unsupported(value, f"{pointer}/items")
    return found


#: Interface-string families the check page needs (the report's and the page's own).
STRING_PREFIXES = ("report.", "level.", "kind.", "check.")
STRING_KEYS = ("version", "level", "file", *(f"delta.kind.{k}" for k in KINDS))


def bundle(model: Model, root: Path, history: History | None = None) -> dict[str, Any]:
    """Everything the browser engine needs, as plain data (deterministic)."""
    data = edition(model, root, history)
    items, mappings = _items_and_mappings(model)
    schema, common = _schemas(root)
    tables = catalogue()
    return {
        "edition": data.as_data(),
        "broad_outcome": BROAD_OUTCOME,
        "editions_page": EDITIONS_PAGE,
        "reopen": reopen.tables(history, data.standards) | {"command": reopen.REPORT_COMMAND},
        "requirement_sets": [
            {
                "id": r.id,
                "framework": r.framework,
                "title": text_data(r.title),
                "source": text_data(r.source),
                "conditions": [_condition(c) for c in r.conditions],
            }
            for r in model.requirement_sets
        ],
        "groups": {
            g.id: {"title": text_data(g.title), "items": [i.id for i in g.items]} for g in model.groups.values()
        },
        "frameworks": {i.id: i.framework for i in model.items.values()},
        "items": items,
        "mappings": mappings,
        "relations": {r.id: label_data(r.label) for r in model.relations},
        "limits": limits.table(),
        "messages": {"en": MESSAGES, "nl": MESSAGES_NL},
        "descriptions": {"nl": DESCRIPTIONS_NL},  # the Dutch of the schema descriptions that are hints
        # what the page shows escaped, as the CLI writes it (diagnostics/report.py): a regular expression's class
        "steering": STEERING,  # the wording of every problem (diagnostics/messages.py): the page only fills it in
        # what each problem code means and how to fix it, in both languages (diagnostics/codes.py): the page words a
        # problem for its reader; the message of the single case stays the CLI's, shown beside it
        "codes": {
            code: {"wrong": {"en": c.wrong, "nl": CODES_NL[code][0]}, "fix": {"en": c.fix, "nl": CODES_NL[code][1]}}
            for code, c in sorted(CODES.items())
        },
        "schema": schema,
        "defs": {"itemId": common["$defs"]["itemId"]},
        "xlsx": {
            "course_sheet": COURSE_SHEET,
            "outcomes_sheet": OUTCOMES_SHEET,
            "course_fields": [[n, p] for n, p, _h in COURSE_FIELDS],
            "outcome_columns": [n for n, _h in OUTCOME_COLUMNS],
        },
        "strings": {
            lang: {k: v for k, v in sorted(tables[lang].items()) if k.startswith(STRING_PREFIXES) or k in STRING_KEYS}
            for lang in LANGUAGES
        },
    }


def _items_and_mappings(model: Model) -> tuple[dict[str, Any], dict[str, list[list[str]]]]:
    """The items a requirement set asks to cover, each with the items mapped to it (and how, seen from it), and the
    words of all of them: what the engine needs to find direct and indirect cover."""
    inverse = {r.id: r.inverse for r in model.relations}
    required = [
        item.id
        for rs in model.requirement_sets
        for c in rs.conditions
        if c.rule["type"] == "covers-all"
        for g in c.rule["groups"]
        for item in model.groups[g].items
    ]
    mappings: dict[str, list[list[str]]] = {}
    for item_id in dict.fromkeys(required):
        rows = []
        for mapping, direction in model.mappings_of.get(item_id, ()):
            rows.append(
                [mapping.source, mapping.relation]
                if direction == "in"
                else [mapping.target, inverse.get(mapping.relation, mapping.relation)]
            )
        if rows:
            mappings[item_id] = rows
    shown = dict.fromkeys(required + [via for rows in mappings.values() for via, _r in rows])
    items = {}
    for item_id in shown:
        item = model.items[item_id]
        items[item_id] = {
            "label": item.label,
            "name": label_data(name_of(model, item_id)),
            "url": url_of(model, item_id),
            "group": item.group,
            "statement": text_data(item.statement),
            "subpoints": [text_data(p) for p in item.subpoints],
        }
    return items, mappings


def _schemas(root: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The course schema (refused when it uses a keyword the page's validator does not implement) and the shared
    definitions."""
    folder = schemas_dir(root)
    schema = json.loads((folder / "course.schema.json").read_text(encoding="utf-8"))
    if bad := unsupported(schema):
        raise UnsupportedKeyword(
            f"{folder / 'course.schema.json'}: {bad[0]} is a keyword the check page's validator does not implement "
            "(docs/assets/javascripts/course-check/validate.js; generator/course/bundle.py BROWSER_KEYWORDS): "
            "implement it there, with a case in tests/cases/course-check/, or leave it out"
        )
    common = json.loads((folder / "common.schema.json").read_text(encoding="utf-8"))
    return schema, common


def _condition(c: Condition) -> dict[str, Any]:
    """A condition as the browser engine reads it: its words, its rule, and the source's own words if given."""
    d: dict[str, Any] = {"id": c.id, "statement": text_data(c.statement), "basis": c.basis, "rule": c.rule}
    if c.quote is not None:
        d["quote"] = text_data(c.quote)
    return d


def bundle_json(model: Model, root: Path, history: History | None = None) -> str:
    return json.dumps(bundle(model, root, history), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
