"""`coachref course`: check one course file (YAML or the XLSX template) against a checked model and report its
compliance. The model comes from the pipeline; nothing here re-checks the standards."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

from generator.course import limits
from generator.course.edition import edition, file_sha256
from generator.course.engine import default_sets, evaluate
from generator.course.render import Format, render_report
from generator.course.results import CourseReport, Meta
from generator.course.template import write_template_xlsx
from generator.course.workbook_in import read_xlsx
from generator.course.workbook_layout import locate
from generator.diagnostics import report
from generator.diagnostics.exit_codes import ExitCode
from generator.diagnostics.problem import Problem
from generator.editions.impact import History, history
from generator.editions.manifest import Edition
from generator.load.documents import Document
from generator.model.types import Lang, Model
from generator.pipeline import load_model
from generator.validate import check, rules

__all__ = ["course_problems", "evaluate_file", "render_report", "run_course", "write_template_xlsx"]

EXIT_OK, EXIT_NOT_COMPLIANT, EXIT_USAGE = ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE


class UsageError(Exception):
    """A mistake in how the command was called (exit 2), not in the course."""


class ProjectError(Exception):
    """The project's standards/ has errors, so no course can be evaluated (exit 1, as `check`, `export` and `urls`
    exit on broken data)."""


def run_course(root: Path, file: Path, fmt: str, requirements: str | None) -> tuple[int, str, str]:
    """Check `file`, evaluate the requirement sets and render the report: (exit code, stdout, stderr)."""
    try:
        path, rel = _resolve(root, file)
        model, editions = _model(root)
        set_ids = _requested(model, requirements)
    except UsageError as exc:
        return EXIT_USAGE, "", f"coachref course: {exc}\n"
    except ProjectError as exc:
        return EXIT_NOT_COMPLIANT, "", f"coachref course: {exc}\n"
    outcome = _evaluate(model, root, path, rel, set_ids, history=_history(model, editions))
    if isinstance(outcome, list):
        errors = report.text(outcome, 1) + f"coachref course: {rel} is not a valid course file: fix the errors above\n"
        output = report.as_json(outcome, 1) if fmt == "json" else ""
        return EXIT_NOT_COMPLIANT, output, errors
    result, warnings = outcome
    lang: Lang = "nl" if result.language == "nl" else "en"
    fmt_checked: Format = "json" if fmt == "json" else "md" if fmt == "md" else "text"
    notes = report.text(warnings, 1) if warnings else ""
    from generator.config import site_url

    base = site_url(root) + ("nl/" if lang == "nl" else "") if (root / "mkdocs.yml").is_file() else ""
    output = render_report(result, fmt_checked, lang, base)
    safe = report.json_safe(output) if fmt_checked == "json" else report.terminal_text(output)
    # no target named (compliant None): each set has its own result and the course is not "not compliant"
    return (EXIT_NOT_COMPLIANT if result.compliant is False else EXIT_OK), safe, notes


#: The history of the last model seen (the pipeline hands out one model per state of the input files): a process that
#: checks many course files against the same data compares the editions once.
_last_history: list[tuple[Model, tuple[Edition, ...], History]] = []


def _history(model: Model, editions: tuple[Edition, ...]) -> History:
    if _last_history and _last_history[0][0] is model and _last_history[0][1] is editions:
        return _last_history[0][2]
    found = history(model, editions)
    _last_history[:] = [(model, editions, found)]
    return found


def evaluate_file(
    model: Model,
    root: Path,
    path: Path,
    requirements: list[str] | None = None,
    checked: str | None = None,
    history: History | None = None,
) -> CourseReport | list[Problem]:
    """The report for one course file, or its problems when it is not a valid course (for the site and tests)."""
    outcome = _evaluate(model, root, path, _display(root, path), requirements or [], checked, history)
    return outcome if isinstance(outcome, list) else outcome[0]


def _evaluate(
    model: Model,
    root: Path,
    path: Path,
    rel: str,
    set_ids: list[str],
    checked: str | None = None,
    history: History | None = None,
) -> tuple[CourseReport, list[Problem]] | list[Problem]:
    """(report, warnings), or every problem of an invalid course (schema errors and unknown ids in one round)."""
    doc, problems = load_course(root, path, rel)
    if doc is None:
        return problems
    problems = sorted(problems + course_problems(doc, model, xlsx=path.suffix.lower() == ".xlsx"))
    if any(p.severity == "error" for p in problems):
        return problems
    return evaluate(
        model,
        doc.data,
        set_ids or default_sets(model, doc.data),
        meta(model, root, path, rel, checked, history),
        asked=bool(set_ids),
    ), problems


def meta(
    model: Model, root: Path, path: Path, rel: str, checked: str | None = None, history: History | None = None
) -> Meta:
    """What makes a report re-checkable: the file's name and SHA-256, the date (today unless given), the data
    edition (named by its id when `history` is given)."""
    return Meta(rel, file_sha256(path), checked or datetime.date.today().isoformat(), edition(model, root, history))


def load_course(root: Path, path: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    """Load a course file and check it against the course schema; XLSX problems name their sheet and cell.
    The document is returned even when its schema check failed, so its references can be checked too.
    A file past a limit (course/limits.py) gets that one problem and is read no further."""
    try:
        too_large = limits.file_size_problem(rel, path.stat().st_size)
    except OSError:  # reading it will say what is wrong
        too_large = None
    if too_large is not None:
        return None, [too_large]
    if path.suffix.lower() != ".xlsx":
        return check.check_course(root, path, rel, limits.count_problems)
    from generator.load.discover import schemas_dir
    from generator.validate import schemas

    doc, problems = read_xlsx(path, rel)
    if doc is None:
        return None, problems
    if over := limits.count_problems(doc):
        return None, [locate(p, doc) for p in over]
    found = [locate(p, doc) for p in schemas.validate(doc, "course", schemas_dir(root))]
    return doc, sorted(problems + found)


def course_problems(doc: Document, model: Model, *, xlsx: bool = False) -> list[Problem]:
    """What a schema cannot see: duplicate module and outcome ids, unknown targets and covered ids (the rules in
    validate/rules/references.py, which `coachref check` applies too); XLSX problems name their sheet and cell."""
    sets = sorted(r.id for r in model.requirement_sets)
    found = rules.course_id_problems(doc) + rules.course_reference_problems(
        doc, model.items.keys(), model.groups.keys(), sets
    )
    return [locate(p, doc) if xlsx else p for p in found]


def _model(root: Path) -> tuple[Model, tuple[Edition, ...]]:
    checked = load_model(root)
    if checked.model is None:
        errors = checked.errors
        if errors[0].code == "no-standards":
            raise UsageError("there is no standards/ folder here: run coachref in the project's top folder")
        raise ProjectError(
            f"the project's standards/ has {len(errors)} error(s), so no course can be evaluated "
            f"(first: {errors[0].as_line()}); run `coachref check` in the project folder"
        )
    return checked.model, checked.editions


def _display(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _resolve(root: Path, file: Path) -> tuple[Path, str]:
    path = file if file.is_absolute() else root / file
    rel = file.as_posix() if not file.is_absolute() else _display(root, file)
    if not path.exists():
        raise UsageError(f"no such file: {rel}")
    if not path.is_file():
        raise UsageError(f"{rel} is not a file")
    return path, rel


def _requested(model: Model, requirements: str | None) -> list[str]:
    if requirements is None:
        return []
    known = [r.id for r in model.requirement_sets]
    wanted = [part.strip() for part in requirements.split(",") if part.strip()]
    if not wanted:
        raise UsageError("--requirements needs a requirement set id; known: " + ", ".join(known))
    for ident in wanted:
        if ident not in known:
            close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
            guess = f' (did you mean "{close[0]}"?)' if close else ""
            raise UsageError(f'unknown requirement set "{ident}"{guess}; known: ' + ", ".join(known))
    return list(dict.fromkeys(wanted))
