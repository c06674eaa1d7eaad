"""The check page as a reader uses it, in Chromium: pick a file, read the report or the errors, download the JSON;
hostile text stays text (no dialog, no request); axe-core finds nothing in any state, in both languages; the
keyboard reaches every control; no other page loads the check page's script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.course.command import run_course
from generator.diagnostics.messages import DESCRIPTIONS_NL
from generator.render.strings import t
from tests.helpers import ROOT

from .conftest import AXE, BROWSER_MARKS, axe_violations

pytestmark = BROWSER_MARKS
DRAFT = ROOT / "courses/draft-jobcoach.yaml"
INVALID = ROOT / "tests/cases/course-check/wrong-types.yaml"
HOSTILE = ROOT / "tests/cases/course-check/hostile.yaml"


def _open(page: Any, lang: str) -> None:
    page.goto("courses/check/" if lang == "en" else "nl/courses/check/")
    page.wait_for_function("typeof window.__crCheck === 'function'")


def _check(page: Any, path: Path) -> None:
    page.set_input_files("#cr-file", str(path))
    page.wait_for_function("window.__crLast !== undefined")


def test_report_appears_verdict_first_and_downloads_as_the_cli_json(page: Any) -> None:
    _open(page, "en")
    _check(page, DRAFT)
    output = page.locator("#cr-output")
    verdict = output.locator(".cr-verdict").inner_text()
    assert verdict.startswith(
        "Not compliant: Job finding f, Job finding j, Coaching on the job l and Coaching on "
        "the job m are not covered; Methodical approach 3, "
    )
    assert verdict.endswith(
        " are not covered. To review: the course is not dual; the course gives 0 hours of practice "
        "(at least 1 expected)."
    )  # our inferences: points to review, not failures
    text = " ".join(output.inner_text().split())
    assert "Post-HBO course (HBO level)" in text  # the level's label, not hbo-post
    _code, out, _err = run_course(ROOT, DRAFT, "json", None)
    quotes = [c["quote"]["en"] for rs in json.loads(out)["requirement_sets"] for c in rs["conditions"]]
    assert quotes and all(f"In the source's words: “{' '.join(q.split())}”" in text for q in quotes)
    first_heading = output.locator("h2").first.inner_text()
    assert first_heading == "Course compliance report"
    assert "draft-jobcoach.yaml" in page.locator("#cr-status").inner_text()
    link = output.locator("a[download]")
    with page.expect_download() as info:
        link.click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    _code, out, _err = run_course(ROOT, DRAFT, "json", None)
    python = json.loads(out)
    python.update(file=data["file"], checked=data["checked"])
    assert data == python
    item = output.locator("a", has_text="Job finding j").first
    assert item.get_attribute("href") == "../../jobcoach-eindtermen/jobfinding/j/"
    # ux.md 15: a missing item's id shows beside its name, to copy into `covers`, as in the CLI's report
    assert "Job finding j (BVJN:jobfinding:j): NOT COVERED." in text
    assert output.locator("li.cr-uncovered code", has_text="BVJN:jobfinding:j").count() == 1


def test_dutch_page_reports_in_dutch(page: Any) -> None:
    _open(page, "nl")
    _check(page, DRAFT)
    verdict = page.locator("#cr-output .cr-verdict").inner_text()
    assert verdict.startswith(
        "Voldoet niet: Jobfinding f, Jobfinding j, Coaching on the job l en Coaching on the job m"
    )
    assert page.locator("#cr-output h2").first.inner_text() == "Rapport toetsing opleiding"
    text = " ".join(page.locator("#cr-output").inner_text().split())
    assert "In de woorden van de bron: “Een HBO werk- en denkniveau is een voorwaarde.”" in text
    assert "Jobfinding j (BVJN:jobfinding:j): NIET GEDEKT." in text
    facts = " ".join(page.locator("#cr-output .cr-facts").inner_text().split())  # ux.md 9: what the report rests on
    assert "BVJN-eindtermen 1.0, Coachingprofessional 1.0; vingerafdruk van de gegevens" in facts
    assert "CLCAS" not in facts  # a framework the course neither targets nor covers is not named
    for table in ("cr-facts", "cr-conditions"):  # ux.md 14: ruled on screen, as in print and on the worked examples
        style = f"getComputedStyle(document.querySelector('#cr-output .{table} td')).borderTopStyle"
        assert page.evaluate(style) == "solid", table


def test_mode_facts_of_an_apprenticeship_are_shown(page: Any) -> None:
    _open(page, "en")
    _check(page, ROOT / "courses/uk-coaching-professional-l5.yaml")
    text = " ".join(page.locator("#cr-output .cr-facts").inner_text().split())
    assert "dual (training and practice); 420 hours of off-the-job training; 14 months" in text


def test_invalid_file_shows_the_cli_errors(page: Any) -> None:
    _open(page, "en")
    _check(page, INVALID)
    lines = page.locator("#cr-output .cr-problems code").all_inner_texts()
    assert 'wrong-types.yaml:3:12: error[wrong-type] "programme" must be text, got a number (at /programme)' in lines
    assert page.locator("#cr-output h2").inner_text().startswith("wrong-types.yaml is not a valid course file")


def test_each_problem_is_worded_in_the_readers_language_with_its_place_counted(page: Any) -> None:
    """issue 19 item 5: what is wrong, the message and what to do in the page's language (the code's wording and the
    Dutch of the CLI's own template), the place as people count it (module 2 (M5), not /modules/1), and the CLI's own
    line word for word beside it."""
    path = ROOT / "tests/cases/course-check/unknown-id-in-module.yaml"
    rel = path.relative_to(ROOT).as_posix()
    _code, _out, err = run_course(ROOT, Path(rel), "text", None)
    cli = err.splitlines()[0]  # path:line:col: error[unknown-reference] message (at pointer)
    for lang, wrong, where, message, fix in (
        (
            "en",
            "a reference to an id that no item has",
            "module 2 (M5), learning outcome 2 (2), field covers, entry 1",
            '"BVJN:jobfinding:zz" is not the id of any item',
            'What to do: use the id of an existing item; did you mean "BVJN:jobfinding:q"?',
        ),
        (
            "nl",
            "een verwijzing naar een id dat geen item heeft",
            "module 2 (M5), leerresultaat 2 (2), veld covers, 1e waarde",
            '"BVJN:jobfinding:zz" is niet het id van een item',
            'Wat te doen: gebruik het id van een bestaand item; bedoelt u "BVJN:jobfinding:q"?',
        ),
    ):
        _open(page, lang)
        _check(page, path)
        item = page.locator("#cr-output .cr-problems li").first
        text = " ".join(item.inner_text().split())
        assert text.startswith(f"{wrong} ({where}): {message} {fix} "), text
        assert item.locator("code").inner_text() == cli.replace(rel, path.name)  # the page knows the file's name only


def test_bidi_controls_show_escaped_on_the_page_in_print_and_in_the_json(page: Any) -> None:
    """adversarial.md B7: "ACME U+202E SEY :tnailpmoC" read "ACME Compliant: YES" on the page and in its printout;
    the page now writes those characters as the CLI does (\\u202e), and its JSON escapes them as the CLI's."""
    path = ROOT / "tests/cases/course-parity/bidi-controls/course.yaml"
    _open(page, "en")
    _check(page, path)
    text = page.locator("#cr-output").inner_text()
    assert not any(ch in text for ch in "\u202e\u202c\u200f\u2066\u200e")
    assert "ACME \\u202eSEY :tnailpmoC\\u202c" in text
    with page.expect_download() as info:
        page.locator("#cr-output a[download]").click()
    raw = Path(info.value.path()).read_text(encoding="utf-8")
    assert "\u202e" not in raw and "\\u202e" in raw
    rel = path.relative_to(ROOT)
    _code, out, _err = run_course(ROOT, rel, "json", None)
    python = json.loads(out)
    data = json.loads(raw)
    python.update(file=data["file"], checked=data["checked"])
    assert data == python
    sheets = page.evaluate("document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join(' '))")
    assert "u202e" in " ".join(sheets) and "\u202e" not in " ".join(sheets)


