"""The workbook in a real Chromium: state survives a reload; export, clear and import give the same state; hostile
files change nothing and say why; an older edition names what changed, and a file that names its edition shows the
text then and now beside each entry on a changed item (moved, split and retired ones too); the printed portfolio
table has its fields and one row per item; the cross-framework view agrees with the crosswalk YAML; 390 px and
keyboard alone work; axe-core finds nothing in any state, in both languages."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.model.types import Model
from generator.render.strings import t

from ..conftest import PROJECT
from ..next_edition import DATE
from ..site.test_workbook import _expected_cross
from .conftest import AXE, BROWSER_MARKS, axe_violations
from .test_editions_browser import next_url  # noqa: F401  (the site after a realistic next edition, served)

pytestmark = BROWSER_MARKS

URL = "coaching-professional/workbook/"
KEY = "coachref-workbook:ST0809"
A4 = (595.28, 841.89)
SCHEMA = json.loads((PROJECT / "schemas/workbook.schema.json").read_text(encoding="utf-8"))


def _open(page: Any, lang: str = "en") -> dict[str, Any]:
    page.goto(("" if lang == "en" else "nl/") + URL)
    page.locator(".cr-wb-tools:not([hidden])").wait_for()
    return dict(json.loads(page.locator("#cr-workbook-data").text_content()))


def _stored(page: Any) -> dict[str, Any] | None:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return None if raw is None else dict(json.loads(raw))


def _fill(page: Any) -> None:
    page.locator("#wb-knowledge-k1 input[value=ready]").check()
    page.locator("#wb-knowledge-k1-knowledge-test").fill("Essay on learning theories, portfolio p. 4")
    page.locator("#wb-skills-s2 input[value=working]").check()
    page.locator("#wb-field-apprentice").fill("Sam Example")


def _import(page: Any, tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    page.locator("#wb-import").set_input_files(str(path))
    page.wait_for_function("document.querySelector('.cr-wb-message').textContent.length > 0")
    return str(page.locator(".cr-wb-message").inner_text())


def test_tick_note_reload_keeps_the_state(page: Any) -> None:
    _open(page)
    _fill(page)
    page.reload()
    page.locator(".cr-wb-tools:not([hidden])").wait_for()
    assert page.locator("#wb-knowledge-k1 input[value=ready]").is_checked()
    assert page.locator("#wb-skills-s2 input[value=working]").is_checked()
    assert page.locator("#wb-knowledge-k1-knowledge-test").input_value() == "Essay on learning theories, portfolio p. 4"
    assert page.locator("#wb-field-apprentice").input_value() == "Sam Example"
    assert page.locator("[data-progress=all] .cr-wb-count").inner_text() == t(
        "wb-progress-line", "en", ready=1, total=31, working=1
    )
    row = page.locator('table.cr-wb-portfolio tr[data-item="ST0809:K1"]')
    assert "Essay on learning theories" in row.locator(".cr-wb-prefs").inner_text()
    assert row.locator(".cr-wb-pstatus").inner_text() == t("wb-state.ready", "en")


def test_export_clear_import_gives_the_same_state(page: Any, tmp_path: Path) -> None:
    _open(page)
    _fill(page)
    before = _stored(page)
    with page.expect_download() as info:
        page.locator("[data-action=export]").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert list(Draft202012Validator(SCHEMA).iter_errors(exported)) == []
    assert exported["edition"]["versions"]["ST0809"] == "1.0" and len(exported["edition"]["hash"]) == 12
    page.once("dialog", lambda d: d.accept())
    page.locator("[data-action=clear]").click()
    assert _stored(page) is None
    assert not page.locator("#wb-knowledge-k1 input[value=ready]").is_checked()
    message = _import(page, tmp_path, "mine.json", json.dumps(exported).encode())
    assert "mine.json" in message
    assert _stored(page) == before
    assert page.locator("#wb-knowledge-k1 input[value=ready]").is_checked()
    assert page.locator("#wb-field-apprentice").input_value() == "Sam Example"


def _valid(page: Any) -> dict[str, Any]:
    data = _open(page)
    return {
        "format": "coachref-workbook",
        "version": 1,
        "framework": "ST0809",
        "edition": data["edition"],
        "items": {"ST0809:K2": {"status": "ready", "notes": {}}},
    }


HOSTILE: dict[str, Any] = {
    "not-json": b"{ this is not json",
    "empty": b"   ",
    "array": b"[]",
    "too-big": b"{" + b" " * (300 * 1024) + b"}",
    "other-framework": {"framework": "BVJN"},
    "proto-key": '{"format":"coachref-workbook","version":1,"framework":"ST0809","edition":{"hash":"000000000000",'
    '"items":{}},"items":{"ST0809:K2":{"status":"ready","notes":{}}},"__proto__":{"polluted":1}}',
    "constructor-key": {"items": {"ST0809:K2": {"status": "ready", "notes": {}, "constructor": {"prototype": 1}}}},
    "html-note": {
        "items": {"ST0809:K2": {"status": "ready", "notes": {"ST0809:epa:interview": "<img src=x onerror=alert(1)>"}}}
    },
    "html-field": {"fields": {"apprentice": "<script>alert(1)</script>"}},
    "bad-status": {"items": {"ST0809:K2": {"status": "done"}}},
    "bad-id": {"items": {"toString": {"status": "ready"}}},
    "long-note": {"items": {"ST0809:K2": {"status": "ready", "notes": {"ST0809:epa:interview": "x" * 6000}}}},
    "extra-key": {"script": "alert(1)"},
    "deep": {"items": {"ST0809:K2": {"status": "ready", "notes": {"ST0809:epa:interview": {"a": {"b": {"c": 1}}}}}}},
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_changes_nothing_and_says_why(page: Any, tmp_path: Path, case: str) -> None:
    valid = _valid(page)
    _fill(page)
    before = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    spec = HOSTILE[case]
    content = (
        spec
        if isinstance(spec, bytes)
        else spec.encode()
        if isinstance(spec, str)
        else json.dumps({**valid, **spec}).encode()
    )
    message = _import(page, tmp_path, f"{case}.json", content)
    assert message.startswith(t("wb-import-failed", "en", reason="").strip()), message
    assert len(message) > len(t("wb-import-failed", "en", reason="")) + 5, "the message says why"
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == before
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")
    assert not page.locator("#wb-knowledge-k2 input[value=ready]").is_checked()
    assert page.locator("img[src=x]").count() == 0


def test_an_older_edition_names_what_changed_and_keeps_what_is_gone(page: Any, tmp_path: Path) -> None:
    old = _valid(page)
    old["edition"] = {
        **old["edition"],
        "hash": "0123456789ab",
        "items": {**old["edition"]["items"], "ST0809:K2": "deadbeef", "ST0809:K99": "00000000"},
    }
    old["items"] = {
        "ST0809:K2": {"status": "ready", "notes": {"ST0809:epa:interview": "Recording 3"}},
        "ST0809:K99": {"status": "working", "notes": {"ST0809:epa:interview": "Old evidence"}},
    }
    message = _import(page, tmp_path, "old.json", json.dumps(old).encode())
    assert "K2" in message and "ST0809:K99" in message
    assert page.locator("#wb-knowledge-k2 .cr-wb-changed").count() == 1
    gone = page.locator(".cr-wb-gone")
    assert gone.is_visible() and "Old evidence" in gone.inner_text()
    stored = _stored(page)
    assert stored is not None and "ST0809:K99" in stored["items"], "a gone item is kept, not dropped"
    assert axe_violations(page) == []


def test_printed_portfolio_has_the_fields_and_one_row_per_item(page: Any, model: Model) -> None:
    from pypdf import PdfReader

    _open(page)
    _fill(page)
    page.locator("#wb-field-employer").fill("Acme Care")
    rows = page.eval_on_selector_all("table.cr-wb-portfolio tbody tr", "rows => rows.map(r => r.innerText)")
    ksb = [i for g in model.framework["ST0809"].groups if g.role == "ksb" for i in g.items]
    assert len(rows) == len(ksb)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(round(A4[1]), round(A4[0]))}, "every page is landscape A4"
    whole = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    for key in ("wb-field.apprentice", "wb-field.employer", "wb-field.assessor", "wb-field.date", "wb-field.signature"):
        assert re.sub(r"\s+", "", t(key, "en")) in whole, key
    assert "SamExample" in whole and "AcmeCare" in whole
    assert "ST0809version1.0" in whole and "Dataasof" in whole
    missing = [r[:60] for r in rows if re.sub(r"\s+", "", r) not in whole]
    assert missing == [], "portfolio rows cut or lost in print"
    assert "Statusof" not in whole, "the interactive items do not print"
    # ux.md finding 20: the mapping disclaimer belongs to the cross-framework tables, which do not print
    assert re.sub(r"\s+", "", t("wb-not-accreditation", "en"))[:30] not in whole


@pytest.mark.parametrize("media", ["screen", "print"])
def test_the_signature_label_looks_like_the_other_portfolio_labels(page: Any, media: str) -> None:
    """ux.md finding 20: "Assessor's signature" (a line, no input) was styled apart from the four field labels."""
    _open(page)
    page.emulate_media(media=media)
    style = "e => { const s = getComputedStyle(e); return [s.fontWeight, s.fontSize, s.display, s.marginTop]; }"
    labels = page.eval_on_selector_all(".cr-wb-fields label", f"ls => ls.map({style})")
    sign = page.eval_on_selector(".cr-wb-sign .cr-wb-label", style)
    assert len(labels) == 4 and all(label == sign for label in labels), (labels, sign)


def _tick(page: Any, data: dict[str, Any], statuses: dict[str, str]) -> None:
    doc = {
        "format": "coachref-workbook",
        "version": 1,
        "framework": "ST0809",
        "edition": data["edition"],
        "items": {k: {"status": v, "notes": {}} for k, v in statuses.items()},
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(doc)])
    page.reload()
    page.locator(".cr-wb-tools:not([hidden])").wait_for()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_cross_framework_view_agrees_with_the_crosswalk_yaml(page: Any, lang: str) -> None:
    data = _open(page, lang)
    ids = list(data["items"])
    statuses = {i: "ready" for i in ids[::2]} | {i: "working" for i in ids[1::4]}
    _tick(page, data, statuses)
    for n, view in enumerate(data["cross"]):
        expected = next(v for v in _expected_cross(PROJECT, "ST0809") if v["other"] == view["other"])
        cells = page.eval_on_selector_all(
            f'table.cr-wb-cross[data-view="{n}"] tbody tr[data-item]',
            "rows => rows.map(r => [r.dataset.item, r.querySelector('.cr-wb-xstate').dataset.state,"
            " r.querySelector('.cr-wb-xstate').dataset.relation])",
        )
        want = []
        for row in expected["items"]:
            ready = [c for c in row["candidates"] if statuses.get(c[0]) == "ready"]
            working = [c for c in row["candidates"] if statuses.get(c[0]) == "working"]
            state = "covered" if ready else "working" if working else "open" if row["candidates"] else "unmapped"
            want.append([row["id"], state, ready[0][1] if ready else ""])
        assert cells == want
        covered = sum(w[1] == "covered" for w in want)
        assert (
            page.locator(f'.cr-wb-xsum[data-view="{n}"]')
            .inner_text()
            .startswith(t("wb-cross-summary", lang, covered=covered, total=len(want), working=0, open=0).split(",")[0])
        )
    assert page.locator(".cr-wb-disclaimer").inner_text() == t("wb-not-accreditation", lang)


@pytest.mark.skipif(not AXE.exists(), reason="run `npm install` for axe-core (node_modules/axe-core)")
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_axe_finds_nothing_in_any_state_at_390px(page: Any, tmp_path: Path, lang: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    data = _open(page, lang)
    assert axe_violations(page) == [], "empty"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scroll of the page"
    _tick(page, data, {i: s for i, s in zip(data["items"], ["ready", "working"] * 20, strict=False)})
    page.locator("#wb-knowledge-k1-knowledge-test").fill("Notes <b>bold</b>")
    assert page.locator("#wb-knowledge-k1-knowledge-test").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == [], "filled, with a note hint"
    _import(page, tmp_path, "bad.json", b"nope")
    assert axe_violations(page) == [], "after a failed import"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_keyboard_alone_sets_a_status_writes_a_note_and_exports(page: Any) -> None:
    _open(page)
    page.locator("#wb-knowledge-k1 input[value=none]").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#wb-knowledge-k1 input[value=working]").is_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("Observed session 1")
    assert page.evaluate("document.activeElement.id") == "wb-knowledge-k1-observation"
    stored = _stored(page)
    assert stored is not None and stored["items"]["ST0809:K1"] == {
        "status": "working",
        "notes": {"ST0809:epa:observation": "Observed session 1"},
    }
    page.locator("[data-action=export]").focus()
    with page.expect_download():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_file_saved_with_an_older_edition_shows_old_and_new_text_beside_the_entry(
    page: Any, tmp_path: Path, lang: str
) -> None:
    """A workbook file saved with the first edition, with evidence on every item of it that changed since: beside
    each entry the kind of change and the text then and now, side by side, from the page's data; the untouched
    entries get nothing; the page names the file's edition."""
    from generator.editions.impact import history, told
    from generator.pipeline import load_model

    checked = load_model(PROJECT)
    assert checked.model is not None and len(checked.editions) >= 2
    first = checked.editions[0]
    ksbs = [
        i
        for i, e in first.manifest["items"].items()
        if e["group"] in ("ST0809:knowledge", "ST0809:skills", "ST0809:behaviours")
    ]
    hist = history(checked.model, checked.editions)
    changed = told(hist, first.id, ksbs, "workbook")
    assert changed, "no KSB changed since the first edition"
    data = _open(page, lang)
    assert data["edition"]["id"] == hist.current_id
    doc = {
        "format": "coachref-workbook",
        "version": 1,
        "framework": "ST0809",
        "edition": {**data["edition"], "id": first.id, "hash": "0123456789ab"},
        "items": {i: {"status": "ready", "notes": {i: f"Evidence for {i}"}} for i in [*changed, "ST0809:K1"]},
    }
    assert not Draft202012Validator(SCHEMA).is_valid({**doc, "edition": {**doc["edition"], "id": "30-11-2026"}})
    Draft202012Validator(SCHEMA).validate(doc)
    message = _import(page, tmp_path, "old.json", json.dumps(doc).encode())
    assert t("wb-edition-since", lang, old=first.id, items="").split(":")[0] in message
    for ident, change in changed.items():
        assert change.old is not None and ident in data["items"]  # a reworded or corrected KSB stays on the page
        box = page.locator(f'li[data-item="{ident}"] .cr-wb-was')
        assert box.get_attribute("data-kind") == change.kind
        entry = data["since"][first.id][ident]
        now = ", ".join(n["name"] for n in entry["new"])
        assert box.locator("p").first.inner_text() == t(
            f"wb-since.{change.kind}", lang, item=entry["name"], edition=first.id, items=now
        )
        cells = box.locator("tbody td")
        assert cells.nth(0).inner_text() == change.old["statement"][lang]
        assert cells.nth(1).inner_text() == change.new[0]["statement"][lang]
        heads = [t("wb-since-old", lang, edition=first.id), t("wb-since-new", lang)]
        assert box.locator("th").all_inner_texts() == heads
    if "ST0809:K1" not in changed:
        assert page.locator('li[data-item="ST0809:K1"] .cr-wb-was').count() == 0
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})  # side by side still fits a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_entries_on_items_split_moved_or_retired_in_a_next_edition_say_what_stands_for_them(
    browser: Any,
    next_url: str,  # noqa: F811  (the fixture, imported above)
    next_edition_site: tuple[Any, Any],
    tmp_path: Path,
) -> None:
    """The site after a realistic next edition: a file saved with the edition before it, with evidence on a
    reworded, a changed, a renumbered, a split and a retired KSB. The two on the page show their old and new text;
    the three whose ids are gone are kept below with what became of each (the new ids, or that it was retired)."""
    plan = next_edition_site[1]
    ksb = ("ST0809:K", "ST0809:S", "ST0809:B")
    picks = {kind: next(i for i in plan.changed[kind] if i.startswith(ksb)) for kind in plan.changed}
    context = browser.new_context(bypass_csp=True, base_url=next_url)
    try:
        page = context.new_page()
        data = _open(page)
        assert data["edition"]["id"] == DATE and plan.old in data["since"]
        doc = {
            "format": "coachref-workbook",
            "version": 1,
            "framework": "ST0809",
            "edition": {**data["edition"], "id": plan.old, "hash": "0123456789ab"},
            "items": {i: {"status": "ready", "notes": {i: f"Evidence {kind}"}} for kind, i in picks.items()},
        }
        _import(page, tmp_path, "old.json", json.dumps(doc).encode())
        table = data["since"][plan.old]
        for kind in ("reword", "substantive"):
            box = page.locator(f'li[data-item="{picks[kind]}"] .cr-wb-was')
            assert box.locator("tbody td").nth(0).inner_text() == table[picks[kind]]["old"]
            assert box.locator("tbody td").nth(1).inner_text() == table[picks[kind]]["new"][0]["statement"]
        gone = page.locator(".cr-wb-gone")
        for kind, shown in (("renumber", "moved"), ("split", "split"), ("retire", "retired")):
            entry = table[picks[kind]]
            box = gone.locator(f'.cr-wb-was[data-kind="{shown}"]')
            assert box.count() == 1, kind
            text = box.inner_text()
            assert entry["old"] in text and [n["id"] for n in entry["new"]] == plan.successors.get(picks[kind], [])
            assert all(n["name"] in text and n["statement"] in text for n in entry["new"])
            if kind == "retire":
                assert t("wb-since-gone", "en") in text
        assert axe_violations(page) == []
    finally:
        context.close()


