"""Reading a filled-in course workbook (the layout of workbook_layout.py) into a located document: the file and its
sheets checked against the limits, then each sheet read cell by cell (workbook_rows.py turns the rows into data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from generator.course.limits import SHEET_HINT, beyond_sheet, unpacked_problem
from generator.course.workbook_layout import COURSE_SHEET, OUTCOMES_SHEET, cell_name
from generator.course.workbook_rows import Reader
from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem
from generator.load.documents import Document


def read_xlsx(path: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    """Read a filled-in template into course data with locations (line = row, col = column number)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # a dependency of coachref

    if (bomb := _unpacked_problem(path, rel)) is not None:
        return None, [bomb]
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        return None, [
            Problem(
                rel,
                1,
                1,
                "xlsx-unreadable",
                say("xlsx-unreadable", reason=type(exc).__name__),
                hint=say("xlsx-unreadable.hint"),
            )
        ]
    try:
        missing = [name for name in (COURSE_SHEET, OUTCOMES_SHEET) if name not in wb.sheetnames]
        if missing:
            return None, [
                Problem(rel, 1, 1, "xlsx-sheet", say("xlsx-sheet", name=n), "", hint=say("xlsx-sheet.hint"))
                for n in missing
            ]
        sheet = COURSE_SHEET
        course_rows = _sheet_rows(wb[COURSE_SHEET])
        sheet = OUTCOMES_SHEET
        outcome_rows = _sheet_rows(wb[OUTCOMES_SHEET])
    except Exception as exc:  # a sheet is parsed only here: malformed XML, an entity, a DTD, a row bomb
        return None, [
            Problem(
                rel,
                1,
                1,
                "xlsx-unreadable",
                say("xlsx-unreadable.sheet", sheet=sheet, reason=type(exc).__name__),
                hint=say("xlsx-unreadable.sheet.hint"),
            )
        ]
    finally:
        wb.close()
    if isinstance(course_rows, _Beyond) or isinstance(outcome_rows, _Beyond):
        return None, _beyond_problems(rel, course_rows, outcome_rows)
    reader = Reader(rel)
    reader.course(course_rows)
    reader.outcomes(outcome_rows)
    return Document(path, rel, reader.data, reader.marks, {}, None), reader.problems


class _Beyond(NamedTuple):
    """The first value of a sheet that lies past the limits: its (row, column) and what is wrong with it."""

    where: tuple[int, int]
    message: str


def _beyond_problems(rel: str, *sheets: list[list[Any]] | _Beyond) -> list[Problem]:
    """An xlsx-sheet-too-large problem at the first value past the limits of each sheet that has one."""
    return [
        Problem(
            rel,
            *rows.where,
            "xlsx-sheet-too-large",
            say("xlsx.cell", cell=f"{name}!{cell_name(*rows.where)}", message=rows.message),
            hint=SHEET_HINT,
        )
        for name, rows in zip((COURSE_SHEET, OUTCOMES_SHEET), sheets, strict=True)
        if isinstance(rows, _Beyond)
    ]


def _unpacked_problem(path: Path, rel: str) -> Problem | None:
    """A workbook whose parts unpack to more than the limit, by the sizes its zip directory declares (zipfile
    stops every part at its declared size, so they bound the work); None for a file that is not a zip, which
    openpyxl then refuses."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return unpacked_problem(rel, size)


def _sheet_rows(ws: Any) -> list[list[Any]] | _Beyond:
    """The values of a sheet as rows of one width (1-based row r is rows[r - 1]; cells without a value are None),
    read cell by cell, or the first value past the limits. Not openpyxl's rows: they trust the sheet's <dimension>
    (rows past it are dropped) and fill every gap (one value at row 99,999,999 makes 100 million rows)."""
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

    wb = ws.parent
    rows: list[list[Any]] = []
    with ws._get_source() as source:  # what openpyxl's read-only rows parse, as it parses them
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for _index, cells in parser.parse():
            for cell in cells:
                if cell["value"] is None:
                    continue
                r, c = cell["row"], cell["column"]
                if (message := beyond_sheet(r, c)) is not None:
                    return _Beyond((r, c), message)
                while len(rows) < r:
                    rows.append([])
                row = rows[r - 1]
                row.extend([None] * (c - len(row)))
                row[c - 1] = cell["value"]
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]
