"""The real standards/: they pass the strict check, the promised counts hold, verbatim texts match the seeds."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from generator.model.build import build
from generator.model.types import Model
from generator.validate import check

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


@pytest.mark.parametrize(
    ("group", "expected"),
    [
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
    ],
)
def test_group_holds_exactly_the_promised_items(group: str, expected: list[str]) -> None:
    assert _group_ids(group) == expected


#: The publisher's record of ST0809 (../shared/reference/st0809-record.md, 2026-09-09): each duty's GUID and KSBs.
RECORD_DUTIES = {
    1: ("57f8e442-22d7-4555-8d6a-d1007c6b7495", "K3 K4 K6 K9 K12 S3 S4 S5 S13 B3"),
    2: ("84172701-041a-4c81-aab4-cc5113f40278", "K3 K4 K5 K6 K7 K8 K10 K11 K12 S1 S2 S3 S4 S5 S6 S10 S12 S13 B2"),
    3: (
        "d644e91c-95b6-468d-b5e9-2bbd863a673e",
        "K1 K2 K3 K4 K5 K6 K7 K8 K10 K11 K12 S1 S2 S3 S4 S6 S7 S8 S9 S10 S12 S13 S14 B2 B4",
    ),
    4: ("0080e831-7cf5-4080-bdc4-cd47fed82de4", "K1 K2 K3 K5 K6 K8 K12 S3 S4 S8 S9 S10 S11 S13 S15 B1 B4"),
    5: ("b37aa6bc-697b-4b5a-b421-ca6ac4e89377", "K1 K2 K3 K4 K5 K6 K10 K11 K12 S3 S4 S5 S6 B2 B4"),
    6: ("2b252003-5be9-435d-8d51-31c818a7f3bc", "K4 K5 K6 K9 K12 S2 S4 S5 S9"),
    7: (
        "f7c5fd1c-cfde-4731-8609-de125d275063",
        "K1 K2 K3 K4 K5 K6 K7 K8 K12 S1 S3 S4 S5 S6 S8 S9 S10 S12 S13 S14 B2 B4",
    ),
    8: ("b81006b4-8f9b-4809-856d-d703162d77b8", "K1 K6 K9 K11 S7 S8 S11 S15 B2 B3"),
    9: ("3111f70a-f199-4d58-adde-d248d49d37ec", "K1 S11 B2 B3"),
}
#: The standard's page at its publisher, as the record gives it.
ST0809_PAGE = "https://skillsengland.education.gov.uk/apprenticeships/st0809-v1-0"
#: The record's GUID of every KSB, in the record's order (K, S, B numbered as st0809-facts.md numbers them).
RECORD_KSB_GUIDS = {
    "K1": "d5338a56-128c-47e2-9fb0-771bec277262",
    "K2": "1423f1f8-1cd5-45b6-981d-6aecc32d946c",
    "K3": "ee9bb137-1e4f-4326-b188-a18a20695e77",
    "K4": "13284752-8cb5-468c-9656-affe17f58aa6",
    "K5": "5f0fce4f-dbe5-4c76-a0a0-2232c0f8bcc7",
    "K6": "2d3995e9-e572-483b-bb5f-64582a1cf493",
    "K7": "7105979b-1ac2-4e54-8db3-a1db99993405",
    "K8": "b63d1e5f-4847-4ba3-9224-ed3784df6047",
    "K9": "8a070f92-d6e0-47ed-9af2-1ea753c93e20",
    "K10": "6a2ead73-6941-4e4a-9650-6838bd13ce6b",
    "K11": "daee689e-5c92-470c-a8e9-1ad890ae3202",
    "K12": "7b0e84c9-5222-40b0-95aa-eab1b3e67ed6",
    "S1": "85f4b058-7f56-48a7-b1d2-c3393ce42d8c",
    "S2": "e39fe871-c189-4807-b79c-e1a470827d3c",
    "S3": "5cbdd026-a074-4e8d-a8f4-d81d739cbec4",
    "S4": "ffbe9218-0d1b-497c-ae09-a688bc2f7cda",
    "S5": "f7a68c27-b53d-4f41-a17b-a524a510d2ad",
    "S6": "405a267e-cfaa-4619-96a4-8788f40dbd92",
    "S7": "32d20037-3f94-45b1-a4ff-2ee6f95749e9",
    "S8": "d7f7caff-bd06-4f1b-918e-a1aa50053b59",
    "S9": "c339c77f-9560-4b2e-81f2-de85af1937a7",
    "S10": "ebc048b3-1893-41cf-9450-0fd0d714109d",
    "S11": "a100942a-e80f-4276-9eb0-0a48fd1fabb2",
    "S12": "23b0c408-c706-4b4d-88a7-382d2764a6b3",
    "S13": "7bf08855-f847-4f38-8383-07f8855f5134",
    "S14": "daff5361-ffbc-4fa6-8524-1b2a30e6604d",
    "S15": "3783bbfa-4f58-4760-b34b-8caed707d606",
    "B1": "3f050d44-a20d-497e-8a74-4aba6f0311fa",
    "B2": "e61d74a9-8248-490d-80f8-ac1ef443ad4d",
    "B3": "46b99312-84c9-4ad9-b6b0-2e8b5966c97d",
    "B4": "baa782c4-76c4-4232-bf14-fc8b445fabcf",
}


def test_the_nine_duties_have_the_records_guids_and_ksb_links() -> None:
    duties = model().groups["ST0809:duties"].items
    assert [d.id for d in duties] == [f"ST0809:duty:{n}" for n in RECORD_DUTIES]
    for duty, (guid, ksbs) in zip(duties, RECORD_DUTIES.values(), strict=True):
        assert duty.guid == guid and duty.status == "available" and duty.links_confidence == "confirmed"
        assert list(duty.ksbs) == [f"ST0809:{k}" for k in ksbs.split()], duty.id
        assert duty.confidence == "confirmed" and duty.official_url == ST0809_PAGE, duty.id
        assert duty.title is not None and duty.statement.en and duty.statement.nl, duty.id
        for text in (duty.title, duty.statement):  # our theme and summary, never the record's wording
            assert (text.kind_en, text.kind_nl) == ("summary", "summary"), duty.id


def test_every_ksb_has_the_records_guid_and_is_linked_to_a_duty() -> None:
    m = model()
    ksbs = [i for g in m.framework["ST0809"].groups if g.role == "ksb" for i in g.items]
    assert {k.label: k.guid for k in ksbs} == RECORD_KSB_GUIDS  # every KSB, each with the record's GUID
    assert [k.label for k in ksbs] == list(RECORD_KSB_GUIDS)  # in the record's order
    assert all(m.linked_from.get(("ksbs", k.id)) for k in ksbs)
    assert {k.official_url for k in ksbs} == {ST0809_PAGE}


def test_s6_acknowledges_and_never_affirms() -> None:
    s6 = model().items["ST0809:S6"].statement
    assert "affirm" not in s6.en and "acknowledges" in s6.en
    assert "bevestigt" not in s6.nl and "erkent" in s6.nl


def test_knowledge_test_links_are_the_inferred_set_and_say_so() -> None:
    test = model().items["ST0809:epa:knowledge-test"]
    assert set(test.assesses) == {f"ST0809:K{n}" for n in (1, 2, 3, 5, 6, 7, 8, 10, 11)}
    assert test.links_confidence == "inferred"


def test_ksb_confidence_follows_the_publishers_record() -> None:
    """The record confirms every KSB's topics, item by item, so the skills and behaviours that one transcription
    gave are confirmed now; K11 and K12 keep their marks, for the laws and named models beyond their topics."""
    items = model().items
    assert {items[f"ST0809:K{n}"].confidence for n in range(1, 11)} == {"confirmed"}
    assert items["ST0809:K11"].confidence == "partly-confirmed"
    assert items["ST0809:K12"].confidence == "single-source"
    assert {items[f"ST0809:S{n}"].confidence for n in range(1, 16)} == {"confirmed"}
    assert {items[f"ST0809:B{n}"].confidence for n in range(1, 5)} == {"confirmed"}


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
        "BVJN:intake-assessment",
        "BVJN:jobfinding",
        "BVJN:coaching-on-the-job",
    }


def test_no_personal_contact_details_in_the_data() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "standards").rglob("*.yaml")))
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "an e-mail address is in standards/"
    for name in ("John Hunter", "Joost de Boer", "Hunter", "de Boer"):
        assert name not in text


# --- verbatim texts against the seeds -------------------------------------------------------------

requires_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/seeds is absent: seed texts cannot be compared"
)


def _seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def _seed_section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


@requires_seeds
@pytest.mark.parametrize(
    ("group", "start", "end"),
    [
        ("BVJN:intake-assessment", "Intake en assessment*\n", "\nJobfinding\n"),
        ("BVJN:jobfinding", "\nJobfinding\n", "\nCoaching on the job\n"),
        ("BVJN:coaching-on-the-job", "\nCoaching on the job\n", "\nDefinitielijst\n"),
    ],
)
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
    official = [
        (i.id, t.nl)
        for f in model().frameworks
        if f.id == "BVJN"
        for g in f.groups
        for i in g.items
        for t in (i.statement, *i.subpoints, *(x for x in (i.title,) if x))
        if t.kind_nl == "official"
    ]
    assert len(official) >= 80  # guards against a filter that matches nothing
    missing = [ident for ident, text in official if text not in seed]
    assert missing == []


@requires_seeds
@pytest.mark.parametrize(("framework", "seed"), [("ST0809", "000"), ("CLCAS", "001")])
def test_every_official_english_statement_occurs_in_its_seed(framework: str, seed: str) -> None:
    text = _norm(_seed(seed).replace("\n- ", " "))
    items = [
        i
        for f in model().frameworks
        if f.id == framework
        for g in f.groups
        for i in g.items
        if i.statement.kind_en == "official"
    ]
    assert items
    # A statement may join sentences that stand apart in the seed, or mark an omission with "[…]" (its note
    # says which and why): compare sentence by sentence, fragment by fragment.
    missing = [
        i.id
        for i in items
        for sentence in re.split(r"(?<=[.;])\s+", i.statement.en)
        for fragment in sentence.split(" […]")
        if _norm(fragment) not in text
    ]
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