def test_the_page_lists_the_first_problems_and_counts_the_rest(page: Any, tmp_path: Path) -> None:
    """adversarial.md B6: a file with very many problems made the page build hundreds of thousands of elements; it
    lists the first ones (data.json limits.problems_shown, 200) and says how many more the CLI lists."""
    from generator.course.limits import LIMITS

    modules = "".join(
        f'  - {{id: "M{n}", title: {n}, outcomes: [{{id: "1", text: "x", covers: ["BVJN:intake-assessment:a"]}}]}}\n'
        for n in range(1, 251)
    )
    path = tmp_path / "many-problems.yaml"
    path.write_text(
        'provider: "A"\nprogramme: "P"\nversion: "1"\nlevel: hbo-bachelor\nlanguage: nl\nmode: {dual: false}\n'
        f"modules:\n{modules}",
        encoding="utf-8",
    )
    _code, _out, err = run_course(ROOT, path, "text", None)
    assert "250 errors" in err
    _open(page, "en")
    _check(page, path)
    items = page.locator("#cr-output .cr-problems > li")
    assert items.count() == LIMITS["problems_shown"] + 1
    assert items.last.inner_text().startswith("…and 50 more problems (coachref course lists them all)")
    assert page.locator("#cr-output .cr-problems code").count() == LIMITS["problems_shown"]


