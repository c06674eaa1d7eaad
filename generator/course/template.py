"""Write the XLSX course template: the layout of xlsx.py as a workbook, with the same bytes on every call."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from generator.config import current_project
from generator.course.engine import name_of
from generator.course.workbook_in import COURSE_FIELDS, COURSE_SHEET, OUTCOME_COLUMNS, OUTCOMES_SHEET
from generator.load.discover import schemas_dir
from generator.model.types import Model
from generator.render.exports.common import text_cell

_FIXED_TIME = (2026, 1, 1, 0, 0, 0)
IDS_SHEET = "ids"
#: The example row of the outcomes sheet: replace it with your own outcomes.
EXAMPLE_ROW = (
    "M1",
    "Example module: replace this row / Voorbeeldmodule: vervang deze rij",
    "M1.1",
    "What the learner can do at the end / Wat de deelnemer aan het eind kan",
    "BVJN:intake-assessment:a",
)
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _choices(field: str) -> str:
    """A drop-down list for `field`: the values its enum in the project's course.schema.json allows."""
    schema = json.loads((schemas_dir(current_project()) / "course.schema.json").read_text(encoding="utf-8"))
    return '"' + ",".join(schema["properties"][field]["enum"]) + '"'


def write_template_xlsx(model: Model) -> bytes:
    """The course template as XLSX bytes (the same bytes on every call, no timestamps): the course sheet, the
    outcomes sheet with one example row and a drop-down of ids on the covers column, and the sheet 'ids' that lists
    every item id with its name and text in both languages."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    wb = Workbook()
    bold = Font(bold=True)
    _course_sheet(wb, model, bold, DataValidation)
    _outcomes_sheet(wb, model, bold, DataValidation)

    buffer = io.BytesIO()
    wb.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _course_sheet(wb: Any, model: Model, bold: Any, validation: Any) -> None:
    """The sheet of course facts: one row per field, its value to fill in (with drop-downs) and its help."""
    course = wb.active
    course.title = COURSE_SHEET
    course.append(["field", "value", "help"])
    for name, _pointer, help_text in COURSE_FIELDS:
        course.append([name, None, help_text])
    for cell in course[1]:
        cell.font = bold
    for row in range(2, len(COURSE_FIELDS) + 2):
        course.cell(row, 2).number_format = "@"  # text, so a version like 1.10 stays as typed
    rows = {name: i + 2 for i, (name, _p, _h) in enumerate(COURSE_FIELDS)}
    level = validation(type="list", formula1=_choices("level"), allow_blank=True)
    level.add(f"B{rows['level']}")
    dual = validation(type="list", formula1='"TRUE,FALSE"', allow_blank=True)
    dual.add(f"B{rows['dual']}")
    language = validation(type="list", formula1=_choices("language"), allow_blank=True)
    language.add(f"B{rows['language']}")
    hours = validation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    for field in ("practice_hours", "training_hours", "off_the_job_hours", "duration_months"):
        hours.add(f"B{rows[field]}")
    targets = validation(
        type="list",
        formula1='"' + ",".join(r.id for r in model.requirement_sets) + '"',
        allow_blank=True,
        showErrorMessage=False,
    )
    targets.add(f"B{rows['targets']}")
    for rule in (level, dual, language, hours, targets):
        course.add_data_validation(rule)
    note = len(COURSE_FIELDS) + 3
    course.cell(
        note,
        3,
        "List the learning outcomes on the sheet 'outcomes', one row per outcome. / "
        "Zet de leerresultaten op het blad 'outcomes', één rij per leerresultaat.",
    )
    course.column_dimensions["A"].width = 18
    course.column_dimensions["B"].width = 40
    course.column_dimensions["C"].width = 100
    course.freeze_panes = "A2"


def _outcomes_sheet(wb: Any, model: Model, bold: Any, validation: Any) -> None:
    """The outcomes sheet (machine-named columns, one example row, ids offered on the covers column) and the ids."""
    outcomes = wb.create_sheet(OUTCOMES_SHEET)
    outcomes.append([name for name, _help in OUTCOME_COLUMNS])
    for cell in outcomes[1]:
        cell.font = bold
    for letter, width in zip("ABCDE", (12, 36, 12, 70, 60), strict=True):
        outcomes.column_dimensions[letter].width = width  # the help lives on the course sheet and in the YAML
        outcomes[f"{letter}1"].number_format = "@"
    outcomes.freeze_panes = "A2"
    outcomes.append(list(EXAMPLE_ROW))
    _ids_sheet(wb, model, bold)
    covers = validation(
        type="list", formula1=f"{IDS_SHEET}!$A$2:$A${len(model.items) + 1}", allow_blank=True, showErrorMessage=False
    )  # a hint, not a rule: a cell may hold several ids
    covers.add("E2:E1000")
    outcomes.add_data_validation(covers)


def _ids_sheet(wb: Any, model: Model, bold: Any) -> None:
    """The sheet 'ids': every item's id, framework, and name and text in English and Dutch."""
    sheet = wb.create_sheet(IDS_SHEET)
    sheet.append(["id", "framework", "name (en)", "text (en)", "naam (nl)", "tekst (nl)"])
    for cell in sheet[1]:
        cell.font = bold
    for row, item in enumerate(model.items.values(), start=2):
        name = name_of(model, item.id)
        for col, value in enumerate(
            (item.id, item.framework, name.en, item.statement.en, name.nl, item.statement.nl), start=1
        ):
            text_cell(sheet.cell(row, col), value)  # data, never a formula (a statement may start with "=")
    for letter, width in zip("ABCDEF", (30, 12, 24, 70, 24, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{len(model.items) + 1}"


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite an XLSX archive with fixed entry times and fixed document timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(rb"\g<1>2026-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dest.writestr(entry, content)
    return out.getvalue()