# --- a workbook that keeps work (issue 21 item 4; adversarial.md class 4) -------------------------------------------


def test_two_tabs_never_write_away_each_others_work(page: Any) -> None:
    """Two tabs of the workbook in one browser: an edit in one shows in the other at once (storage event), and an
    edit in a tab that has not heard of the other's (a stale copy) writes only its own entry."""
    _open(page)
    other = page.context.new_page()
    _open(other)
    page.locator("#wb-knowledge-k1 input[value=ready]").check()
    other.wait_for_function("document.querySelector('#wb-knowledge-k1 input[value=ready]').checked")
    assert other.locator(".cr-wb-message").inner_text() == t("wb-other-tab", "en")
    other.locator("#wb-skills-s2 input[value=working]").check()
    page.wait_for_function("document.querySelector('#wb-skills-s2 input[value=working]').checked")
    stored = _stored(page)
    assert stored is not None and {k: v["status"] for k, v in stored["items"].items()} == {
        "ST0809:K1": "ready",
        "ST0809:S2": "working",
    }
    # A stale tab: it misses the next edit (its storage listener is cut), then edits another entry.
    other.evaluate("window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true)")
    page.locator("#wb-knowledge-k2-knowledge-test").fill("Reflective log, week 3")
    other.locator("#wb-field-apprentice").fill("Sam Example")
    other.locator("#wb-behaviours-b1 input[value=ready]").check()
    stored = _stored(page)
    assert stored is not None
    assert stored["items"]["ST0809:K2"]["notes"] == {"ST0809:epa:knowledge-test": "Reflective log, week 3"}
    assert {k: v["status"] for k, v in stored["items"].items()} == {
        "ST0809:K1": "ready",
        "ST0809:S2": "working",
        "ST0809:K2": "none",
        "ST0809:B1": "ready",
    }
    assert stored["fields"] == {"apprentice": "Sam Example"}
    other.close()


