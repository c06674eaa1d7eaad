"""Render stage for XLSX: one bilingual workbook (about, a sheet per framework and crosswalk, coverage, relations).

Written with XlsxWriter, which writes each cell's XML straight out (2.6 times faster than openpyxl's cell objects on
this workbook). Every text cell is written as a string (never a formula or a link, even when it starts with "="),
with Excel's quote prefix where a re-edit would otherwise turn it into one; ids are text-formatted. The document's
dates are the data's own date (dates.data_date) and XlsxWriter dates every zip entry 1980-01-01: two exports of the
same data are identical byte for byte. The sheets' columns and rows are xlsx_sheets.py.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from generator.model.dates import data_date
from generator.model.types import Lang, Model
from generator.render.exports.common import (
    NOTHING,
    ToReconfirm,
    cell_text,
    is_dangerous,
)
from generator.render.exports.xlsx_sheets import (
    ABOUT_COLUMNS,
    CROSSWALK_COLUMNS,
    FRAMEWORK_COLUMNS,
    RELATION_COLUMNS,
    Cell,
    Columns,
    about_rows,
    coverage_sheet,
    crosswalk_rows,
    framework_rows,
    relation_rows,
)

FILE_NAME = "coachref.xlsx"
#: Characters Excel refuses in a sheet title.
_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, taken: set[str]) -> str:
    base = _INVALID_TITLE.sub("-", name)[:31]
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


@dataclass(frozen=True)
class Styles:
    """The four cell formats of the workbook (XlsxWriter formats belong to one workbook)."""

    header: Format
    text: Format
    quoted: Format  # text that a spreadsheet would otherwise run as a formula: Excel's typed leading apostrophe
    number: Format

    @classmethod
    def of(cls, wb: Workbook) -> Styles:
        wrap = {"text_wrap": True, "valign": "top"}
        return cls(
            header=wb.add_format({"bold": True, **wrap}),
            text=wb.add_format({"num_format": "@", **wrap}),
            quoted=wb.add_format({"num_format": "@", "quote_prefix": True, **wrap}),
            number=wb.add_format(wrap),
        )


def _fill(ws: Worksheet, styles: Styles, columns: Columns, rows: Sequence[Sequence[Cell]]) -> None:
    """Header, rows, widths, wrap, frozen header and auto-filter; on paper landscape A4, all columns on the width of
    the page, the header row repeated on every page."""
    for col, (header, width) in enumerate(columns):
        ws.write_string(0, col, header, styles.header)
        ws.set_column(col, col, width)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value == "":
                ws.write_blank(r, col, None, styles.text)
            elif isinstance(value, str):  # text, even when it starts with "=" (never a formula, number or link)
                ws.write_string(r, col, cell_text(value), styles.quoted if is_dangerous(value) else styles.text)
            else:
                ws.write_number(r, col, value, styles.number)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(rows), len(columns) - 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def render(model: Model, reconfirm: ToReconfirm = NOTHING) -> bytes:
    """The workbook's bytes, identical for identical data."""
    stamp = datetime.fromisoformat(data_date(model))
    buffer = io.BytesIO()
    wb = Workbook(buffer, {"in_memory": True})
    wb.set_properties(
        {
            "author": "coachref",
            "title": "coachref: coaching competence frameworks and crosswalks",
            "created": stamp,
        }
    )
    styles = Styles.of(wb)
    taken: set[str] = set()
    sheets: list[tuple[str, Columns, Sequence[Sequence[Cell]]]] = [("About", ABOUT_COLUMNS, about_rows(model))]
    sheets += [(f.id, FRAMEWORK_COLUMNS, framework_rows(model, f.id)) for f in model.frameworks]
    sheets += [(s.id, CROSSWALK_COLUMNS, crosswalk_rows(model, n, reconfirm)) for n, s in enumerate(model.mapping_sets)]
    sheets.append(("Coverage", *coverage_sheet(model, reconfirm)))
    sheets.append(("Relations", RELATION_COLUMNS, relation_rows(model)))
    for name, columns, rows in sheets:
        _fill(wb.add_worksheet(_sheet_title(name, taken)), styles, columns, rows)
    wb.close()
    return buffer.getvalue()


def export(model: Model, lang: Lang | None, reconfirm: ToReconfirm = NOTHING) -> dict[str, bytes]:
    """The one workbook; it always holds both languages side by side, so `lang` does not change it."""
    return {FILE_NAME: render(model, reconfirm)}
