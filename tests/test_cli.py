"""The command line's contract: exit codes, output shapes, and no traceback for user errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli_args import EXPORT_FORMATS, parser

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
        parser().parse_args(args)


def test_the_export_formats_are_the_exporters_and_a_check_loads_none_of_them() -> None:
    """The parser names the export formats without importing the exporters (code.md 4: `coachref check` loaded
    XlsxWriter and every exporter for the --format choices of `export`)."""
    import subprocess
    import sys

    from generator.render.exports import EXPORTERS

    assert tuple(sorted(EXPORTERS)) == EXPORT_FORMATS
    code = (
        "import sys; from generator import cli; code = cli.main(['check']); "
        "print(code, sorted(m for m in sys.modules if m.startswith(('generator.render.exports', 'xlsxwriter'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 []"


def test_an_installed_package_never_points_a_project_at_site_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """code.md 9: a project without schemas/ fell back to <package>/../schemas, which in an installed package is a
    path inside site-packages; without a checkout beside the package, the project's own folder is named."""
    from generator.load import discover

    project = tmp_path / "project"
    (project / "standards").mkdir(parents=True)
    assert discover.schemas_dir(project) == discover.PACKAGE_ROOT / "schemas"  # a checkout: its schemas serve
    monkeypatch.setattr(discover, "PACKAGE_ROOT", tmp_path / "site-packages")
    assert discover.schemas_dir(project) == project / "schemas"