@pytest.mark.parametrize("raw", ["{not json", json.dumps({"format": "coachref-workbook", "version": 99})])
def test_an_unreadable_stored_workbook_is_kept_and_offered_not_overwritten(page: Any, raw: str) -> None:
    _open(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, raw])
    page.reload()
    page.locator(".cr-wb-tools:not([hidden])").wait_for()
    box = page.locator(".cr-wb-unreadable[role=alert]")
    assert box.inner_text().startswith(t("wb-unreadable", "en").split("{reason}")[0])
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY + ':unreadable')})") == raw
    with page.expect_download() as info:
        box.get_by_text(t("wb-unreadable-download", "en")).click()
    assert Path(info.value.path()).read_text(encoding="utf-8") == raw
    _fill(page)  # the page starts empty and saves the new work; the copy stays as it was
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY + ':unreadable')})") == raw
    stored = _stored(page)
    assert stored is not None and stored["items"]["ST0809:K1"]["status"] == "ready"
    # a second unreadable copy gets its own key, the first is never overwritten
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, raw + " "])
    page.reload()
    page.locator(".cr-wb-unreadable").wait_for()
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY + ':unreadable')})") == raw
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY + ':unreadable:2')})") == raw + " "


def test_an_unreadable_copy_that_cannot_be_kept_is_never_saved_over(page: Any) -> None:
    """Storage full: the copy cannot be kept, so the page saves nothing until the reader has downloaded it."""
    _open(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, "{damaged"])
    page.add_init_script("""(() => { const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (String(k).includes(':unreadable')) throw new DOMException('full', 'QuotaExceededError');
          return set.call(this, k, v); }; })()""")
    page.reload()
    page.locator(".cr-wb-unreadable").wait_for()
    assert (
        page.locator(".cr-wb-unreadable").inner_text().startswith(t("wb-unreadable-unkept", "en").split("{reason}")[0])
    )
    page.locator("#wb-knowledge-k1 input[value=ready]").check()
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == "{damaged"
    with page.expect_download():
        page.get_by_text(t("wb-unreadable-download", "en")).click()
    page.locator("#wb-knowledge-k2 input[value=working]").check()
    stored = _stored(page)
    assert stored is not None and stored["items"]["ST0809:K2"]["status"] == "working"


