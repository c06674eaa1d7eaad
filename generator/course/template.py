"""Write the XLSX course template: the layout of xlsx.py as a workbook, with the same bytes on every call."""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_cell_to_rowcol
from xlsxwriter.worksheet import Worksheet

from generator.config import current_project
from generator.course.engine import name_of
from generator.course.workbook_layout import COURSE_FIELDS, COURSE_SHEET, OUTCOME_COLUMNS, OUTCOMES_SHEET
from generator.load.discover import schemas_dir
from generator.model.types import Model
from generator.render.exports.common import cell_text, is_dangerous

#: The document's date (docProps/core.xml); XlsxWriter dates every zip entry 1980-01-01.
_FIXED_TIME = datetime(2026, 1, 1)
IDS_SHEET = "ids"
#: The example row of the outcomes sheet: replace it with your own outcomes.
EXAMPLE_ROW = (
    "M1",
    "Example module: replace this row / Voorbeeldmodule: vervang deze rij",
    "M1.1",
    "What the learner can do at the end / Wat de deelnemer aan het eind kan",
    "BVJN:intake-assessment:a",
)


#: The note Excel shows on a cell whose drop-down offers one value where several may be given (ux.md 17).
SEVERAL = {
    "input_title": "Several? / Meerdere?",
    "input_message": (
        "Type several ids separated by a space or a comma. / "
        "Typ meerdere id's, gescheiden door een spatie of een komma."
    ),
}


def _choices(field: str) -> list[str]:
    """A drop-down list for `field`: the values its enum in the project's course.schema.json allows."""
    schema = json.loads((schemas_dir(current_project()) / "course.schema.json").read_text(encoding="utf-8"))
    return list(schema["properties"][field]["enum"])


def write_template_xlsx(model: Model) -> bytes:
    """The course template as XLSX bytes (the same bytes on every call, no timestamps): the course sheet, the
    outcomes sheet with one example row and a drop-down of ids on the covers column, and the sheet 'ids' that lists
    every item id with its name and text in both languages. Written with XlsxWriter (see render/exports/xlsx_export)."""
    buffer = io.BytesIO()
    wb = Workbook(buffer, {"in_memory": True})
    wb.set_properties({"author": "coachref", "created": _FIXED_TIME})
    bold = wb.add_format({"bold": True})
    course, outcomes, ids = (wb.add_worksheet(name) for name in (COURSE_SHEET, OUTCOMES_SHEET, IDS_SHEET))
    _course_sheet(wb, course, model, bold)
    _outcomes_sheet(wb, outcomes, model, bold)
    _ids_sheet(wb, ids, model, bold)
    wb.close()
    return buffer.getvalue()


def _validate(sheet: Worksheet, cells: str, options: dict[str, Any]) -> None:
    """A data validation on `cells` (A1 ranges, space-separated), or a ValueError naming what Excel refuses."""
    first = cells.split()[0].split(":")
    top, left = xl_cell_to_rowcol(first[0])
    bottom, right = xl_cell_to_rowcol(first[-1])
    if sheet.data_validation(top, left, bottom, right, {"multi_range": cells, **options}) != 0:
        raise ValueError(f"the course template's drop-down on {sheet.name}!{cells} is one Excel refuses: {options}")


def _course_sheet(wb: Workbook, course: Worksheet, model: Model, bold: Format) -> None:
    """The sheet of course facts: one row per field, its value to fill in (with drop-downs) and its help."""
    for col, header in enumerate(("field", "value", "help")):
        course.write_string(0, col, header, bold)
    as_text = wb.add_format({"num_format": "@"})  # text, so a version like 1.10 stays as typed
    for row, (name, _pointer, help_text) in enumerate(COURSE_FIELDS, start=1):
        course.write_string(row, 0, name)
        course.write_blank(row, 1, None, as_text)
        course.write_string(row, 2, help_text)
    rows = {name: f"B{i + 2}" for i, (name, _p, _h) in enumerate(COURSE_FIELDS)}
    for field in ("level", "language"):  # a rule: Excel refuses a value that is not on the list
        _validate(course, rows[field], {"validate": "list", "source": _choices(field)})
    _validate(course, rows["dual"], {"validate": "list", "source": ["TRUE", "FALSE"]})
    hours = " ".join(rows[f] for f in ("practice_hours", "training_hours", "off_the_job_hours", "duration_months"))
    _validate(course, hours, {"validate": "integer", "criteria": ">=", "value": 0})
    targets = [r.id for r in model.requirement_sets]  # a hint, not a rule: a course may name another set
    _validate(course, rows["targets"], {"validate": "list", "source": targets, "show_error": False, **SEVERAL})
    course.write_string(
        len(COURSE_FIELDS) + 2,
        2,
        "List the learning outcomes on the sheet 'outcomes', one row per outcome. / "
        "Zet de leerresultaten op het blad 'outcomes', één rij per leerresultaat.",
    )
    for col, width in enumerate((18, 40, 100)):
        course.set_column(col, col, width)
    course.freeze_panes(1, 0)


def _outcomes_sheet(wb: Workbook, outcomes: Worksheet, model: Model, bold: Format) -> None:
    """The outcomes sheet (machine-named columns, one example row, ids offered on the covers column)."""
    header = wb.add_format({"bold": True, "num_format": "@"})
    for col, ((name, _help), width) in enumerate(zip(OUTCOME_COLUMNS, (12, 36, 12, 70, 60), strict=True)):
        outcomes.write_string(0, col, name, header)
        outcomes.set_column(col, col, width)  # the help lives on the course sheet and in the YAML
    for col, value in enumerate(EXAMPLE_ROW):
        outcomes.write_string(1, col, value)
    outcomes.freeze_panes(1, 0)
    ids = f"={IDS_SHEET}!$A$2:$A${len(model.items) + 1}"  # a hint, not a rule: a cell may hold several ids
    _validate(outcomes, "E2:E1000", {"validate": "list", "source": ids, "show_error": False, **SEVERAL})


def _ids_sheet(wb: Workbook, sheet: Worksheet, model: Model, bold: Format) -> None:
    """The sheet 'ids': every item's id, framework, and name and text in English and Dutch."""
    for col, header in enumerate(("id", "framework", "name (en)", "text (en)", "naam (nl)", "tekst (nl)")):
        sheet.write_string(0, col, header, bold)
    quoted = wb.add_format({"quote_prefix": True})  # Excel's typed leading apostrophe: never a formula
    for row, item in enumerate(model.items.values(), start=1):
        name = name_of(model, item.id)
        for col, value in enumerate((item.id, item.framework, name.en, item.statement.en, name.nl, item.statement.nl)):
            sheet.write_string(row, col, cell_text(value), quoted if is_dangerous(value) else None)
    for col, width in enumerate((30, 12, 24, 70, 24, 70)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(model.items), 5)
