"""Content decisions of the domain review (issue 12): gaps have reasons, agreed terms are used, the mappings,
register rule and examples say what we decided."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

from generator.model.build import build
from generator.model.coverage import coverage
from generator.model.types import Model, RequirementSet, Text
from generator.validate import check

from .helpers import ROOT, SEEDS, real_pages


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
    missing = [
        (s.mapping_set.id, i.id)
        for s in coverage(model())
        for i in s.total.unmapped
        if i.id not in s.mapping_set.reason_for
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("term", "fw"),
    [
        ("points for attention", "BVJN"),  # aandachtspunten: "areas needing attention"
        ("lead times", "BVJN"),  # doorlooptijden: "time frames"
        ("themself", "ST0809"),
        # content review of 2026-12-05 (issue 21): false friends and calques in the BVJN English and the crosswalks
        ("bvjn level", "BVJN"),  # eindterm: "final attainment level"
        ("method statement", "BVJN"),  # methodiek: "methodical approach" (a UK method statement is a safety document)
        ("trajectory", "BVJN"),  # traject: "support pathway"
        ("own responsibility", "BVJN"),  # "take responsibility for themselves"
        ("contract meeting", "BVJN"),  # contractgesprek: "a meeting … to agree the contract"
        ("training-in", "BVJN"),  # inwerk-: "induction"
        ("an equal", "BVJN"),  # gelijkwaardige houding: "an attitude of equality"
    ],
)
def test_no_english_text_uses_a_rejected_term(term: str, fw: str) -> None:
    assert [where for where, text in _texts(fw) if term in text.en.lower()] == []


@pytest.mark.parametrize("term", ["leerling", "kandidaat"])
def test_st0809_dutch_says_apprentice(term: str) -> None:
    assert [where for where, text in _texts("ST0809") if term in text.nl.lower()] == []


def test_crosswalks_say_stakeholders_in_dutch() -> None:
    """One Dutch term for one concept (content review 8.5): "stakeholders", not "belanghebbenden"."""
    texts = [(r.source, r.target, r.rationale.nl) for s in model().mapping_sets for r in s.mappings]
    assert [(src, tgt) for src, tgt, nl in texts if "belanghebbende" in (nl or "").lower()] == []


def test_aandachtspunten_always_areas_needing_attention() -> None:
    """Every BVJN item whose Dutch says aandachtspunten says 'areas needing attention' in English."""
    m = model()
    odd = [
        i.id
        for i in m.items.values()
        if i.framework == "BVJN"
        and "aandachtspunten" in i.statement.nl
        and "areas needing attention" not in i.statement.en
    ]
    assert odd == []


def test_vision_is_compared_and_the_description_says_so() -> None:
    mset = next(s for s in model().mapping_sets if s.id == "ST0809--BVJN")
    assert "BVJN:visie" in mset.compared_target
    assert mset.description is not None
    assert "vision is in the compared scope" in mset.description.en
    assert "visie hoort bij de vergeleken onderdelen" in mset.description.nl


@pytest.mark.parametrize(
    ("source", "target", "relation"),
    [
        ("ST0809:S2", "BVJN:intake-assessment:e", "related"),  # content review 5.4: each covers part of the other
        ("ST0809:B4", "BVJN:methodiek:traject-3", "related"),
        ("ST0809:S8", "BVJN:coaching-on-the-job:i", "related"),
        ("CLCAS:cpd:supervision", "ST0809:B1", "related"),
    ],
)
def test_review_row_changes_hold(source: str, target: str, relation: str) -> None:
    rows = {(r.source, r.target): r.relation for s in model().mapping_sets for r in s.mappings}
    assert rows[(source, target)] == relation


def test_removed_row_stays_removed() -> None:
    rows = {(r.source, r.target) for s in model().mapping_sets for r in s.mappings}
    assert ("ST0809:S8", "BVJN:coaching-on-the-job:k") not in rows


@pytest.mark.parametrize(
    "item",
    [
        "BVJN:intake-assessment:i",
        "BVJN:jobfinding:q",
        "BVJN:coaching-on-the-job:n",  # record-keeping
        "BVJN:jobfinding:n",  # sharing aandachtspunten with the employer
    ],
)
def test_record_keeping_and_confidentiality_are_mapped(item: str) -> None:
    assert item in model().mappings_of


# --- the register rule (BVJN:register) ---------------------------------------------------------------------------


def _register() -> RequirementSet:
    return next(r for r in model().requirement_sets if r.id == "BVJN:register")


def test_register_rule_is_a_proposal_and_keeps_its_ids() -> None:
    rset = _register()
    assert "proposed" in rset.title.en and "Voorgestelde" in rset.title.nl
    assert "not a ruling" in rset.source.en and "geen besluit" in rset.source.nl
    assert [c.id for c in rset.conditions] == [
        "BVJN:register:eindtermen",
        "BVJN:register:methodiek",
        "BVJN:register:dual",
        "BVJN:register:practice",
        "BVJN:register:hbo",
    ]
    # what the foreword sets decides; what we infer from it (dual, practice hours) is a point to review (issue 19)
    assert [c.basis for c in rset.conditions] == ["condition", "condition", "inference", "inference", "condition"]


def test_register_hbo_condition_adds_no_exclusion() -> None:
    hbo = next(c for c in _register().conditions if c.id == "BVJN:register:hbo")
    assert "hbo-post" in hbo.rule["one_of"]
    assert "(Associate degree, bachelor" not in hbo.statement.en + hbo.statement.nl


def test_register_counts_the_whole_methodiek_not_the_vision_item_by_item() -> None:
    groups = [g for c in _register().conditions if c.rule["type"] == "covers-all" for g in c.rule["groups"]]
    assert "BVJN:methodiek" in groups and "BVJN:visie" not in groups
    assert "We do not check the vision item by item" in _register().source.en


def test_register_quotes_are_verbatim_from_the_foreword() -> None:
    seed = next((SEEDS).glob("004_*.txt"), None)
    if seed is None:
        pytest.skip("seed documents not available")
    source = " ".join(seed.read_text(encoding="utf-8").split())
    quotes = [c.quote for c in _register().conditions]
    assert all(q is not None and q.kind_nl == "official" and " ".join(q.nl.split()) in source for q in quotes)


# --- inferences and confidence -----------------------------------------------------------------------------------


def _pages() -> dict[str, str | bytes]:
    return real_pages()


def _page(name: str) -> str:
    page = _pages()[name]
    assert isinstance(page, str)
    return page


def test_confidence_corrections_of_the_review() -> None:
    items = model().items
    assert {items[f"ST0809:epa:{m}"].confidence for m in ("observation", "interview", "knowledge-test")} == {
        "confirmed"
    }
    assert {items[f"ST0809:duty:{n}"].confidence for n in range(1, 10)} == {"confirmed"}  # the publisher's record
    resits = [
        d
        for m in ("observation", "interview", "knowledge-test")
        for d in items[f"ST0809:epa:{m}"].details
        if d.label.en == "Resits"
    ]
    assert len(resits) == 3 and {d.confidence for d in resits} == {"single-source"}


@pytest.mark.parametrize(("lang", "words"), [("en", "our inference"), ("nl", "onze afleiding")])
def test_k5_page_labels_the_inferred_epa_link_where_it_is_stated(lang: str, words: str) -> None:
    page = _page(f"coaching-professional/knowledge/k5.{lang}.md")
    line = next(ln for ln in page.splitlines() if "EPA 3" in ln)
    assert f"_({words})_" in line


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_checklist_labels_statements_that_are_not_confirmed(lang: str) -> None:
    page = _page(f"coaching-professional/checklist.{lang}.md")
    k1 = next(ln for ln in page.splitlines() if ">K1<" in ln)
    s1 = next(ln for ln in page.splitlines() if ">S1<" in ln)
    k12 = next(ln for ln in page.splitlines() if ">K12<" in ln)  # single-source: the named models
    assert "cr-meta" not in k1 and "cr-meta" not in s1 and "cr-meta" in k12


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_item_page_shows_why_an_item_has_no_counterpart(lang: str) -> None:
    page = _page(f"jobcoach-eindtermen/jobfinding/j.{lang}.md")
    reason = next(
        s.mapping_set.reason_for["BVJN:jobfinding:j"]
        for s in coverage(model())
        if "BVJN:jobfinding:j" in s.mapping_set.reason_for
    )
    assert reason.get(lang)[:40] in page  # type: ignore[arg-type]


def test_csv_export_carries_confidence_and_links() -> None:
    from generator.render.exports.csv_export import FRAMEWORK_COLUMNS, framework_rows

    m = model()
    rows = [dict(zip(FRAMEWORK_COLUMNS, r, strict=True)) for r in framework_rows(m, m.framework["ST0809"], "en")]
    epa3 = next(r for r in rows if r["id"] == "ST0809:epa:knowledge-test")
    assert (epa3["confidence"], epa3["links_confidence"]) == ("confirmed", "inferred")
    assert "ST0809:K5" in epa3["links"].split()


# --- publisher facts -----------------------------------------------------------------------------------------------


def test_st0809_publisher_is_skills_england_since_2025_in_both_languages() -> None:
    fw = model().framework["ST0809"]
    for lang in ("en", "nl"):
        assert "Skills England" in fw.publisher.get(lang)  # type: ignore[arg-type]
        assert "Institute for Apprenticeships" in fw.publisher.get(lang)  # type: ignore[arg-type]
        attribution = fw.licence.attribution.get(lang)  # type: ignore[arg-type]
        assert all(words in attribution for words in ("Skills England", "2025", "Open Government Licence v3.0"))
        about = (ROOT / "docs" / f"about.{lang}.md").read_text(encoding="utf-8")
        row = next(ln for ln in about.splitlines() if "(ST0809)" in ln)
        assert "Skills England" in row and "Open Government Licence v3.0" in row


# --- the bilingual review of issue 12's change ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "relation"),
    [
        ("ST0809:S9", "BVJN:methodiek:traject-4", "related"),  # only the questioning half of 6.4 overlaps
        ("ST0809:K11", "BVJN:jobfinding:n", "related"),  # aandachtspunten to an employer = health data under the AVG
        ("ST0809:S3", "BVJN:intake-assessment:a", "related"),  # roles, boundaries, confidentiality at intake
        ("CLCAS:eligibility:1", "ST0809:K7", "related"),  # the Level 5 qualification's core, as with K6 and K12
        ("CLCAS:eligibility:1", "ST0809:S6", "related"),
        ("CLCAS:commitments:1-1", "ST0809:K7", "related"),
        ("CLCAS:commitments:1-1", "ST0809:S6", "related"),
    ],
)
def test_second_review_rows_hold(source: str, target: str, relation: str) -> None:
    rows = {(r.source, r.target): r.relation for s in model().mapping_sets for r in s.mappings}
    assert rows[(source, target)] == relation


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("ST0809:S1", "BVJN:intake-assessment:i"),  # time for records is not record-keeping
        ("ST0809:S1", "BVJN:jobfinding:q"),
        ("ST0809:S1", "BVJN:coaching-on-the-job:n"),
        ("CLCAS:commitments:1-7", "ST0809:K9"),  # joining a community is not knowing how to evaluate
    ],
)
def test_second_review_removed_rows_stay_removed(source: str, target: str) -> None:
    rows = {(r.source, r.target) for s in model().mapping_sets for r in s.mappings}
    assert (source, target) not in rows


def test_level5_qualification_rows_and_unmapped_reason_agree() -> None:
    """The KSBs the qualification is mapped to are exactly those the unmapped reason names, for both items."""
    mset = next(s for s in model().mapping_sets if s.id == "CLCAS--ST0809")
    for item in ("CLCAS:eligibility:1", "CLCAS:commitments:1-1"):
        assert {r.target for r in mset.mappings if r.source == item} == {
            "ST0809:K4",
            "ST0809:K6",
            "ST0809:K7",
            "ST0809:K10",
            "ST0809:K12",
            "ST0809:S6",
        }
    reason = mset.reason_for["ST0809:K1"]
    assert "(K4, K6, K7, K10, K12, S6)" in reason.en and "(K4, K6, K7, K10, K12, S6)" in reason.nl


def test_no_personal_network_in_mapping_rationales() -> None:
    """ST0809 does not involve the coachee's personal network (the reason for intake g and job finding b), so no
    rationale may claim S5 covers it."""
    rows = [r for s in model().mapping_sets for r in s.mappings if r.source == "ST0809:S5"]
    assert not any("people in the client's network" in r.rationale.en for r in rows)


def test_register_methodiek_leaves_out_the_lead_in_and_says_so() -> None:
    cond = next(c for c in _register().conditions if c.id == "BVJN:register:methodiek")
    assert cond.rule["except"] == ["BVJN:methodiek:6"]
    methodiek = model().groups["BVJN:methodiek"]
    assert len(methodiek.items) - len(cond.rule["except"]) == 15
    assert "15" in cond.statement.en and "lead-in" in cond.statement.en
    assert "15" in cond.statement.nl and "inleidende zin" in cond.statement.nl


def test_register_dual_and_hbo_are_labelled_as_ours() -> None:
    conds = {c.id: c for c in _register().conditions}
    assert "our inference" in conds["BVJN:register:dual"].statement.en
    assert "onze gevolgtrekking" in conds["BVJN:register:dual"].statement.nl
    hbo = conds["BVJN:register:hbo"].statement
    assert "vision item 8" in hbo.en and "our proxy" in hbo.en and "visie 8" in hbo.nl


@pytest.mark.parametrize(
    "wrong",
    [
        "what moves them",
        "motivates",
        "in motion",  # "in beweging brengen" is "drives" throughout
        "comes first",
        "checking conversation",
        "carving out new positions",
        "adequately",  # meaning, false friends
    ],
)
def test_review_wording_is_gone_from_bvjn_english(wrong: str) -> None:
    assert [where for where, text in _texts("BVJN") if wrong in (text.en or "")] == []


def test_apprenticeship_facts_say_what_changed_and_when() -> None:
    facts = {f.id: f for f in model().framework["ST0809"].facts}
    maths = facts["english-maths"]
    assert "11 February 2025" in maths.value.en and "11 februari 2025" in maths.value.nl
    duration = facts["minimum-duration"]
    assert duration.confidence != "confirmed"
    assert "8 months" in duration.value.en and "not read the funding rules" in duration.value.en
    hours = facts["off-the-job"]  # the publisher's record gives the hours: confirmed, and in the status panel
    assert hours.confidence == "confirmed" and hours.panel and hours.value.en.startswith("326 hours")
    assert (
        facts["funding-transition"].confidence == "single-source"
        and "17 December 2026" in facts["funding-transition"].value.en
        and "Reported" in facts["funding-transition"].value.en
    )


# --- the content review of 2026-12-05 (issue 21) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "relation"),
    [
        ("CLCAS:eligibility:5", "ST0809:B1", "related"),  # 5.1: B1 does not cover attending set sessions
        ("CLCAS:commitments:1-6", "ST0809:B1", "related"),  # 5.2: nor who pays the expenses
        ("ST0809:S2", "BVJN:coaching-on-the-job:d", "related"),  # 5.3: a partial overlap both ways
        ("ST0809:S4", "BVJN:methodiek:traject-10", "related"),  # 5.5-5.15: the missing pairs
        ("ST0809:K11", "BVJN:coaching-on-the-job:m", "related"),
        ("ST0809:S4", "BVJN:methodiek:traject-9", "related"),
        ("ST0809:K11", "BVJN:methodiek:traject-9", "related"),
        ("ST0809:K4", "BVJN:coaching-on-the-job:j", "related"),
        ("ST0809:S6", "BVJN:visie:4", "related"),
        ("ST0809:K6", "BVJN:visie:5", "related"),
        ("ST0809:S13", "BVJN:visie:3", "related"),
        ("CLCAS:eligibility:1", "ST0809:K10", "related"),
        ("CLCAS:commitments:1-1", "ST0809:K10", "related"),
        ("CLCAS:eligibility:1", "ST0809:K4", "related"),
        ("CLCAS:commitments:1-1", "ST0809:K4", "related"),
        ("CLCAS:cpd:content", "ST0809:K6", "related"),
    ],
)
def test_content_review_rows_hold(source: str, target: str, relation: str) -> None:
    rows = {(r.source, r.target): r.relation for s in model().mapping_sets for r in s.mappings}
    assert rows[(source, target)] == relation


def test_st0809_bvjn_description_names_only_k10_as_without_counterpart() -> None:
    mset = next(s for s in model().mapping_sets if s.id == "ST0809--BVJN")
    assert mset.description is not None
    assert "emotional" not in mset.description.en and "emotionele" not in mset.description.nl
    assert "(K10)" in mset.description.en and "(K10)" in mset.description.nl
    assert "ST0809:K2" in model().mappings_of  # the statement was stale because K2 is mapped


def test_register_hbo_condition_reads_hbo_as_bachelor_level_and_says_what_is_not_checked() -> None:
    conds = {c.id: c for c in _register().conditions}
    assert "hbo-associate" not in conds["BVJN:register:hbo"].rule["one_of"]
    assert "NLQF 6" in conds["BVJN:register:hbo"].statement.en and "NLQF 6" in conds["BVJN:register:hbo"].statement.nl
    assert "supervised practice" in conds["BVJN:register:practice"].statement.en
    assert "names no number of hours and no share" in conds["BVJN:register:practice"].statement.en
    assert "assesses" in conds["BVJN:register:eindtermen"].statement.en
    source = _register().source
    assert "successfully completes" in source.en and "positief afsluit" in source.nl


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_about_page_gives_each_frameworks_status_with_its_checked_on_date(lang: str) -> None:
    """The sources table of the about page links each framework's status panel with the date the data says it was
    checked, so the hand-written page cannot fall behind a new check unnoticed."""
    about = (ROOT / "docs" / f"about.{lang}.md").read_text(encoding="utf-8")
    for fw in model().frameworks:
        row = next(
            line
            for line in about.splitlines()
            if line.startswith("| [") and f"(generated/{fw.folder}/index.md)" in line
        )
        assert f"(generated/{fw.folder}/index.md#status) ({fw.checked_on})" in row, fw.id


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_framework_page_opens_with_its_status_panel_and_every_other_page_carries_its_status_line(
    lang: str,
) -> None:
    """Each framework's page has a status panel (anchor #status) with the date we last checked the framework and
    every fact marked for the panel, each with its confidence; every other page of the framework (groups, items,
    checklist, matrices, side by side, workbook) carries the status in one line with that date and a link to the
    panel, so a printed or cited page says whether the standard is current."""
    from generator.model.urls import url_of
    from generator.render import markup as mk
    from generator.render.strings import t

    pages = _pages()
    retired = {r.id.split(":", 1)[1].split(":")[-1] for r, _ in model().retired.values()}
    for fw in model().frameworks:
        assert fw.checked_on and fw.status_note is not None, fw.id  # all three frameworks were checked
        index = _page(f"{fw.folder}/index.{lang}.md")
        panel = index[index.index(f"## {t('status-panel', lang)} {{#status}}") : index.index("| ")]
        assert f'!!! info "{mk.text(t("status-checked-on", lang, date=fw.checked_on))}"' in panel, fw.id
        facts = [f for f in fw.facts if f.panel]
        assert facts, fw.id
        for fact in facts:
            sure = mk.text(t(f"confidence.{fact.confidence}", lang))
            assert f"    **{mk.text(fact.label.get(lang))}** ({sure})" in panel, (fw.id, fact.id)
        line = f"{mk.text(fw.status_note.get(lang))} {mk.text(t('status-checked-short', lang, date=fw.checked_on))}"
        others = [
            name
            for name in pages
            if name.startswith(f"{fw.folder}/")
            and name.endswith(f".{lang}.md")
            and name != f"{fw.folder}/index.{lang}.md"
            and url_of(name).rstrip("/").split("/")[-1] not in retired
        ]
        assert len(others) > 3, fw.id
        for name in others:
            page = _page(name)
            assert line in page and "{: .cr-status-line }" in page, name
            assert "index.md#status)" in page.split("{: .cr-status-line }")[0].splitlines()[-1], name


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_duty_matrix_shows_the_records_links_and_no_unknown_or_inferred_mark(lang: str) -> None:
    """All nine duties' links are the publisher's, so the duty × KSB matrix names only the mark it uses; the EPA
    matrix, where two methods' links are not yet known and one is inferred, names those two."""
    from generator.render import markup as mk
    from generator.render.strings import t

    duties = _page(f"coaching-professional/duties-matrix.{lang}.md")
    assert t("link-unknown", lang) not in duties and t("link-inferred", lang) not in duties
    assert t("link-matrix-unknown", lang) not in duties and t("not-yet-known", lang) not in duties
    assert 'class="cr-u"' not in duties and 'class="cr-i"' not in duties
    links = sum(len(d.ksbs) for d in model().groups["ST0809:duties"].items)
    assert duties.count('class="cr-y"') == links == 131  # the record's table: 10 + 19 + 25 + 17 + 15 + 9 + 22 + 10 + 4
    epa = _page(f"coaching-professional/epa-matrix.{lang}.md")
    assert all(mk.text(t(key, lang)) in epa for key in ("link-inferred", "link-unknown", "link-matrix-unknown"))
    assert f'<span class="cr-mark">●</span> {mk.text(t("link-yes", lang))}' not in epa  # none confirmed yet


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_ksb_matrices_name_their_rows_and_columns_and_unknown_cells_carry_words(lang: str) -> None:
    """ux.md findings 6 and 10: rows were bare codes, columns "EPA 1" without the method's name, and an unknown
    cell was empty (its "?" CSS content). Now each row gives its KSB's first sentence, each column its name, and an
    unknown cell "?" (hidden from screen readers) with the words "not yet known" and its column's name."""
    from generator.render import markup as mk
    from generator.render.site.ksb_matrix import _first_sentence
    from generator.render.strings import t

    m = model()
    for page, group in (("epa-matrix", "ST0809:epa"), ("duties-matrix", "ST0809:duties")):
        html = _page(f"coaching-professional/{page}.{lang}.md")
        for column in m.groups[group].items:
            assert f'<span class="cr-col-title">{mk.html_text(column.title.get(lang))}</span>' in html, column.id
        ksbs = [i for g in ("ST0809:knowledge", "ST0809:skills", "ST0809:behaviours") for i in m.groups[g].items]
        for ksb in ksbs:
            first = _first_sentence(ksb.statement.get(lang))
            assert f'<span class="cr-row-text">{mk.html_text(first)}</span>' in html, (page, ksb.id)
            assert len(first) < len(ksb.statement.get(lang)) or "." not in ksb.statement.get(lang)[:-1]
    epa = _page(f"coaching-professional/epa-matrix.{lang}.md")
    unknown = [c for c in m.groups["ST0809:epa"].items if c.links_confidence == "missing"]
    cell = (
        f'<td class="cr-u" data-label="{{label}}"><span aria-hidden="true">?</span>'
        f'<span class="cr-sr">{t("not-yet-known", lang)}</span></td>'
    )
    assert unknown and all(epa.count(cell.format(label=c.label_in(lang))) > 0 for c in unknown)
    assert '<td class="cr-u"></td>' not in epa
