"""A saved course report re-opened: Python's answer (course/reopen.py) and the check page's (course-check/
reopen.js, run under Node on the page's data.json) agree on every report, for the real editions and for a realistic
next edition (items reworded, changed, renumbered, split, retired and added); and the answer is the right one."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.course.bundle import bundle
from generator.course.edition import standards_hash
from generator.course.reopen import reopen
from generator.editions.impact import History, history
from generator.pipeline import load_model

from .helpers import ROOT, run_cli
from .next_edition import DATE, Plan, make

REOPEN_JS = ROOT / "docs/assets/javascripts/course-check/reopen.js"
NODE = shutil.which("node")
#: Node runs the page's module as it is (an ES module): every report through reopen(), every answer printed.
HARNESS = """
const [bundlePath, reportsPath, module] = process.argv.slice(1);
const fs = await import("node:fs");
const { isReport, reopen } = await import(module);
const bundle = JSON.parse(fs.readFileSync(bundlePath, "utf8"));
const reports = JSON.parse(fs.readFileSync(reportsPath, "utf8"));
console.log(JSON.stringify(reports.map((r) => (isReport(r) ? reopen(bundle, r) : "not a report"))));
"""


def _report(root: Path, course: str) -> dict[str, Any]:
    code, out, err = run_cli(["course", course, "--format", "json"], root)
    assert code in (0, 1), err
    found: dict[str, Any] = json.loads(out)
    return found


def _node(root: Path, data: dict[str, Any], reports: list[dict[str, Any]], tmp: Path) -> list[Any]:
    if NODE is None:
        pytest.skip("needs Node.js (npm ci installs the rest)")
    (tmp / "bundle.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp / "reports.json").write_text(json.dumps(reports), encoding="utf-8")
    done = subprocess.run(
        [
            NODE,
            "--experimental-default-type=module",
            "--input-type=module",
            "-e",
            HARNESS,
            str(tmp / "bundle.json"),
            str(tmp / "reports.json"),
            REOPEN_JS.as_uri(),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NODE_NO_WARNINGS": "1"},
    )
    assert done.returncode == 0, done.stderr
    answers: list[Any] = json.loads(done.stdout)
    return answers


def _variant(report: dict[str, Any], **edition: Any) -> dict[str, Any]:
    out = copy.deepcopy(report)
    out["edition"] = {k: v for k, v in {**out["edition"], **edition}.items() if v is not ...}
    return out


def _only(report: dict[str, Any], ids: set[str], set_id: str | None = None) -> dict[str, Any]:
    """The report with only the items `ids` in its conditions (and another set id, when given)."""
    out = copy.deepcopy(report)
    for rs in out["requirement_sets"]:
        rs["id"] = set_id or rs["id"]
        for c in rs["conditions"]:
            if "items" in c:
                c["items"] = [i for i in c["items"] if i["id"] in ids]
    return out


def _both(root: Path, hist: History, reports: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    checked = load_model(root)
    assert checked.model is not None
    data = bundle(checked.model, root, hist)
    python = [reopen(r, hist, standards_hash(root / "standards")) for r in reports]
    assert _node(root, data, reports, tmp) == python
    return python


def test_the_real_editions(tmp_path: Path) -> None:
    checked = load_model(ROOT)
    assert checked.model is not None and len(checked.editions) >= 2
    hist = history(checked.model, checked.editions)
    first = checked.editions[0]
    ksb = _report(ROOT, "courses/uk-coaching-professional-l5.yaml")
    hbo = _report(ROOT, "courses/hbo-jobcoach-duaal.yaml")
    reports = [
        _variant(ksb, id=first.id, standards="0" * 12),  # made with the first edition
        _variant(hbo, id=first.id, standards="0" * 12),
        ksb,  # made now
        _variant(ksb, id="2025-01-01", standards="0" * 12),  # an edition this site does not know
        _variant(ksb, id=..., after=..., url=..., standards=first.standards_hash),  # before ids: known by its hash
        _variant(ksb, id=..., after=..., url=..., standards="0" * 12),  # before ids, and no hash we know
        _variant(ksb, id=None, after=first.id, standards="0" * 12),  # made with changes after the first edition
    ]
    answers = _both(ROOT, hist, reports, tmp_path)
    assert [a["found"] for a in answers] == ["edition", "edition", "current", "unknown", "hash", "none", "after"]
    assert answers[2]["verdict"] == "unchanged" and answers[3]["verdict"] is answers[5]["verdict"] is None
    # ST0809:S6 was corrected after the first edition: the KSB report lists it, and its verdict stands
    assert {i["id"]: (i["kind"], i["effect"]) for i in answers[0]["items"]}["ST0809:S6"] == ("corrected", "none")
    assert answers[0]["verdict"] == "stands" and answers[0]["sets"] == []
    # the register's level condition no longer accepts an associate degree, and practice hours became a point to
    # review: the BVJN report's verdict may change
    assert answers[1]["sets"] == [
        {"id": "BVJN:register", "added": [], "conditions": ["BVJN:register:hbo", "BVJN:register:practice"]}
    ]
    assert answers[1]["verdict"] == "may-change"
    assert {i["kind"] for i in answers[1]["items"]} <= {"corrected", "reworded"}
    assert answers[4]["edition"] == first.id and answers[4]["items"] == answers[0]["items"]


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Plan, dict[str, Any]]]:
    """The project after a realistic next edition, frozen; and the reports of the example courses made with the
    edition before it (every KSB, every eindterm covered)."""
    before = {c: _report(ROOT, f"courses/{c}.yaml") for c in ("uk-coaching-professional-l5", "hbo-jobcoach-duaal")}
    root, plan = make(tmp_path_factory.mktemp("project"))
    assert run_cli(["edition", "freeze", DATE], root)[0] == 0
    yield root, plan, before


@pytest.mark.slow  # makes and freezes a realistic next edition
def test_a_realistic_next_edition(next_edition: tuple[Path, Plan, dict[str, Any]], tmp_path: Path) -> None:
    root, plan, before = next_edition
    checked = load_model(root)
    assert checked.model is not None
    hist = history(checked.model, checked.editions)
    ksb, hbo = (_variant(r, id=plan.old, standards="0" * 12) for r in before.values())
    reworded, changed = plan.ids("reword"), plan.ids("substantive")
    reports = [
        ksb,
        hbo,
        _only(ksb, reworded, "X:none"),
        _only(ksb, reworded | changed, "X:none"),
        _only(hbo, plan.ids("retire")),
    ]
    answers = _both(root, hist, reports, tmp_path)
    kinds = {i["id"]: i["kind"] for a in answers[:2] for i in a["items"]}
    covered = {i["id"] for a in answers[:2] for i in a["items"] if i["covered"]}
    every = plan.ids("reword", "substantive", "renumber", "split", "retire")
    assert {i for i in every if i.startswith(("ST0809:K", "ST0809:S", "ST0809:B"))} <= set(kinds)
    assert all(kinds[i] == "reworded" for i in reworded & set(kinds))
    assert all(kinds[i] == "changed" for i in changed & set(kinds))
    assert all(kinds[i] == "split" for i in plan.ids("split") & set(kinds))
    assert all(kinds[i] == "retired" for i in plan.ids("retire") & set(kinds))
    assert covered  # the examples covered these items
    effects = {i["id"]: i["effect"] for a in answers[:2] for i in a["items"]}
    assert {effects[i] for i in plan.ids("split", "retire") & set(effects)} == {"may-change"}
    assert {effects[i] for i in changed & set(effects)} == {"review"}
    assert {effects[i] for i in plan.ids("reword", "renumber") & set(effects)} == {"none"}
    # the two sets now ask for the items added in this edition, and no renumbered or split item counts as added
    added = {s["id"]: set(s["added"]) for a in answers[:2] for s in a["sets"]}
    assert added["ST0809:ksb-coverage"] == {i for i in plan.added if i.startswith("ST0809:")}
    assert [a["verdict"] for a in answers[:5]] == ["may-change", "may-change", "stands", "review", "may-change"]
    assert answers[4]["items"] and {i["kind"] for i in answers[4]["items"]} == {"retired"}


NOT_REPORTS: list[Any] = [
    [],
    "report",
    None,
    {"format": "coachref-workbook", "edition": {}, "requirement_sets": []},
    {"format": "coachref-course-report/2", "edition": [], "requirement_sets": []},
    {"format": "coachref-course-report/2", "edition": {"id": 7}, "requirement_sets": []},
    {"format": "coachref-course-report/2", "edition": {}, "requirement_sets": {}},
    {
        "format": "coachref-course-report/2",
        "edition": {},
        "requirement_sets": [{"id": "X", "conditions": [{"items": [{"id": "ST0809:K1", "covered": "yes"}]}]}],
    },
    {"format": "coachref-course-report/2", "edition": {}, "requirement_sets": [{"conditions": []}]},
]


def test_what_is_not_a_saved_report_is_refused_and_odd_keys_change_nothing(tmp_path: Path) -> None:
    checked = load_model(ROOT)
    assert checked.model is not None
    hist = history(checked.model, checked.editions)
    data = bundle(checked.model, ROOT, hist)
    assert _node(ROOT, data, NOT_REPORTS, tmp_path) == ["not a report"] * len(NOT_REPORTS)
    odd = {
        "format": "coachref-course-report/2",
        "edition": {"id": "__proto__"},
        "requirement_sets": [{"id": "constructor", "conditions": [{"items": [{"id": "__proto__", "covered": True}]}]}],
    }
    python = reopen(odd, hist, standards_hash(ROOT / "standards"))
    assert _node(ROOT, data, [odd], tmp_path) == [python] and python["found"] == "unknown"
    odd["edition"] = {"id": None, "after": "toString"}
    assert _node(ROOT, data, [odd], tmp_path) == [reopen(odd, hist, standards_hash(ROOT / "standards"))]


def test_one_table_says_what_a_change_means_for_a_report() -> None:
    """impact.REPORT_EFFECT is the one owner: the kinds a report is told about (TOLD) and the re-open's effects
    both come from it, for every kind of change."""
    from generator.editions.delta import KINDS, SUBSTANTIVE
    from generator.editions.impact import REPORT_EFFECT, TOLD

    assert set(REPORT_EFFECT) == set(KINDS)
    assert {k for k, e in REPORT_EFFECT.items() if e != "none"} == SUBSTANTIVE
    assert TOLD["report"] == SUBSTANTIVE | {"moved"}
