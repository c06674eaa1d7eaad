"""Content decisions of the domain review (issue 12): gaps have reasons, agreed terms are used, the mappings,
register rule and examples say what we decided."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

from generator import check
from generator.coverage import coverage
from generator.model import Model, Text
from generator.model_build import build

from .helpers import ROOT


@cache
def model() -> Model:
    result = check.run(ROOT)
    assert not result.failed(strict=True), [p.as_line() for p in result.problems]
    return build(result.loaded)


def _texts(fw: str) -> Iterator[tuple[str, Text]]:
    """Every text of a framework's items (statement, title, subpoints, note, details) and of mappings touching it."""
    m = model()
    for item in m.items.values():
        if item.framework != fw:
            continue
        yield item.id, item.statement
        yield from ((item.id, x) for x in (item.title, item.note) if x is not None)
        yield from ((item.id, s) for s in item.subpoints)
        yield from ((item.id, d.value) for d in item.details)
    for mset in m.mapping_sets:
        if fw in (mset.source, mset.target):
            yield from ((f"{r.source}->{r.target}", r.rationale) for r in mset.mappings)
            yield from ((f"unmapped {g.item}", g.reason) for g in mset.unmapped)


def test_every_unmapped_compared_item_has_a_reason() -> None:
    missing = [(s.mapping_set.id, i.id) for s in coverage(model()) for i in s.total.unmapped
               if i.id not in s.mapping_set.reason_for]
    assert missing == []


@pytest.mark.parametrize(("term", "fw"), [
    ("points for attention", "BVJN"),  # aandachtspunten: "areas needing attention"
    ("lead times", "BVJN"),            # doorlooptijden: "time frames"
    ("themself", "ST0809"),
])
def test_no_english_text_uses_a_rejected_term(term: str, fw: str) -> None:
    assert [where for where, text in _texts(fw) if term in text.en.lower()] == []


@pytest.mark.parametrize("term", ["leerling", "kandidaat"])
def test_st0809_dutch_says_apprentice(term: str) -> None:
    assert [where for where, text in _texts("ST0809") if term in text.nl.lower()] == []


def test_aandachtspunten_always_areas_needing_attention() -> None:
    """Every BVJN item whose Dutch says aandachtspunten says 'areas needing attention' in English."""
    m = model()
    odd = [i.id for i in m.items.values() if i.framework == "BVJN"
           and "aandachtspunten" in i.statement.nl and "areas needing attention" not in i.statement.en]
    assert odd == []


def test_vision_is_compared_and_the_description_says_so() -> None:
    mset = next(s for s in model().mapping_sets if s.id == "ST0809--BVJN")
    assert "BVJN:visie" in mset.compared_target
    assert mset.description is not None
    assert "vision is in the compared scope" in mset.description.en
    assert "visie hoort bij de vergeleken onderdelen" in mset.description.nl


@pytest.mark.parametrize(("source", "target", "relation"), [
    ("ST0809:S2", "BVJN:intake-assessment:e", "narrow"),
    ("ST0809:B4", "BVJN:methodiek:traject-3", "related"),
    ("ST0809:S8", "BVJN:coaching-on-the-job:i", "related"),
    ("CLCAS:cpd:supervision", "ST0809:B1", "related"),
])
def test_review_row_changes_hold(source: str, target: str, relation: str) -> None:
    rows = {(r.source, r.target): r.relation for s in model().mapping_sets for r in s.mappings}
    assert rows[(source, target)] == relation


def test_removed_row_stays_removed() -> None:
    rows = {(r.source, r.target) for s in model().mapping_sets for r in s.mappings}
    assert ("ST0809:S8", "BVJN:coaching-on-the-job:k") not in rows


@pytest.mark.parametrize("item", [
    "BVJN:intake-assessment:i", "BVJN:jobfinding:q", "BVJN:coaching-on-the-job:n",  # record-keeping
    "BVJN:jobfinding:n",  # sharing aandachtspunten with the employer
])
def test_record_keeping_and_confidentiality_are_mapped(item: str) -> None:
    assert item in model().mappings_of
