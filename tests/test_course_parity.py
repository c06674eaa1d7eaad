"""The check page's engine against the CLI's, under Node (no browser, so in `make test-fast`): every course file
under courses/ and tests/cases/ gives the same JSON report, or the same problems (code, place, message, hint).
XLSX files need the browser's DOMParser, so they stay in tests/browser/test_course_check.py."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.course.command import run_course
from tests.tools.course_cases import PARITY, parity_cases
from tests.tools.course_node import NODE, ROOT, NodeEngine, node_engine

pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js (npm ci installs the rest)")

COURSE_FILES = sorted(
    p
    for p in [p for p in (ROOT / "courses").iterdir() if p.suffix in (".yaml", ".xlsx")]
    + [p for p in (ROOT / "tests/cases/courses").iterdir() if p.is_file()]
    + list((ROOT / "tests/cases/course-invalid").glob("*/course.xlsx"))
    + list((ROOT / "tests/cases/base/courses").glob("*.yaml"))
    + [p for p in (ROOT / "tests/cases/course-check").iterdir() if p.is_file()]
    if p.suffix == ".yaml"
)
TODAY = datetime.date.today().isoformat()
#: Hostile course files (adversarial.md classes 1-3; PARITY): course.yaml (or a setup that makes it, for a file too
#: large to keep in git), the CLI's lines in expected.txt, and disagrees.txt (why) while the browser engine still
#: answers otherwise: the test then fails if they start to agree.


def _parity_case(folder: Path) -> Any:
    known = folder / "disagrees.txt"
    why = known.read_text(encoding="utf-8").strip() if known.is_file() else None
    marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
    return pytest.param(folder.name, marks=marks, id=folder.name)


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeEngine]:
    with node_engine(tmp_path_factory.mktemp("node")) as engine:
        yield engine


def parser_words_out(result: dict[str, Any]) -> dict[str, Any]:
    """The one allowed difference: a YAML syntax error quotes its own parser's words (libyaml in the CLI, `yaml` in
    the browser) after our fixed part, and may stop at another column of the same line."""

    def fixed(problem: dict[str, Any]) -> dict[str, Any]:
        if problem["code"] != "yaml-syntax":
            return problem
        message = problem["message"]
        cut = message.find("(the parser got lost at line ")
        return {**problem, "col": 0, "message": message[:cut] if cut >= 0 else message[: len("YAML syntax error:")]}

    return {**result, "problems": [fixed(p) for p in result["problems"]]}


def disagreement(node: NodeEngine, rel: str) -> str | None:
    """None when the CLI and the Node engine give the same answer for ROOT/rel, else what differs."""
    code, out, err = run_course(ROOT, Path(rel), "json", None)
    if code not in (0, 1):
        return f"CLI exit {code}: {err}"
    python = json.loads(out)
    answer = node.check(rel, (ROOT / rel).read_bytes(), TODAY)
    if "problems" in python:
        if "problems" not in answer:
            return f"CLI problems, engine {answer}"
        mine, theirs = parser_words_out(answer["problems"]), parser_words_out(python)
        return None if mine == theirs else f"engine {mine}\nCLI {theirs}"
    if "report" not in answer:
        return f"CLI report, engine {answer}"
    python["checked"] = TODAY  # the CLI's clock and the test's agree except across midnight
    return None if answer["report"] == python else f"engine {answer['report']}\nCLI {python}"


@pytest.mark.parametrize("path", COURSE_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_engines_agree(path: Path, node: NodeEngine) -> None:
    assert disagreement(node, path.relative_to(ROOT).as_posix()) is None


@pytest.mark.parametrize("case", [_parity_case(p) for p in parity_cases()])
def test_hostile_case(case: str, node: NodeEngine) -> None:
    """The CLI prints expected.txt for the case's course.yaml, and the browser engine gives the same answer."""
    rel = f"tests/cases/course-parity/{case}/course.yaml"
    code, _out, err = run_course(ROOT, Path(rel), "text", None)
    assert code in (0, 1)
    assert err == (PARITY / case / "expected.txt").read_text(encoding="utf-8")
    assert disagreement(node, rel) is None


def test_enough_hostile_cases() -> None:
    assert len(list(PARITY.iterdir())) >= 9


def test_a_bad_byte_near_the_end_of_a_large_file(node: NodeEngine) -> None:
    """adversarial.md B3: the browser found the first bad UTF-8 byte by decoding ever longer prefixes (quadratic:
    a 200 KB file froze the tab for 41 s); one pass now, and the place agrees with the CLI's."""
    text = (
        (ROOT / "tests/cases/course-check/ksb-compliant.yaml").read_bytes() + b"# " + b"x" * 200_000 + b"\n# caf\xe9\n"
    )
    folder = ROOT / ".generated-courses-large"
    folder.mkdir(exist_ok=True)
    try:
        (folder / "course.yaml").write_bytes(text)
        assert disagreement(node, ".generated-courses-large/course.yaml") is None
        answer = node.check("course.yaml", text, TODAY)
        assert [p["code"] for p in answer["problems"]["problems"]] == ["encoding"]
    finally:
        (folder / "course.yaml").unlink()
        folder.rmdir()


def test_a_course_of_200_modules_passes(node: NodeEngine) -> None:
    """Bounded work (issue 19 item 3): the limits are far above a real course (fewer than 60 modules). A file of 200
    modules of 20 outcomes each, with texts of a real course's length, gets its report from both engines, alike."""
    text = "Plans, carries out and evaluates a coaching conversation with the employee and the employer. " * 3
    lines = [
        'provider: "A"',
        'programme: "P"',
        'version: "1"',
        "language: en",
        "level: uk-level-5",
        'targets: ["ST0809:ksb-coverage"]',
        "mode: {dual: true, practice_hours: 300}",
        "modules:",
    ]
    for m in range(200):
        lines += [f'  - id: "M{m}"', f'    title: "Module {m}"', "    outcomes:"]
        lines += [f'      - {{id: "M{m}.{o}", text: "{text}", covers: ["ST0809:K1"]}}' for o in range(20)]
    folder = ROOT / ".generated-courses-200"
    folder.mkdir(exist_ok=True)
    try:
        (folder / "course.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert (folder / "course.yaml").stat().st_size > 1_000_000
        assert disagreement(node, ".generated-courses-200/course.yaml") is None
        code, _out, err = run_course(ROOT, Path(".generated-courses-200/course.yaml"), "json", None)
        assert (code, err) == (1, "")  # a report (not compliant: only K1 is covered), no problem
    finally:
        (folder / "course.yaml").unlink()
        folder.rmdir()