@pytest.mark.parametrize("accept", [False, True])
def test_an_import_that_would_replace_work_asks_first(page: Any, tmp_path: Path, accept: bool) -> None:
    other = {**_valid(page), "items": {"ST0809:B4": {"status": "ready", "notes": {}}}, "fields": {}}  # opens it
    _fill(page)
    before = _stored(page)
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", answer)
    message = _import(page, tmp_path, "theirs.json", json.dumps(other).encode())
    assert asked == [t("wb-import-confirm", "en", file="theirs.json", n=2)]
    if accept:
        assert "theirs.json" in message
        stored = _stored(page)
        assert stored is not None and list(stored["items"]) == ["ST0809:B4"]
    else:
        assert message == t("wb-import-cancelled", "en")
        assert _stored(page) == before
        assert page.locator("#wb-knowledge-k1 input[value=ready]").is_checked()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_portfolio_fits_a_390px_phone_as_cards(page: Any, lang: str) -> None:
    """ux.md finding 20: on a phone the five-column portfolio table was clipped and scrolled sideways. Now each item
    is a card within the screen, every cell under its column's name; paper keeps the table (print test above)."""
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, lang)
    fit = page.evaluate("""() => {
        const t = document.querySelector('table.cr-wb-portfolio'), region = t.closest('.cr-scroll');
        return [Math.ceil(t.getBoundingClientRect().right), region.scrollWidth - region.clientWidth,
                [...t.querySelectorAll('tbody td')].map(c => getComputedStyle(c, '::before').content)]; }""")
    right, overflow, labels = fit
    assert right <= 390 and overflow <= 0, fit[:2]
    names = {f'"{t(k, lang)}"' for k in ("statement", "wb-status", "wb-method")}  # type: ignore[arg-type]
    assert names <= set(labels), "each card shows its cells under their column's names"
