"""`coachref edition freeze | list | diff` on a small project: what a release writes, what it refuses, and that the
check then holds the data to its declared changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .helpers import ROOT, run_cli

BASE = ROOT / "tests" / "cases" / "base"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "p")
    shutil.copytree(ROOT / "schemas", tmp_path / "p" / "schemas")
    return tmp_path / "p"


def _edit(project: Path, old: str, new: str, path: str = "standards/demo/knowledge.yaml") -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_freeze_writes_a_manifest_and_the_export_and_numbers_the_editions(project: Path) -> None:
    assert run_cli(["edition", "list"], project)[1] == "no editions yet\n"
    code, out, err = run_cli(["edition", "freeze", "2026-01-01"], project)
    assert (code, out, err) == (0, "froze edition 2026-01-01 into editions/2026-01-01.json\n", "")
    doc = json.loads((project / "editions" / "2026-01-01.json").read_text(encoding="utf-8"))
    assert (doc["format"], doc["id"], doc["sequence"], doc["previous"]) == ("coachref-edition/1", "2026-01-01", 1, None)
    k1 = doc["manifest"]["items"]["DEMO:K1"]
    assert k1["group"] == "DEMO:knowledge" and set(k1["text"]) == {"en", "nl"} and k1["status"] == "available"
    assert doc["export"]["format"] == "coachref-model/1"
    assert (project / "editions" / "2026-01-01.json").stat().st_mode & 0o777 == 0o644
    _edit(project, "Knows the first thing.", "Knows the first thing well.")
    declared = (
        '    changes:\n      - {since: "2026-01-01", date: "2026-02-01", kind: reword, affects_assessment: false}\n'
    )
    _edit(project, '    label: "K1"\n', '    label: "K1"\n' + declared)
    assert run_cli(["edition", "freeze", "2026-02-01"], project)[0] == 0
    second = json.loads((project / "editions" / "2026-02-01.json").read_text(encoding="utf-8"))
    assert (second["sequence"], second["previous"]) == (2, "2026-01-01")
    assert run_cli(["edition", "list"], project)[1].splitlines() == [
        "  1  2026-01-01  5 items  (first edition)",
        "  2  2026-02-01  5 items  (after 2026-01-01)",
    ]
    from generator.course.edition import standards_hash
    from generator.editions.manifest import read_all

    first, latest = read_all(project)  # the hash a course report names its data by, as each edition was frozen
    assert first.standards_hash == doc["standards_hash"] != latest.standards_hash
    assert latest.standards_hash == standards_hash(project / "standards")


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ("2026-01-01", "2026-01-01", "edition 2026-01-01 exists already"),
        ("2026-01-01", "2025-12-31", "would come before the latest edition, 2026-01-01"),
        ("2026-01-01", "2026-1-2", '"2026-1-2" is not an edition id'),
        ("2026-01-01", "2026-02-01", "the data is the same as in edition 2026-01-01"),
    ],
)
def test_freeze_refuses(project: Path, first: str, second: str, message: str) -> None:
    assert run_cli(["edition", "freeze", first], project)[0] == 0
    before = sorted(p.name for p in (project / "editions").iterdir())
    code, out, err = run_cli(["edition", "freeze", second], project)
    assert code == 1 and out == "" and message in err and "Traceback" not in err
    assert sorted(p.name for p in (project / "editions").iterdir()) == before


def test_freeze_refuses_data_with_a_warning(project: Path) -> None:
    """A doubled space is a warning, and no change of content: the hashes normalise whitespace."""
    assert run_cli(["edition", "freeze", "2026-01-01"], project)[0] == 0
    _edit(project, "Knows the second thing.", "Knows the second  thing.")
    code, _, err = run_cli(["edition", "freeze", "2026-03-01"], project)
    assert code == 1 and "warning[whitespace]" in err and "no edition frozen" in err
    assert "undeclared-change" not in err
    assert not (project / "editions" / "2026-03-01.json").exists()


def test_diff_lists_the_changes_an_editor_must_declare(project: Path) -> None:
    assert run_cli(["edition", "diff"], project)[1].startswith("no editions yet")
    assert run_cli(["edition", "freeze", "2026-01-01"], project)[0] == 0
    assert run_cli(["edition", "diff"], project)[1] == "since edition 2026-01-01: no changes\n"
    _edit(project, "Knows the second thing.", "Knows the second and third thing.")
    code, out, _ = run_cli(["check"], project)
    assert code == 1 and "error[undeclared-change] item DEMO:K2 changed since edition 2026-01-01 (text (en))" in out
    code, out, _ = run_cli(["edition", "diff"], project)  # works while the change is not yet declared
    assert code == 0
    assert out == "since edition 2026-01-01: 1 changes\n  changed    DEMO:K2 (text (en)), affects assessment\n"


def test_a_retired_id_split_in_two_is_a_split_in_the_diff(project: Path) -> None:
    assert run_cli(["edition", "freeze", "2026-01-01"], project)[0] == 0
    text = (project / "standards/demo/knowledge.yaml").read_text(encoding="utf-8")
    k2 = text[text.index('  - id: "DEMO:K2"') :]
    parts = k2.replace('"DEMO:K2"', '"DEMO:K2a"').replace('"K2"', '"K2a"') + k2.replace(
        '"DEMO:K2"', '"DEMO:K2b"'
    ).replace('"K2"', '"K2b"')
    retired = '  - {id: "DEMO:K2", replaced_by: ["DEMO:K2a", "DEMO:K2b"], date: "2026-02-01"}\n'
    text = text.replace(k2, parts) + "retired:\n" + retired
    (project / "standards/demo/knowledge.yaml").write_text(text, encoding="utf-8")
    for path in sorted((project / "standards").rglob("*.yaml")) + sorted((project / "courses").glob("*.yaml")):
        if path.name != "knowledge.yaml":
            path.write_text(path.read_text(encoding="utf-8").replace('"DEMO:K2"', '"DEMO:K2a"'), encoding="utf-8")
    code, out, _ = run_cli(["edition", "diff"], project)
    assert code == 0 and "  split      DEMO:K2 -> DEMO:K2a, DEMO:K2b, affects assessment\n" in out, out
