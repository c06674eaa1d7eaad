"""The XLSX course template's layout, and reading a filled-in copy into a located document (template.py writes it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from generator.course.limits import SHEET_HINT, beyond_sheet, unpacked_problem
from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem
from generator.load.documents import Document

COURSE_SHEET, OUTCOMES_SHEET = "course", "outcomes"
#: The rows of the course sheet: field name, where it goes in the course data, and the help text (en / nl).
COURSE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("provider", "/provider", "The organisation that offers the programme. / De aanbieder van de opleiding."),
    ("programme", "/programme", "The programme's name. / De naam van de opleiding."),
    ("version", "/version", "Version of this description, as text (e.g. 2026-1). / Versie van deze beschrijving."),
    (
        "level",
        "/level",
        "One of: mbo-4, hbo-associate, hbo-bachelor, hbo-master, hbo-post, uk-level-3 … uk-level-7. / "
        "Niveau van de opleiding.",
    ),
    (
        "dual",
        "/mode/dual",
        "TRUE when training is combined with supervised practice. / "
        "TRUE als de opleiding duaal is (opleiding en praktijk).",
    ),
    ("practice_hours", "/mode/practice_hours", "Hours of supervised practice (whole number). / Uren praktijk."),
    ("training_hours", "/mode/training_hours", "Optional: hours of training. / Optioneel: uren opleiding."),
    (
        "off_the_job_hours",
        "/mode/off_the_job_hours",
        "Optional, apprenticeships: hours of off-the-job training. / "
        "Optioneel: uren opleidingstijd buiten de eigen werkzaamheden (apprenticeships).",
    ),
    (
        "duration_months",
        "/mode/duration_months",
        "Optional: how long the programme runs, in months. / Optioneel: duur van de opleiding in maanden.",
    ),
    (
        "targets",
        "/targets",
        "The requirement sets the programme claims to meet, e.g. BVJN:register (ids on the site's "
        "course check page). / Doelen: de sets eisen waaraan de opleiding wil voldoen.",
    ),
    (
        "language",
        "/language",
        "Optional: en or nl, the language of this file and of the report. / Optioneel: en of nl.",
    ),
)
OUTCOME_COLUMNS: tuple[tuple[str, str], ...] = (
    ("module_id", "Module id, e.g. M1 (repeat it on every row of the module) / Module-id"),
    ("module_title", "Module title (once per module is enough) / Moduletitel"),
    ("outcome_id", "Outcome id, unique in the module, e.g. M1.1 / Id van het leerresultaat"),
    ("outcome_text", "What the learner can do at the end / Wat de deelnemer aan het eind kan"),
    ("covers", "Framework item ids, separated by spaces or commas, e.g. BVJN:intake-assessment:a / Item-ids"),
)
_TRUE = {"true", "yes", "ja", "waar", "y", "j", "1", "x"}
_FALSE = {"false", "no", "nee", "onwaar", "n", "0"}
_SEPARATORS = re.compile(r"[\s,;]+")


class _Mark(NamedTuple):
    """A location in the YAML loader's shape: 0-based line (row) and column."""

    line: int
    column: int


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
                Problem(
                    rel,
                    1,
                    1,
                    "xlsx-sheet",
                    say("xlsx-sheet", name=name),
                    "",
                    hint=say("xlsx-sheet.hint"),
                )
                for name in missing
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
        return None, [
            Problem(
                rel,
                *rows.where,
                "xlsx-sheet-too-large",
                say("xlsx.cell", cell=f"{name}!{cell_name(*rows.where)}", message=rows.message),
                hint=SHEET_HINT,
            )
            for name, rows in ((COURSE_SHEET, course_rows), (OUTCOMES_SHEET, outcome_rows))
            if isinstance(rows, _Beyond)
        ]
    reader = _Reader(path, rel)
    reader.course(course_rows)
    reader.outcomes(outcome_rows)
    return Document(path, rel, reader.data, reader.marks, {}, None), reader.problems


class _Beyond(NamedTuple):
    """The first value of a sheet that lies past the limits: its (row, column) and what is wrong with it."""

    where: tuple[int, int]
    message: str


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


def sheet_of(pointer: str) -> str:
    """The sheet a location in the course data comes from."""
    return OUTCOMES_SHEET if pointer.startswith("/modules") else COURSE_SHEET


def cell_name(row: int, col: int) -> str:
    """A1-style name of a cell (1-based row and column)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def locate(problem: Problem, doc: Document) -> Problem:
    """Put the sheet and cell (e.g. course!B3) at the start of a problem found in a workbook's data."""
    line, col, hint = problem.line, problem.col, problem.hint
    if problem.code == "missing-property":
        if problem.pointer in doc.values:  # the row is there, its value cell is empty
            line, col = doc.where(problem.pointer)
            hint = say("missing-property.cell.hint")
        else:
            hint = say("missing-property.row.hint")
    message = problem.message
    if problem.pointer == "/modules" and problem.code == "invalid-value":
        message, hint = say("invalid-value.no-outcomes"), say("invalid-value.no-outcomes.hint")
    where = f"{sheet_of(problem.pointer)}!{cell_name(line, col)}"
    if message.startswith(where):
        return problem
    return Problem(
        problem.path,
        line,
        col,
        problem.code,
        say("xlsx.cell", cell=where, message=message),
        problem.pointer,
        problem.severity,
        hint,
    )


def _norm(value: Any) -> str:
    return re.sub(r"[\s-]+", "_", str(value).strip().lower()) if value is not None else ""


