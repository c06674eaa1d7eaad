"""The real standards/: they pass the strict check, the promised counts hold, verbatim texts match the seeds."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from generator import check
from generator.model import Model
from generator.model_build import build

from .helpers import ROOT, SEEDS, run_cli


@cache
def model() -> Model:
    result = check.run(ROOT)
    assert not result.failed(strict=True), [p.as_line() for p in result.problems]
    return build(result.loaded)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _group_ids(group_id: str) -> list[str]:
    return [i.id for i in model().groups[group_id].items]


def test_real_standards_pass_strict_check() -> None:
    code, out, _ = run_cli(["check", "--strict"], ROOT)
    assert code == 0, out
    assert out.startswith("no problems in ")


@pytest.mark.parametrize(("group", "expected"), [
    ("ST0809:knowledge", [f"ST0809:K{n}" for n in range(1, 13)]),
    ("ST0809:skills", [f"ST0809:S{n}" for n in range(1, 16)]),
    ("ST0809:behaviours", [f"ST0809:B{n}" for n in range(1, 5)]),
    ("ST0809:duties", [f"ST0809:duty:{n}" for n in range(1, 10)]),
    ("ST0809:epa", ["ST0809:epa:observation", "ST0809:epa:interview", "ST0809:epa:knowledge-test"]),
    ("BVJN:intake-assessment", [f"BVJN:intake-assessment:{c}" for c in "abcdefghi"]),
    ("BVJN:jobfinding", [f"BVJN:jobfinding:{c}" for c in "abcdefghijklmnopq"]),
    ("BVJN:coaching-on-the-job", [f"BVJN:coaching-on-the-job:{c}" for c in "abcdefghijklmn"]),
    ("BVJN:definitions", [f"BVJN:definitions:{t}" for t in ("assessment", "leerstijl", "kern", "doelgroep")]),
    ("CLCAS:eligibility", [f"CLCAS:eligibility:{n}" for n in range(1, 8)]),
    ("CLCAS:commitments", [f"CLCAS:commitments:1-{n}" for n in range(1, 12)]),
])
def test_group_holds_exactly_the_promised_items(group: str, expected: list[str]) -> None:
    assert _group_ids(group) == expected


def test_duty_1_is_known_and_duties_2_to_9_are_marked_not_yet_available() -> None:
    duties = model().groups["ST0809:duties"].items
    assert duties[0].status == "available"
    duty_1 = ["K3", "K4", "K6", "K9", "K12", "S3", "S4", "S5", "S13", "B3"]
    assert set(duties[0].ksbs) == {f"ST0809:{k}" for k in duty_1}
    assert [d.status for d in duties[1:]] == ["not-yet-available"] * 8
    assert all(not d.ksbs for d in duties[1:])


def test_knowledge_test_links_are_the_inferred_set_and_say_so() -> None:
    test = model().items["ST0809:epa:knowledge-test"]
    assert set(test.assesses) == {f"ST0809:K{n}" for n in (1, 2, 3, 5, 6, 7, 8, 10, 11)}
    assert test.links_confidence == "inferred"


def test_ksb_confidence_follows_the_facts_file() -> None:
    items = model().items
    assert {items[f"ST0809:K{n}"].confidence for n in range(1, 11)} == {"confirmed"}
    assert items["ST0809:K11"].confidence == "partly-confirmed"
    assert items["ST0809:K12"].confidence == "single-source"
    assert {items[f"ST0809:S{n}"].confidence for n in range(1, 16)} == {"single-source"}


def test_ksb_statements_are_our_summaries_in_both_languages() -> None:
    for group in ("ST0809:knowledge", "ST0809:skills", "ST0809:behaviours"):
        for item in model().groups[group].items:
            assert (item.statement.kind_en, item.statement.kind_nl) == ("summary", "summary"), item.id


def test_methodiek_has_ten_traject_items_under_their_lead_in() -> None:
    traject = [i for i in model().groups["BVJN:methodiek"].items if i.id.startswith("BVJN:methodiek:traject-")]
    assert [i.id for i in traject] == [f"BVJN:methodiek:traject-{n}" for n in range(1, 11)]
    assert {i.parent for i in traject} == {"BVJN:methodiek:6"}


def test_jobfinding_f_has_its_two_sub_points() -> None:
    assert len(model().items["BVJN:jobfinding:f"].subpoints) == 2


def test_register_conditions_are_data() -> None:
    (register,) = [r for r in model().requirement_sets if r.id == "BVJN:register"]
    rules = {c.id: c.rule for c in register.conditions}
    assert rules["BVJN:register:dual"] == {"type": "field-equals", "field": "mode.dual", "equals": True}
    assert rules["BVJN:register:hbo"]["type"] == "field-in"
    assert set(rules["BVJN:register:eindtermen"]["groups"]) == {
        "BVJN:intake-assessment", "BVJN:jobfinding", "BVJN:coaching-on-the-job"}


def test_no_personal_contact_details_in_the_data() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "standards").rglob("*.yaml")))
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "an e-mail address is in standards/"
    for name in ("John Hunter", "Joost de Boer", "Hunter", "de Boer"):
        assert name not in text


# --- verbatim texts against the seeds -------------------------------------------------------------

requires_seeds = pytest.mark.skipif(not SEEDS.is_dir(),
                                    reason="../shared/seeds is absent: seed texts cannot be compared")


def _seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def _seed_section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


@requires_seeds
@pytest.mark.parametrize(("group", "start", "end"), [
    ("BVJN:intake-assessment", "Intake en assessment*\n", "\nJobfinding\n"),
    ("BVJN:jobfinding", "\nJobfinding\n", "\nCoaching on the job\n"),
    ("BVJN:coaching-on-the-job", "\nCoaching on the job\n", "\nDefinitielijst\n"),
])
def test_every_dutch_eindterm_equals_the_seed_text(group: str, start: str, end: str) -> None:
    section = _seed_section(_seed("004"), start, end)
    lettered = dict(re.findall(r"^- ([a-q])\) (.*)$", section, re.MULTILINE))
    items = model().groups[group].items
    assert [i.label for i in items] == list(lettered)
    for item in items:
        assert item.statement.kind_nl == "official"
        assert item.statement.nl == _norm(lettered[item.label]), item.id


@requires_seeds
def test_jobfinding_f_sub_points_equal_the_seed() -> None:
    section = _seed_section(_seed("004"), "\nJobfinding\n", "\nCoaching on the job\n")
    seed_points = [_norm(p) for p in re.findall(r"^ - o (.*)$", section, re.MULTILINE)]
    assert [s.nl for s in model().items["BVJN:jobfinding:f"].subpoints] == seed_points


@requires_seeds
def test_every_official_dutch_text_occurs_in_the_bvjn_seed() -> None:
    seed = _norm(_seed("004"))
    official = [(i.id, t.nl) for f in model().frameworks if f.id == "BVJN" for g in f.groups for i in g.items
                for t in (i.statement, *i.subpoints, *(x for x in (i.title,) if x)) if t.kind_nl == "official"]
    assert len(official) >= 80  # guards against a filter that matches nothing
    missing = [ident for ident, text in official if text not in seed]
    assert missing == []


@requires_seeds
@pytest.mark.parametrize(("framework", "seed"), [("ST0809", "000"), ("CLCAS", "001")])
def test_every_official_english_statement_occurs_in_its_seed(framework: str, seed: str) -> None:
    text = _norm(_seed(seed).replace("\n- ", " "))
    items = [i for f in model().frameworks if f.id == framework for g in f.groups for i in g.items
             if i.statement.kind_en == "official"]
    assert items
    # A statement may join sentences that stand apart in the seed, or mark an omission with "[…]" (its note
    # says which and why): compare sentence by sentence, fragment by fragment.
    missing = [i.id for i in items
               for sentence in re.split(r"(?<=[.;])\s+", i.statement.en)
               for fragment in sentence.split(" […]") if _norm(fragment) not in text]
    assert missing == []


@pytest.mark.parametrize("enabled", [True, False])
def test_check_leaves_the_cycle_collector_as_it_found_it(enabled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check pauses the cyclic GC for speed (check.without_cycle_collector) and must restore its state."""
    import gc

    seen: list[bool] = []
    original = check._run

    def spy(root: Path, include_courses: bool) -> check.Result:
        seen.append(gc.isenabled())
        return original(root, include_courses)

    monkeypatch.setattr(check, "_run", spy)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        check.run(ROOT)
        assert seen == [False]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
