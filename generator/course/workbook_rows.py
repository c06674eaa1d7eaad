"""The rows of a course workbook's two sheets as course data, with the row and column of every value (for located
problems), and the problems of the rows themselves (an unknown field, a module title given twice)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from generator.course.workbook_layout import COURSE_FIELDS, COURSE_SHEET, OUTCOME_COLUMNS, OUTCOMES_SHEET, cell_name
from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem

_TRUE = {"true", "yes", "ja", "waar", "y", "j", "1", "x"}
_FALSE = {"false", "no", "nee", "onwaar", "n", "0"}
_SEPARATORS = re.compile(r"[\s,;]+")


class _Mark(NamedTuple):
    """A location in the YAML loader's shape: 0-based line (row) and column."""

    line: int
    column: int


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


class Reader:
    """Course data, the location of each value and the problems found, from the rows of the two sheets."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
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
