"""The command line's contract: exit codes, output shapes, and no traceback for user errors."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cli import _parser

from .helpers import ROOT, run_cli


def test_usage_error_exits_2() -> None:
    code, _, err = run_cli(["check", "--format", "xml"], ROOT)
    assert code == 2
    assert "invalid choice" in err


def test_no_command_exits_2() -> None:
    code, _, _ = run_cli([], ROOT)
    assert code == 2


def test_folder_without_standards_is_a_clear_problem(tmp_path: Path) -> None:
    code, out, err = run_cli(["check"], tmp_path)
    assert code == 1
    assert out.splitlines()[0].startswith("standards:1:1: error[no-standards]")
    assert "Traceback" not in out + err


def test_json_format_says_what_the_text_format_says_for_the_real_project() -> None:
    code, out, _ = run_cli(["check", "--format", "json"], ROOT)
    text_code, text_out, _ = run_cli(["check"], ROOT)
    assert code == text_code == 0
    doc = json.loads(out)
    assert doc["errors"] == doc["warnings"] == 0
    assert doc["problems"] == []
    assert text_out == f"no problems in {doc['files']} files\n"


def test_help_shows_examples_that_work() -> None:
    code, out, _err = run_cli(["--help"], ROOT)
    assert code == 0
    examples = [
        line.split("  ")[1].strip()
        for line in out.split("examples:\n", 1)[1].splitlines()
        if line.startswith("  coachref ")
    ]
    assert len(examples) >= 5
    for example in examples:  # each example is a call the parser accepts
        args = example.split()[1:]
        if args[0] == "course" and not (ROOT / args[1]).exists():
            continue
        _parser().parse_args(args)