def test_hostile_text_stays_text(page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(page, "en")
    _check(page, HOSTILE)
    output = page.locator("#cr-output")
    assert "<script>alert('provider')</script>" in output.inner_text()
    assert output.locator("script, img, iframe, b").count() == 0
    hrefs = [output.locator("a").nth(i).get_attribute("href") for i in range(output.locator("a").count())]
    assert not [h for h in hrefs if h and h.lower().startswith("javascript:")]
    page.wait_for_timeout(300)
    assert dialogs == []  # and the page fixture fails the test on any request to another host


@pytest.mark.skipif(not AXE.exists(), reason="run `npm install` for axe-core (node_modules/axe-core)")
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("state", ["empty", "report", "errors"])
def test_axe_finds_no_violations_on_the_check_page(page: Any, lang: str, state: str) -> None:
    _open(page, lang)
    if state != "empty":
        _check(page, DRAFT if state == "report" else INVALID)
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_page_that_cannot_read_its_data_says_so_in_its_language(page: Any, lang: str) -> None:
    """code.md 10: a failed data.json (here a 404) was shown as a raw 'SyntaxError: ...' from parsing the error page;
    now the page says what happened in the reader's language, and the file input stays off."""
    page.route("**/courses/check/data.json", lambda route: route.fulfill(status=404, body="<html>not found</html>"))
    page.goto("courses/check/" if lang == "en" else "nl/courses/check/")
    page.wait_for_function("document.getElementById('cr-status').textContent.includes('data.json')")
    assert page.locator("#cr-status").inner_text() == t("check.start-failed", lang)
    assert page.locator("#cr-file").is_disabled()


def test_a_click_on_the_drop_zone_opens_the_file_chooser(page: Any) -> None:
    """ux.md 16: the dashed zone looks like a target; clicking it picks a file, as the button does."""
    _open(page, "nl")
    with page.expect_file_chooser() as chooser:
        page.click("#cr-drop")
    chooser.value.set_files(str(DRAFT))
    page.wait_for_function("window.__crLast !== undefined")
    assert page.locator("#cr-output .cr-verdict").inner_text().startswith("Voldoet niet:")


def test_keyboard_reaches_the_file_input_and_the_report_actions(page: Any) -> None:
    _open(page, "en")
    reached = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.className"))
        if "cr-file" in reached:
            break
    assert "cr-file" in reached
    _check(page, DRAFT)
    page.focus("#cr-file")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('download')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Print the report"


def test_no_other_page_loads_the_check_script(built_site: Any) -> None:
    loading = sorted(
        p.relative_to(built_site.site).as_posix()
        for p in built_site.site.rglob("*.html")
        if "course-check/page.js" in p.read_text(encoding="utf-8")
    )
    assert loading == ["courses/check/index.html", "nl/courses/check/index.html"]


def test_works_offline_once_loaded(page: Any) -> None:
    _open(page, "en")
    page.context.set_offline(True)
    _check(page, DRAFT)
    assert page.locator("#cr-output .cr-verdict").inner_text().startswith("Not compliant:")


def test_report_prints_on_a4_without_the_form(page: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    _open(page, "nl")
    _check(page, DRAFT)
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(str(pdf))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1 and abs(float(box.height) - 841.9) < 1  # A4 in points
    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    assert "Voldoet niet: Jobfinding f" in text
    assert "Coaching on the job n" in text  # the last item made it onto paper
    assert "Drie stappen" not in text and "Rapport downloaden" not in text


def _first_edition_changes() -> tuple[str, dict[str, Any]]:
    """The first edition's id, and what became since of its items (the data's own history: no copy, no fixture)."""
    from generator.editions.impact import changes_since, history
    from generator.pipeline import load_model

    checked = load_model(ROOT)
    assert checked.model is not None and len(checked.editions) >= 2, "needs two editions"
    first = checked.editions[0].id
    return first, changes_since(history(checked.model, checked.editions), first)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_saved_report_reopened_lists_what_changed_since_its_edition(page: Any, tmp_path: Path, lang: str) -> None:
    """Check a course, download its report, and open that file again as if saved with the first edition: the page
    names the report's edition, lists each covered item changed since (kind, old and new text) and says whether the
    verdict would change; the downloaded report names the edition the site shows, by id, with a link."""
    from generator.render.strings import t

    first, since = _first_edition_changes()
    course = ROOT / "courses/uk-coaching-professional-l5.yaml"
    _open(page, lang)
    _check(page, course)
    assert page.locator(".cr-facts td a").get_attribute("href") == "../../editions/"
    with page.expect_download() as info:
        page.locator("#cr-output a[download]").click()
    report = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert report["edition"]["url"].endswith("/editions/") and "id" in report["edition"]
    page.evaluate("delete window.__crLast")
    saved = tmp_path / "saved-report.json"
    saved.write_text(
        json.dumps({**report, "edition": {**report["edition"], "id": first, "standards": "0" * 12}}), encoding="utf-8"
    )
    _check(page, saved)
    answer = page.evaluate("window.__crLast.reopened")
    covered = {
        i["id"]
        for rs in report["requirement_sets"]
        for c in rs["conditions"]
        for i in c.get("items", [])
        if i["covered"]
    }
    assert {i["id"] for i in answer["items"]} == covered & set(since) != set()
    view = page.locator(".cr-reopen")
    assert view.locator("h2").inner_text() == t("check.reopen-title", lang)
    for entry in answer["items"]:
        change = since[entry["id"]]
        row = view.locator(f'li[data-item="{entry["id"]}"]')
        text = " ".join(row.inner_text().split())
        assert t(f"delta.kind.{entry['kind']}", lang) in text
        assert change.old is not None and " ".join(change.old["statement"][lang].split()) in text
        assert " ".join(change.new[0]["statement"][lang].split()) in text
    verdict = view.locator(".cr-verdict")
    assert verdict.get_attribute("data-verdict") == answer["verdict"]
    assert verdict.inner_text() == t(f"check.reopen-verdict.{answer['verdict']}", lang, edition=first)
    assert t("check.reopen-done", lang, file="saved-report.json") == page.locator("#cr-status").inner_text()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_report_of_an_unknown_edition_or_no_report_says_so(page: Any, tmp_path: Path) -> None:
    from generator.render.strings import t

    _code, out, _err = run_course(ROOT, DRAFT, "json", None)
    report = json.loads(out)
    _open(page, "en")
    unknown = tmp_path / "unknown.json"
    unknown.write_text(
        json.dumps({**report, "edition": {**report["edition"], "id": "2020-01-01", "standards": "0" * 12}}),
        encoding="utf-8",
    )
    _check(page, unknown)
    assert page.locator(".cr-reopen .cr-verdict").inner_text() == t("check.reopen-unknown", "en", named="2020-01-01")
    page.evaluate("delete window.__crLast")
    other = tmp_path / "other.json"
    other.write_text('{"format": "coachref-workbook"}', encoding="utf-8")
    _check(page, other)
    assert page.locator("#cr-status").inner_text() == t(
        "check.reopen-not-report", "en", file="other.json", command="coachref course --format json"
    )


def test_after_a_check_focus_is_on_the_verdict_and_every_printed_page_names_the_course(
    page: Any, tmp_path: Path
) -> None:
    """ux.md findings 3 and 7: the reader lands on the verdict (a screen reader reads it), and pages 2 to n of the
    printed report carried only "n / N"; now each names the course, the date of the check, the hash and the site."""
    from pypdf import PdfReader

    _open(page, "en")
    _check(page, DRAFT)
    assert page.evaluate("document.activeElement.id") == "cr-verdict"
    report = page.evaluate("window.__crLast.report")
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages]
    assert len(pages) > 3
    host = page.evaluate("location.host")
    for n, text in enumerate(pages, start=1):
        assert report["course"]["programme"] in text, f"page {n} does not name the course"
        assert f"{report['checked']} · SHA-256 {report['file_sha256'][:16]}" in text, f"page {n}: date and hash"
        assert host in text and f"{n} / {len(pages)}" in text, f"page {n}: site and page number"
    page.evaluate("window.__crLast = undefined")
    _check(page, ROOT / "tests/cases/course-check/missing-fields.yaml")  # an invalid file: focus on what is wrong
    assert page.evaluate("document.activeElement.id") == "cr-errors"


def test_a_fields_description_as_hint_reads_in_the_readers_language(page: Any) -> None:
    """An id that does not follow its pattern gets the schema's description of the field as its hint: English from the
    CLI, and on the Dutch page its Dutch (diagnostics/messages.py DESCRIPTIONS_NL; the Dutch reviewer's 29th point of
    issue 19), while the CLI's own hint, last in the entry, stays the English word for word."""
    path = ROOT / "tests/cases/course-check/bad-ids.yaml"
    english = {  # the problem's pointer: the schema's description of the field
        "/targets/0": "The id of a requirement set, e.g. BVJN:register.",
        "/modules/0/id": "The module's id, unique in the course.",
        "/modules/0/outcomes/0/id": "The outcome's id, unique in the module.",
        "/modules/0/outcomes/0/covers/0": next(text for text in DESCRIPTIONS_NL if text.startswith("A stable item")),
    }
    for lang in ("en", "nl"):
        _open(page, lang)
        _check(page, path)
        for pointer, text in english.items():
            item = (
                page.locator("#cr-output .cr-problems li")
                .filter(has_text="error[invalid-format]")
                .filter(has_text=f"(at {pointer})")
            )
            assert item.count() == 1, pointer
            words = " ".join(item.inner_text().split())
            assert f"; {text if lang == 'en' else DESCRIPTIONS_NL[text]} " in words, words
            assert words.endswith(f": {text}"), words  # the CLI's hint, in English