def _text(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else value


def _bool(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    if isinstance(value, int | float) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    return value


def _int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


class _Reader:
    def __init__(self, path: Path, rel: str) -> None:
        self.path, self.rel = path, rel
        self.data: dict[str, Any] = {}
        self.marks: dict[str, _Mark] = {"": _Mark(0, 0)}
        self.problems: list[Problem] = []

    def problem(self, sheet: str, row: int, col: int, code: str, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(
                self.rel,
                row,
                col,
                code,
                say("xlsx.cell", cell=f"{sheet}!{cell_name(row, col)}", message=message),
                "",
                hint=hint,
            )
        )

    def course(self, rows: list[list[Any]]) -> None:
        fields = {name: pointer for name, pointer, _help in COURSE_FIELDS}
        seen: dict[str, int] = {}
        for r, row in enumerate(rows, start=1):
            name = _norm(row[0] if row else None)
            value = row[1] if len(row) > 1 else None
            if not name or (r == 1 and name == "field"):
                continue
            if name not in fields:
                allowed = ", ".join(fields)
                self.problem(
                    COURSE_SHEET,
                    r,
                    1,
                    "unknown-property",
                    say("unknown-property.field", name=row[0]),
                    say("unknown-property.field.hint", fields=allowed),
                )
                continue
            if name in seen:
                self.problem(
                    COURSE_SHEET,
                    r,
                    1,
                    "duplicate-key",
                    say("duplicate-key.field", name=name, row=seen[name]),
                    say("duplicate-key.field.hint"),
                )
                continue
            seen[name] = r
            pointer = fields[name]
            mark = _Mark(r - 1, 1)
            self.marks[pointer] = mark
            if pointer.startswith("/mode/"):
                self.marks.setdefault("/mode", mark)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if name == "targets":
                value = [t for t in _SEPARATORS.split(str(value)) if t]
                for j in range(len(value)):
                    self.marks[f"/targets/{j}"] = mark
            elif name == "dual":
                value = _bool(value)
            elif name.endswith(("_hours", "_months")):
                value = _int(value)
            else:
                value = _text(value)
            if pointer.startswith("/mode/"):
                self.data.setdefault("mode", {})[pointer.rsplit("/", 1)[1]] = value
            else:
                self.data[pointer[1:]] = value
        self.marks.setdefault("/mode", _Mark(0, 0))

    def outcomes(self, rows: list[list[Any]]) -> None:
        """The outcomes sheet: row 1 names the columns; every other filled row is one outcome of a module."""
        header = [_norm(v) for v in rows[0]] if rows else []
        columns: dict[str, int] = {}
        for name, _help in OUTCOME_COLUMNS:
            if name in header:
                columns[name] = header.index(name)
            else:
                self.problem(
                    OUTCOMES_SHEET,
                    1,
                    len(header) + 1,
                    "xlsx-column",
                    say("xlsx-column", name=name),
                    say("xlsx-column.hint", names=", ".join(n for n, _h in OUTCOME_COLUMNS)),
                )
        self.marks["/modules"] = _Mark(0, 0)
        if len(columns) < len(OUTCOME_COLUMNS):
            return
        modules: list[dict[str, Any]] = []
        index: dict[str, int] = {}
        self.data["modules"] = modules
        for r, row in enumerate(rows[1:], start=2):
            if not all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                self._outcome_row(r, row, columns, modules, index)

    def _outcome_row(
        self, r: int, row: list[Any], columns: dict[str, int], modules: list[dict[str, Any]], index: dict[str, int]
    ) -> None:
        """One filled row of the outcomes sheet: its module (made on first sight) and its outcome."""

        def cell(name: str) -> Any:
            i = columns[name]
            value = row[i] if i < len(row) else None
            return None if isinstance(value, str) and not value.strip() else value

        col = columns
        module_id = _text(cell("module_id"))
        if module_id is None:
            self.problem(
                OUTCOMES_SHEET,
                r,
                col["module_id"] + 1,
                "missing-property",
                say("missing-property.module-id"),
                say("missing-property.module-id.hint"),
            )
            return
        key = str(module_id)
        if key not in index:
            index[key] = len(modules)
            i = index[key]
            modules.append({"id": module_id, "outcomes": []})
            self.marks[f"/modules/{i}"] = self.marks[f"/modules/{i}/id"] = _Mark(r - 1, col["module_id"])
            self.marks[f"/modules/{i}/outcomes"] = _Mark(r - 1, col["outcome_id"])
        i = index[key]
        module = modules[i]
        self._module_title(r, i, key, module, _text(cell("module_title")), col["module_title"])
        base = f"/modules/{i}/outcomes/{len(module['outcomes'])}"
        outcome: dict[str, Any] = {}
        self.marks[base] = _Mark(r - 1, col["outcome_id"])
        for name, field in (("outcome_id", "id"), ("outcome_text", "text")):
            value = _text(cell(name))
            self.marks[f"{base}/{field}"] = _Mark(r - 1, col[name])
            if value is not None:
                outcome[field] = value
        covers = cell("covers")
        self.marks[f"{base}/covers"] = _Mark(r - 1, col["covers"])
        refs = [t for t in _SEPARATORS.split(str(covers)) if t] if covers is not None else []
        for j in range(len(refs)):
            self.marks[f"{base}/covers/{j}"] = _Mark(r - 1, col["covers"])
        outcome["covers"] = refs
        module["outcomes"].append(outcome)

    def _module_title(self, r: int, i: int, key: str, module: dict[str, Any], title: Any, column: int) -> None:
        """A module's title comes from its first row that gives one; a different title later is a problem."""
        if title is None:
            return
        if "title" not in module:
            module["title"] = title
            self.marks[f"/modules/{i}/title"] = _Mark(r - 1, column)
        elif title != module["title"]:
            first = self.marks[f"/modules/{i}/title"].line + 1
            self.problem(
                OUTCOMES_SHEET,
                r,
                column + 1,
                "module-title",
                say("module-title", module=key, row=first),
                say("module-title.hint"),
            )
