r"""Data-driven bad-input tests for `coachref check`.

Every folder under tests/cases/invalid/ is one defect: its `files/` overlay the valid project in
tests/cases/base/ (same relative paths; a file there replaces the base's file or adds a new one),
an optional `delete` lists base paths to remove (one per line), an optional `args` holds extra
CLI arguments on one line, and `expected.txt` is the exact text output of `coachref check`.
A `KNOWN_BUG` file (one line) marks a case whose expected.txt states what the checker SHOULD
print; such a case is an xfail until the checker is fixed.

What git cannot hold (a FIFO, a dangling link, an unreadable file) or should not (a 10,000-level file)
comes from an optional `setup` file, applied after `files/` and `delete`. One step a line, paths relative
to the project, `#` lines ignored; in TEXT, `\n`, `\t`, `\\`, `\xNN` and `\uNNNN` stand for that character
(written as UTF-8):

    mkdir PATH                  a folder (e.g. courses/folder.yaml)
    fifo PATH                   a named pipe
    symlink PATH -> TARGET      a symbolic link; TARGET as written (relative to PATH's folder, or absolute)
    unreadable PATH             chmod 000; as root the check then runs in a subprocess under
                                `setpriv --bounding-set=-dac_override,-dac_read_search` (skipped without setpriv)
    write PATH TEXT             create or replace the file with TEXT
    insert PATH LINE:COL TEXT   put TEXT before the character at LINE:COL (1-based) of an existing file
    repeat PATH COUNT TEXT      append TEXT COUNT times
    indented PATH COUNT TEXT    append COUNT lines of TEXT, the first unindented, each one space deeper

The project's schemas/ folder is copied into every temporary project, so the schema comments of
the case files read `../../schemas/x.schema.json` exactly as in the real data.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics.codes import CODES

from .helpers import run_cli

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
BASE = CASES / "base"
INVALID = CASES / "invalid"
SCHEMAS = HERE.parent / "schemas"

#: `path:line:col: severity[code] message` — the shape of one problem line in the text report.
PROBLEM_LINE = re.compile(
    r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning)"
    r"\[(?P<code>[a-z-]+)\] (?P<message>.*)$"
)

#: Course workbook cases: `coachref course <case>/course.xlsx`, whose stderr is `expected.txt`.
COURSE_CASES = CASES / "course-invalid"
#: Hostile course files that both engines must answer alike (tests/test_course_parity.py): their codes count too.
PARITY_CASES = CASES / "course-parity"


def case_names() -> list[str]:
    return sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def case_params() -> list[object]:
    params: list[object] = []
    for name in case_names():
        bug = INVALID / name / "KNOWN_BUG"
        marks = []
        if bug.is_file():
            marks.append(pytest.mark.xfail(reason=bug.read_text(encoding="utf-8").strip(), strict=True))
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def build_project(dest: Path, case: str | None = None) -> Path:
    """Copy the base project (and the project's schemas/) to `dest`, then apply the case's overlay."""
    shutil.copytree(BASE, dest)
    shutil.copytree(SCHEMAS, dest / "schemas")
    if case is None:
        return dest
    folder = INVALID / case
    files = folder / "files"
    if files.is_dir():
        for src in sorted(p for p in files.rglob("*") if p.is_file()):
            target = dest / src.relative_to(files)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)  # byte for byte: tabs, bad encodings and BOMs survive
    delete = folder / "delete"
    if delete.is_file():
        for rel in delete.read_text(encoding="utf-8").splitlines():
            rel = rel.strip()
            if not rel or rel.startswith("#"):
                continue
            target = dest / rel
            assert target.exists(), f"{case}/delete names {rel}, which the base does not have"
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
    for step in setup_steps(case):
        apply_step(dest, step)
    return dest


_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[nt\\])")


def _text(raw: str) -> str:
    simple = {"n": "\n", "t": "\t", "\\": "\\"}
    return _ESCAPE.sub(lambda m: simple.get(m[1]) or chr(int(m[1][1:], 16)), raw)


def setup_steps(case: str) -> list[list[str]]:
    """The case's setup steps, each split into its verb, path and the rest (see the module docstring)."""
    setup = INVALID / case / "setup"
    if not setup.is_file():
        return []
    lines = [ln for ln in setup.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split(" ", 2) for ln in lines]


def apply_step(project: Path, step: list[str]) -> None:
    verb, rel, rest = [*step, ""][:3]
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if verb == "mkdir":
        path.mkdir()
    elif verb == "fifo":
        os.mkfifo(path)
    elif verb == "symlink":
        arrow, target = rest.split(" ", 1)
        assert arrow == "->", f"symlink {rel}: expected '-> TARGET', got {rest!r}"
        path.symlink_to(target)
    elif verb == "unreadable":
        path.chmod(0)
    elif verb == "write":
        path.write_bytes(_text(rest).encode("utf-8"))
    elif verb == "insert":
        where, text = rest.split(" ", 1)
        line, col = map(int, where.split(":"))
        lines = path.read_text(encoding="utf-8").split("\n")
        lines[line - 1] = lines[line - 1][: col - 1] + _text(text) + lines[line - 1][col - 1 :]
        path.write_bytes("\n".join(lines).encode("utf-8"))
    elif verb in ("repeat", "indented"):
        count, text = rest.split(" ", 1)
        unit = _text(text)
        chunk = unit * int(count) if verb == "repeat" else "".join(" " * i + unit + "\n" for i in range(int(count)))
        with path.open("a", encoding="utf-8", newline="") as handle:
            handle.write(chunk)
    else:
        raise AssertionError(f"unknown setup step {verb!r}")


def case_args(case: str) -> list[str]:
    args = INVALID / case / "args"
    return args.read_text(encoding="utf-8").split() if args.is_file() else []


def run_check(
    project: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """Run `coachref check ARGS` in-process in `project`; return exit code, stdout and stderr."""
    monkeypatch.chdir(project)
    capsys.readouterr()  # drop anything printed before
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_no_crash(out: str, err: str) -> None:
    for stream in (out, err):
        assert "Traceback" not in stream
        assert "internal error" not in stream


def test_base_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = build_project(tmp_path / "project")
    code, out, err = run_check(project, ["--strict"], monkeypatch, capsys)
    assert_no_crash(out, err)
    assert out.startswith("no problems in "), out
    assert code == 0


def run_check_unprivileged(project: Path, args: list[str]) -> tuple[int, str, str]:
    """Run `coachref check ARGS` in a subprocess that, even as root, cannot read what its mode forbids."""
    command = [sys.executable, "-m", "generator", "check", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: an unreadable file cannot be made unreadable")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=60, env=env, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("case", case_params())
def test_invalid_case(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = build_project(tmp_path / "project", case)
    started = time.perf_counter()
    if any(step[0] == "unreadable" for step in setup_steps(case)):
        code, out, err = run_check_unprivileged(project, case_args(case))
    else:
        code, out, err = run_check(project, case_args(case), monkeypatch, capsys)
    elapsed = time.perf_counter() - started
    assert_no_crash(out, err)
    assert out == (INVALID / case / "expected.txt").read_text(encoding="utf-8")
    assert code == 1
    assert elapsed < 10, f"the check took {elapsed:.1f}s"  # e.g. an alias bomb must not be expanded


def test_alias_bomb_is_not_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = build_project(tmp_path / "project", "yaml-alias-bomb")
    started = time.perf_counter()
    code, out, err = run_check(project, [], monkeypatch, capsys)
    assert time.perf_counter() - started < 2
    assert_no_crash(out, err)
    assert code == 1
    assert "[yaml-alias]" in out


@pytest.mark.parametrize("case", ["several-problems", "several-problems-two-files"])
def test_json_carries_the_same_problems(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = build_project(tmp_path / "project", case)
    code, out, err = run_check(project, [*case_args(case), "--format", "json"], monkeypatch, capsys)
    assert_no_crash(out, err)
    assert code == 1
    doc = json.loads(out)
    text = (INVALID / case / "expected.txt").read_text(encoding="utf-8")
    from_text = [m.groupdict() for m in map(PROBLEM_LINE.match, text.splitlines()) if m]
    assert len(from_text) > 1
    assert [(p["path"], p["line"], p["col"], p["severity"], p["code"]) for p in doc["problems"]] == [
        (t["path"], int(t["line"]), int(t["col"]), t["severity"], t["code"]) for t in from_text
    ]
    for p, t in zip(doc["problems"], from_text, strict=True):
        assert t["message"] == p["message"] + (f" (at {p['pointer']})" if p["pointer"] else "")
    assert doc["errors"] == sum(t["severity"] == "error" for t in from_text)
    assert doc["warnings"] == sum(t["severity"] == "warning" for t in from_text)


def test_cases_cover_every_code() -> None:
    names = case_names()
    assert len(names) >= 25, names
    seen: set[str] = set()
    for name in names:
        folder = INVALID / name
        assert (folder / "expected.txt").is_file(), f"{name} has no expected.txt"
        changes = [folder / "files", folder / "delete", folder / "setup"]
        assert any(p.exists() for p in changes), f"{name} changes nothing"
        text = (folder / "expected.txt").read_text(encoding="utf-8")
        lines = text.splitlines()
        for line in lines[:-1]:
            assert PROBLEM_LINE.match(line) or line.startswith("    hint: "), f"{name}: odd line {line!r}"
        assert re.fullmatch(r"\d+ errors?, \d+ warnings? in \d+ files?", lines[-1]), f"{name}: {lines[-1]!r}"
        seen.update(m["code"] for m in map(PROBLEM_LINE.match, lines) if m)
    seen |= {
        m["code"]
        for case in [*COURSE_CASES.iterdir(), *PARITY_CASES.iterdir()]
        for m in map(PROBLEM_LINE.match, (case / "expected.txt").read_text(encoding="utf-8").splitlines())
        if m
    }
    assert set(CODES) - seen == set(), "every code in generator/diagnostics/codes.py needs a bad-input case folder"
    assert seen - set(CODES) == set(), "a case shows a code that generator/diagnostics/codes.py does not declare"


def test_every_code_has_its_declared_severity() -> None:
    for folder in [*INVALID.iterdir(), *COURSE_CASES.iterdir()]:
        for m in map(PROBLEM_LINE.match, (folder / "expected.txt").read_text(encoding="utf-8").splitlines()):
            if m:
                assert CODES[m["code"]].severity == m["severity"], (folder.name, m["code"])


@pytest.mark.parametrize("case", sorted(p.name for p in COURSE_CASES.iterdir()))
def test_course_workbook_case(case: str) -> None:
    """A bad course workbook gets located errors naming the sheet and cell, exit 1, nothing on stdout."""
    code, out, err = run_cli(["course", f"tests/cases/course-invalid/{case}/course.xlsx"], HERE.parent)
    assert_no_crash(out, err)
    assert (code, out) == (1, "")
    assert err == (COURSE_CASES / case / "expected.txt").read_text(encoding="utf-8")


def test_expected_lines_are_sorted() -> None:
    """The report lists problems by file, line, column, then code: check every expected output says so."""
    for name in case_names():
        lines = (INVALID / name / "expected.txt").read_text(encoding="utf-8").splitlines()
        keys = [(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in map(PROBLEM_LINE.match, lines) if m]
        assert keys == sorted(keys), name


def test_json_report_escapes_control_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """bad-input.md Y35b, JSON side: ESC (C0) and CSI (C1) from a key reach the output as escapes only."""
    project = build_project(tmp_path / "project", "terminal-escape-in-key")
    code, out, err = run_check(project, ["--format", "json"], monkeypatch, capsys)
    assert_no_crash(out, err)
    assert code == 1
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    assert "\\u001b[2J\\u001b[31mOWNED\\u009b" in out
    (problem,) = json.loads(out)["problems"]
    assert problem["message"] == 'unknown property "\x1b[2J\x1b[31mOWNED\x9b"'


def test_every_code_the_source_raises_is_declared() -> None:
    """Read the package's source: every code literal given to a problem-making call is in generator/diagnostics/codes.py
    (a missing one would turn a user's mistake into an internal error)."""
    import ast

    makers = {"Problem", "at", "problem"}
    raised: set[tuple[str, str]] = set()
    for path in sorted((HERE.parent / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "id", None) or getattr(name, "attr", None)
            if isinstance(node, ast.Call) and name in makers:
                raised |= {
                    (a.value, path.name)
                    for a in node.args
                    if (isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value in CODES)
                    or (
                        isinstance(a, ast.Constant)
                        and isinstance(a.value, str)
                        and re.fullmatch(r"[a-z]+(-[a-z]+)+", a.value)
                    )
                }
    assert len(raised) >= 40
    assert sorted(code for code, _file in raised if code not in CODES) == []
