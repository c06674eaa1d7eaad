"""How much one course file may hold, the one table both engines read (`coachref course` here, the check page through
data.json), and the located problems a file past a limit gets. The numbers and why: README, "Bounded work"."""

from __future__ import annotations

from typing import Any

from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem
from generator.load.builder import MAX_DEPTH, MAX_NUMBER_CHARS
from generator.load.documents import Document

#: Each limit is one number, written here only; bundle.py ships the table to the check page (data.json "limits").
LIMITS: dict[str, int] = {
    #: bytes of the file as given (YAML or XLSX); the largest real course is about 10 KB of YAML per module
    "file_bytes": 4_000_000,
    #: modules in the file; a real course has fewer than 60, and files of 200 modules must pass
    "modules": 1_000,
    #: learning outcomes in the whole file (every module together)
    "outcomes": 10_000,
    #: the last row and column of a workbook's course or outcomes sheet that may hold a value
    "sheet_rows": 20_000,
    "sheet_columns": 100,
    #: bytes the workbook's parts unpack to, as its zip directory declares them (a zip bomb is refused unpacked)
    "xlsx_unpacked_bytes": 40_000_000,
    #: how deep mappings and lists may nest in a YAML file (load/documents.py refuses deeper ones for every data file)
    "yaml_depth": MAX_DEPTH,
    #: the longest key YAML 1.1 reads without '?' (libyaml's limit for a simple key; longer ones are a syntax error)
    "yaml_simple_key": 1024,
    #: the longest whole number a YAML file may write, in characters (load/documents.py, for every data file)
    "yaml_number_chars": MAX_NUMBER_CHARS,
    #: how many problems the check page lists (the CLI prints them all): a file of a few MB can have hundreds of
    #: thousands, and a page of 600,000 elements stalls the browser (adversarial.md B6); the first ones come first
    "problems_shown": 200,
}


def file_size_problem(rel: str, size: int) -> Problem | None:
    """The problem of a course file larger than the limit (read before anything else), or None."""
    limit = LIMITS["file_bytes"]
    if size <= limit:
        return None
    return Problem(
        rel,
        1,
        1,
        "file-too-large",
        say("file-too-large", size=size, limit=limit),
        hint=say("file-too-large.hint"),
    )


def unpacked_problem(rel: str, size: int) -> Problem | None:
    """The problem of a workbook whose parts unpack to more than the limit (a zip bomb), or None."""
    limit = LIMITS["xlsx_unpacked_bytes"]
    if size <= limit:
        return None
    return Problem(
        rel,
        1,
        1,
        "xlsx-too-large",
        say("xlsx-too-large", size=size, limit=limit),
        hint=say("xlsx-too-large.hint"),
    )


def beyond_sheet(row: int, col: int) -> str | None:
    """What is wrong with a value at (row, col) of a course sheet, 1-based, or None when it lies within the limits
    (the caller puts sheet!cell in front)."""
    rows, cols = LIMITS["sheet_rows"], LIMITS["sheet_columns"]
    if row > rows:
        return say("xlsx-sheet-too-large.row", row=row, limit=rows)
    if col > cols:
        return say("xlsx-sheet-too-large.column", col=col, limit=cols)
    return None


SHEET_HINT = say("xlsx-sheet-too-large.hint")


def count_problems(doc: Document) -> list[Problem]:
    """The problem of a course with more modules or learning outcomes than the limits allow, located at the first
    one past the limit; [] otherwise (and for data a schema will refuse)."""
    modules = doc.data.get("modules") if isinstance(doc.data, dict) else None
    if not isinstance(modules, list):
        return []
    if len(modules) > (limit := LIMITS["modules"]):
        return [
            _at(
                doc,
                f"/modules/{limit}",
                "too-many-modules",
                say("too-many-modules", count=len(modules), limit=limit),
                say("too-many-modules.hint"),
            )
        ]
    lists = [m["outcomes"] if isinstance(m, dict) and isinstance(m.get("outcomes"), list) else [] for m in modules]
    total, limit = sum(len(x) for x in lists), LIMITS["outcomes"]
    if total <= limit:
        return []
    seen = 0
    for i, outcomes in enumerate(lists):
        if seen + len(outcomes) > limit:
            return [
                _at(
                    doc,
                    f"/modules/{i}/outcomes/{limit - seen}",
                    "too-many-outcomes",
                    say("too-many-outcomes", count=total, limit=limit),
                    say("too-many-outcomes.hint"),
                )
            ]
        seen += len(outcomes)
    return []  # pragma: no cover (total > limit means some module passes it)


def _at(doc: Document, pointer: str, code: str, message: str, hint: str) -> Problem:
    line, col = doc.where(pointer)
    return Problem(doc.rel, line, col, code, message, pointer, hint=hint)


def table() -> dict[str, Any]:
    """The limits as data.json carries them."""
    return dict(LIMITS)
