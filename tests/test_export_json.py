"""`coachref export --format json`: the whole model, valid against its published schema, byte-for-byte repeatable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from generator.validate.schemas import validators

from .helpers import ROOT, run_cli


def _export(out: Path) -> bytes:
    code, stdout, stderr = run_cli(["export", "--format", "json", "--out", str(out)], ROOT)
    assert code == 0, stdout + stderr
    return (out / "coachref-model.json").read_bytes()


def test_export_validates_against_its_schema_and_holds_every_item(tmp_path: Path) -> None:
    data = json.loads(_export(tmp_path))
    validator: Draft202012Validator = validators(ROOT / "schemas")["export"]
    assert isinstance(validator.format_checker, FormatChecker)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    ids = [i["id"] for f in data["frameworks"] for g in f["groups"] for i in g["items"]]
    assert len(ids) == len(set(ids))
    assert {f"ST0809:{p}{n}" for p, top in (("K", 12), ("S", 15), ("B", 4)) for n in range(1, top + 1)} <= set(ids)
    assert (
        sum(
            i.startswith("BVJN:") and i.split(":")[1] in ("intake-assessment", "jobfinding", "coaching-on-the-job")
            for i in ids
        )
        == 40
    )
    k1 = next(i for f in data["frameworks"] for g in f["groups"] for i in g["items"] if i["id"] == "ST0809:K1")
    assert k1["statement"]["kind"] == {"en": "summary", "nl": "summary"}
    assert k1["statement"]["nl"]


def test_two_exports_are_identical(tmp_path: Path) -> None:
    assert _export(tmp_path / "a") == _export(tmp_path / "b")


def test_export_refuses_a_project_with_errors_and_leaves_old_files(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "standards", project / "standards")
    out = tmp_path / "out"
    out.mkdir()
    (out / "coachref-model.json").write_text("previous export\n", encoding="utf-8")
    broken = project / "standards" / "coaching-professional" / "knowledge.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("ST0809:K2", "ST0809:K1", 1), encoding="utf-8")
    code, stdout, stderr = run_cli(["export", "--format", "json", "--out", str(out)], project)
    assert code == 1
    assert "error[duplicate-id]" in stderr
    assert "Traceback" not in stdout + stderr
    assert (out / "coachref-model.json").read_text(encoding="utf-8") == "previous export\n"
