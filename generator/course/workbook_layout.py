"""The course workbook's layout: its two sheets, the rows of the course sheet and the columns of the outcomes sheet
(template.py writes them, workbook_in.py reads them), and where a problem found in a workbook's data lies (sheet and
cell)."""

from __future__ import annotations

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
