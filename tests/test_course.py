"""`coachref course`: course files in, verdicts, uncovered eindtermen, located errors and reports out."""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.course.command import evaluate_file, write_template_xlsx
from generator.course.render import render_report
from generator.course.workbook_layout import COURSE_FIELDS, OUTCOME_COLUMNS
from generator.diagnostics.problem import Problem
from generator.render.strings import t
from tests.helpers import ROOT, model_of, run_cli

CASES = ROOT / "tests" / "cases" / "courses"
HBO = ROOT / "courses" / "hbo-jobcoach-duaal.yaml"
DRAFT = ROOT / "courses" / "draft-jobcoach.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/course.schema.json\n"


def _hbo() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(HBO.read_text(encoding="utf-8"))
    return data


def _drop(ref: str) -> Callable[[dict[str, Any]], None]:
    def change(course: dict[str, Any]) -> None:
        for module in course["modules"]:
            for outcome in module["outcomes"]:
                outcome["covers"] = [r for r in outcome["covers"] if r != ref]

    return change


def _replace(ref: str, by: str) -> Callable[[dict[str, Any]], None]:
    def change(course: dict[str, Any]) -> None:
        for module in course["modules"]:
            for outcome in module["outcomes"]:
                outcome["covers"] = [by if r == ref else r for r in outcome["covers"]]

    return change


def _set(pointer: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(course: dict[str, Any]) -> None:
        *parents, last = pointer.strip("/").split("/")
        target = course
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _write_variant(tmp: Path, name: str, change: Callable[[dict[str, Any]], None]) -> Path:
    course = copy.deepcopy(_hbo())
    change(course)
    path = tmp / f"{name}.yaml"
    path.write_text(SCHEMA_LINE + yaml.safe_dump(course, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# name -> (change to the compliant HBO example, expected exit code, expected uncovered eindtermen, failing conditions)
VARIANTS: dict[str, tuple[Callable[[dict[str, Any]], None], int, set[str], set[str]]] = {
    "all-covered": (lambda c: None, 0, set(), set()),
    "all-covered-bachelor": (_set("/level", "hbo-master"), 0, set(), set()),
    "one-missing": (_drop("BVJN:jobfinding:j"), 1, {"BVJN:jobfinding:j"}, {"BVJN:register:eindtermen"}),
    "only-via-ksb": (
        _replace("BVJN:coaching-on-the-job:m", "ST0809:B4"),
        1,
        {"BVJN:coaching-on-the-job:m"},
        {"BVJN:register:eindtermen"},
    ),  # ST0809 is not a target: not applied
    # dual is our inference, not a condition the foreword sets: unmet, it is a point to review (issue 19)
    "not-dual": (_set("/mode/dual", False), 0, set(), {"BVJN:register:dual"}),
    "dual-without-practice": (_set("/mode/practice_hours", 0), 0, set(), {"BVJN:register:practice"}),
    "wrong-level": (_set("/level", "mbo-4"), 1, set(), {"BVJN:register:hbo"}),
    # an Associate degree (NLQF 5) is not "HBO werk- en denkniveau", read as bachelor level (content review 6.4)
    "associate-degree": (_set("/level", "hbo-associate"), 1, set(), {"BVJN:register:hbo"}),
    "uk-level-5": (_set("/level", "uk-level-5"), 1, set(), {"BVJN:register:hbo"}),
    # the register rule counts the methodiek: law and voorzieningen (6.6), labour market (6.7), target groups (3)
    "no-law": (_drop("BVJN:methodiek:traject-6"), 1, {"BVJN:methodiek:traject-6"}, {"BVJN:register:methodiek"}),
    "no-labour-market": (
        _drop("BVJN:methodiek:traject-7"),
        1,
        {"BVJN:methodiek:traject-7"},
        {"BVJN:register:methodiek"},
    ),
    "no-target-groups": (_drop("BVJN:methodiek:3"), 1, {"BVJN:methodiek:3"}, {"BVJN:register:methodiek"}),
}


def _uncovered(data: dict[str, Any], framework: str = "BVJN") -> set[str]:
    return {
        ref
        for rs in data["requirement_sets"]
        if rs["framework"] == framework
        for c in rs["conditions"]
        for ref in c.get("uncovered", [])
    }


def _failing(data: dict[str, Any]) -> set[str]:
    return {c["id"] for rs in data["requirement_sets"] for c in rs["conditions"] if not c["met"]}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variants_of_the_compliant_example(name: str, tmp_path: Path) -> None:
    change, code, uncovered, failing = VARIANTS[name]
    path = _write_variant(tmp_path, name, change)
    got, out, err = run_cli(["course", str(path), "--format", "json"], ROOT)
    assert (got, err) == (code, ""), err
    data = json.loads(out)
    assert data["compliant"] is (code == 0)
    assert _uncovered(data) == uncovered
    assert _failing(data) == failing


def _add_covers(*refs: str) -> Callable[[dict[str, Any]], None]:
    def change(course: dict[str, Any]) -> None:
        course["modules"][0]["outcomes"][0]["covers"] += list(refs)

    return change


@pytest.mark.parametrize(
    ("name", "change", "points"),
    [
        ("not-dual", _set("/mode/dual", False), {"en": "the course is not dual", "nl": "de opleiding is niet duaal"}),
        (
            "no-practice",
            _set("/mode/practice_hours", 0),
            {
                "en": "the course gives 0 hours of practice (at least 1 expected)",
                "nl": "de opleiding geeft 0 praktijkuren op (minstens 1 verwacht)",
            },
        ),
    ],
)
def test_an_unmet_inference_is_a_point_to_review_not_a_failure(
    name: str, change: Callable[[dict[str, Any]], None], points: dict[str, str], tmp_path: Path
) -> None:
    got, out, _err = run_cli(["course", str(_write_variant(tmp_path, name, change)), "--format", "json"], ROOT)
    data = json.loads(out)
    assert (got, data["compliant"]) == (0, True)
    (rset,) = data["requirement_sets"]
    assert rset["met"] is True and len(rset["review"]) == 1
    for lang in ("en", "nl"):
        assert data["verdict"][lang].startswith(("Compliant:", "Voldoet:"))
        assert data["verdict"][lang].endswith(f"{t('report.review', lang, points=points[lang])}")


def test_an_outcome_that_claims_many_items_is_named_for_review(tmp_path: Path) -> None:
    many = [
        "BVJN:intake-assessment:a",
        "BVJN:intake-assessment:b",
        "BVJN:intake-assessment:c",
        "BVJN:intake-assessment:d",
    ]  # with the two it has: six
    path = _write_variant(tmp_path, "broad", _add_covers(*many))
    got, out, _err = run_cli(["course", str(path), "--format", "json"], ROOT)
    data = json.loads(out)
    first = _hbo()["modules"][0]
    assert len(set(first["outcomes"][0]["covers"] + many)) == 6
    assert data["broad_outcomes"] == [{"module": first["id"], "outcome": first["outcomes"][0]["id"], "count": 6}]
    assert (got, data["compliant"]) == (0, True)
    assert (
        t("report.review-broad", "en", outcome=first["outcomes"][0]["id"], module=first["id"], n=6)
        in data["verdict"]["en"]
    )
    path = _write_variant(tmp_path, "five", _add_covers(*many[:3]))
    assert json.loads(run_cli(["course", str(path), "--format", "json"], ROOT)[1])["broad_outcomes"] == []


def test_without_targets_a_set_the_course_did_not_name_never_makes_it_not_compliant(tmp_path: Path) -> None:
    """ux.md finding 1: a compliant Dutch course without targets that tags one KSB was headlined "Voldoet niet:
    K1 ... B4". Now there is no overall verdict: each applied set is named with its own result, exit 0."""

    def change(course: dict[str, Any]) -> None:
        del course["targets"]
        course["modules"][0]["outcomes"][0]["covers"].append("ST0809:K1")

    got, out, _err = run_cli(["course", str(_write_variant(tmp_path, "no-targets", change)), "--format", "json"], ROOT)
    data = json.loads(out)
    assert (got, data["compliant"]) == (0, None)
    assert [rs["because"] for rs in data["requirement_sets"]] == ["covers", "covers"]
    bvjn, ksb = sorted(data["requirement_sets"], key=lambda rs: rs["framework"] != "BVJN")
    assert bvjn["met"] is True and ksb["met"] is False
    for lang in ("en", "nl"):
        verdict = data["verdict"][lang]
        assert verdict.startswith(t("report.verdict-per-set", lang, sets="").split(":")[0])
        assert t("report.set-meets", lang, set=bvjn["title"][lang]) in verdict
        assert f"{ksb['title'][lang]}: " in verdict
        assert not verdict.startswith(("Not compliant", "Voldoet niet"))
        # the set it only touches reads as a count, not as the list of every KSB it does not cover (ux.md 1, residual)
        (cover,) = [c for c in ksb["conditions"] if c["rule"] == "covers-all"]
        count = t("report.gap-count.other", lang, n=cover["total"], covered=1)
        assert count in verdict and "K2" not in verdict, verdict
    _code, text, _err = run_cli(["course", str(_write_variant(tmp_path, "no-targets", change)), "--format", "md"], ROOT)
    assert '!!! info "' in text


def test_the_edition_line_names_only_the_frameworks_the_report_rests_on() -> None:
    """ux.md 9: a BVJN-only report listed CLCAS's version too, and 'content of standards/ <hash>' meant nothing to a
    reader; the line names the frameworks of the applied sets and of the covered items, and the data's fingerprint."""
    code, text, _err = run_cli(["course", "courses/hbo-jobcoach-duaal.yaml"], ROOT)
    assert code == 0
    line = " ".join(text.split("Editie van de gegevens", 1)[1].split("Alle edities", 1)[0].split())
    assert line.startswith("editie ") and ": BVJN-eindtermen 1.0; vingerafdruk van de gegevens " in line, line
    assert "CLCAS" not in line and "standards/" not in line


def test_covered_only_via_ksb_is_shown_but_not_counted(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, "via-ksb", _replace("BVJN:coaching-on-the-job:m", "ST0809:B4"))
    code, out, _err = run_cli(["course", str(path), "--format", "json", "--requirements", "BVJN:register"], ROOT)
    assert code == 1
    (rset,) = json.loads(out)["requirement_sets"]
    items = {i["id"]: i for c in rset["conditions"] for i in c.get("items", [])}
    m = items["BVJN:coaching-on-the-job:m"]
    assert m["covered"] is False
    (x,) = m["indirect"]
    assert (x["via"], x["relation"], x["module"], x["outcome"]) == ("ST0809:B4", "related", "M9", "9.3")
    assert x["via_url"] == "coaching-professional/behaviours/b4/" and x["module_title"].startswith("Praktijkleren")
    code, text, _err = run_cli(["course", str(path), "--requirements", "BVJN:register"], ROOT)
    assert "  Coaching on the job m (BVJN:coaching-on-the-job:m): NIET GEDEKT\n" in text  # the id, to copy
    assert "! Niet meegeteld als gedekt: leerresultaat 9.3 van module „Praktijkleren" in text
    assert "toegepast omdat erom gevraagd is op de opdrachtregel" in " ".join(text.split())


# file -> (located error line expected on stderr, as a regular expression)
ERRORS = {
    "unknown-item.yaml": r'unknown-item\.yaml:13:46: error\[unknown-reference\] "BVJN:intake-asessment:b" is not the '
    r"id of any item .*\n    hint: did you mean \"BVJN:intake-assessment:b\"\?",
    "duplicate-modules.yaml": r'duplicate-modules\.yaml:14:9: error\[duplicate-id\] module id "M1" is already used '
    r"\(line 8\)",
    "duplicate-outcomes.yaml": r'duplicate-outcomes\.yaml:14:13: error\[duplicate-id\] outcome id "1" is already '
    r'used in module "M1" \(line 11\)',
    "empty.yaml": r"empty\.yaml:1:1: error\[empty-file\] the file is empty",
    "not-yaml.yaml": r"not-yaml\.yaml:\d+:\d+: error\[yaml-syntax\] YAML syntax error",
    "wrong-schema.yaml": r"wrong-schema\.yaml:5:8: error\[invalid-value\] \"level\" is 'hbo'.*\n"
    r".*wrong-schema\.yaml:6:14: error\[wrong-type\] \"dual\" must be true or false",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_invalid_course_files_give_located_errors(name: str) -> None:
    code, out, err = run_cli(["course", f"tests/cases/courses/{name}"], ROOT)
    assert code == 1
    assert out == ""
    assert re.search(ERRORS[name], err), err
    assert "Traceback" not in err
    assert err.endswith("is not a valid course file: fix the errors above\n")


def test_invalid_course_in_json_format_lists_the_problems() -> None:
    code, out, err = run_cli(["course", "tests/cases/courses/unknown-item.yaml", "--format", "json"], ROOT)
    assert code == 1
    (problem,) = json.loads(out)["problems"]
    assert (problem["line"], problem["col"], problem["code"]) == (13, 46, "unknown-reference")
    assert "unknown-reference" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["course", "courses/no-such-course.yaml"], "coachref course: no such file: courses/no-such-course.yaml\n"),
        (["course", "courses"], "coachref course: courses is not a file\n"),
        (
            ["course", str(HBO), "--requirements", "BVJN:regster"],
            'coachref course: unknown requirement set "BVJN:regster" (did you mean "BVJN:register"?); known: ',
        ),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str], message: str) -> None:
    code, out, err = run_cli(args, ROOT)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert "Traceback" not in err


def test_the_examples() -> None:
    code, out, err = run_cli(["course", "courses/hbo-jobcoach-duaal.yaml"], ROOT)
    assert (code, err) == (0, ""), err
    assert " ".join(out.split("\n\n")[1].split()) == (
        "Voldoet: de opleiding voldoet aan Voorgestelde voorwaarden "
        "voor toegang tot het BVJN-register (voorwoord 2012)."
    )
    flat = " ".join(out.split())
    assert "toegepast omdat de opleiding deze set als doel noemt" in flat
    assert "40 van 40 items gedekt" in out
    assert "15 van 15 items gedekt" in out  # the methodiek, without the lead-in statement 6
    assert "Post-hbo-opleiding (hbo-niveau)" in out
    assert "476 uur praktijk; 364 uur opleiding; 10 maanden" in flat  # the mode facts, duration included
    # the report quotes the foreword the conditions rest on, verbatim
    assert "In de woorden van de bron: “Een HBO werk- en denkniveau is een voorwaarde.”" in flat
    assert "Ons voorstel is dat wanneer een jobcoach" in flat

    code, out, err = run_cli(["course", "courses/draft-jobcoach.yaml", "--format", "json"], ROOT)
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert [rs["id"] for rs in data["requirement_sets"]] == ["BVJN:register"]  # its one target
    assert [n["id"] for n in data["not_applied"]] == ["ST0809:ksb-coverage"]
    assert data["course"]["level"] == "hbo-post"  # a 240-hour course is not a degree
    assert data["verdict"]["en"].startswith(
        "Not compliant: Job finding f, Job finding j, Coaching on the job l and Coaching on the job m are not covered; "
    )
    assert data["verdict"]["en"].endswith(
        " are not covered. To review: the course is not dual; the course gives 0 "
        "hours of practice (at least 1 expected)."
    )
    assert re.fullmatch(r"[0-9a-f]{64}", data["file_sha256"]) and re.fullmatch(
        r"[0-9a-f]{12}", data["edition"]["standards"]
    )
    assert _uncovered(data) - {f"BVJN:methodiek:{m}" for m in ("3", "5", "6")} - {
        f"BVJN:methodiek:traject-{n}" for n in (1, 2, 5, 6, 7, 8, 9, 10)
    } == {"BVJN:jobfinding:f", "BVJN:jobfinding:j", "BVJN:coaching-on-the-job:l", "BVJN:coaching-on-the-job:m"}
    assert {"BVJN:methodiek:3", "BVJN:methodiek:traject-6", "BVJN:methodiek:traject-7"} <= _uncovered(data)
    assert _failing(data) == {
        "BVJN:register:eindtermen",
        "BVJN:register:methodiek",
        "BVJN:register:dual",
        "BVJN:register:practice",
    }
    assert data["requirement_sets"][0]["review"] == ["BVJN:register:dual", "BVJN:register:practice"]
    assert all("quote" in c for rs in data["requirement_sets"] for c in rs["conditions"])
    items = {i["id"]: i for rs in data["requirement_sets"] for c in rs["conditions"] for i in c.get("items", [])}
    assert [x["via"] for x in items["BVJN:jobfinding:f"]["indirect"]] == ["ST0809:K5"]
    assert [x["via"] for x in items["BVJN:coaching-on-the-job:m"]["indirect"]] == ["ST0809:B4"]
    assert items["BVJN:jobfinding:j"]["indirect"] == []


def test_the_template_is_a_valid_course() -> None:
    code, out, err = run_cli(["course", "courses/template.yaml"], ROOT)
    assert code == 1 and err == ""  # valid, but covers one eindterm only
    assert "→ Intake and assessment b, Intake and assessment c," in out


def test_requirement_set_for_ksb_coverage(tmp_path: Path) -> None:
    ksbs = (
        [f"ST0809:K{i}" for i in range(1, 13)]
        + [f"ST0809:S{i}" for i in range(1, 16)]
        + [f"ST0809:B{i}" for i in range(1, 5)]
    )
    course = {
        "provider": "UK Test Provider",
        "programme": "Coaching Professional apprenticeship",
        "version": "1",
        "level": "uk-level-5",
        "mode": {"dual": True, "practice_hours": 300},
        "modules": [
            {
                "id": "all",
                "title": "Everything",
                "outcomes": [{"id": ksb.split(":")[1], "text": f"Meets {ksb}.", "covers": [ksb]} for ksb in ksbs],
            }
        ],
    }
    path = tmp_path / "uk.yaml"
    path.write_text(yaml.safe_dump(course), encoding="utf-8")
    code, out, err = run_cli(["course", str(path), "--format", "json"], ROOT)
    assert (code, err) == (0, "")
    assert [rs["id"] for rs in json.loads(out)["requirement_sets"]] == ["ST0809:ksb-coverage"]
    code, out, _err = run_cli(["course", str(HBO), "--requirements", "ST0809:ksb-coverage", "--format", "json"], ROOT)
    assert code == 1
    assert len(_uncovered(json.loads(out), "ST0809")) == 31


def test_a_course_that_covers_no_framework_with_requirements_is_not_compliant(tmp_path: Path) -> None:
    path = _write_variant(
        tmp_path,
        "clcas",
        lambda c: (
            c.pop("targets")
            and c.update(
                modules=[
                    {
                        "id": "M1",
                        "title": "t",
                        "outcomes": [{"id": "1", "text": "x", "covers": ["CLCAS:eligibility:1"]}],
                    }
                ]
            )
        ),
    )
    code, out, err = run_cli(["course", str(path)], ROOT)
    assert (code, err) == (1, "")
    assert "Voldoet niet: er is geen set eisen toegepast" in out


# ------------------------------------------------------------------ formats


def test_markdown_report_is_valid_markdown_with_an_eindterm_table() -> None:
    code, out, _err = run_cli(["course", "courses/draft-jobcoach.yaml", "--format", "md"], ROOT)
    assert code == 1
    assert out.startswith("# Rapport toetsing opleiding: Jobcoach in de praktijk \\(concept\\)\n")  # the course named
    lines = out.splitlines()
    assert "| Voorwaarde | Uitkomst | Toelichting |" in lines
    assert any(ln.startswith("- [Jobfinding j](https://") and "**NIET GEDEKT**" in ln for ln in lines)
    # every table row has as many cells as its header
    header_cells = 0
    for line in lines:
        if not line.startswith("|"):
            header_cells = 0
            continue
        cells = len(re.split(r"(?<!\\)\|", line)) - 2
        if header_cells == 0:
            header_cells = cells
        assert cells == header_cells, line


def test_data_is_never_markup(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, "markup", _set("/provider", "<script>alert(1)</script> | *x* [a](b)"))
    _code, out, _err = run_cli(["course", str(path), "--format", "md"], ROOT)
    assert "<script>" not in out
    assert r"&lt;script&gt;alert\(1\)&lt;/script&gt; \| \*x\* \[a\]\(b\)" in out


def test_text_report_fits_an_a4_page() -> None:
    for course in (HBO, DRAFT):
        _code, out, _err = run_cli(["course", str(course)], ROOT)
        assert max(len(line) for line in out.splitlines()) <= 80


def test_render_report_in_both_languages() -> None:
    report = evaluate_file(model_of(ROOT), ROOT, DRAFT)
    assert not isinstance(report, list)
    en, nl = render_report(report, "md", "en"), render_report(report, "md", "nl")
    assert "# Course compliance report" in en and "**NOT COVERED**" in en
    assert "# Rapport toetsing opleiding" in nl and "**NIET GEDEKT**" in nl
    assert json.loads(render_report(report, "json", "en")) == json.loads(render_report(report, "json", "nl"))


# ------------------------------------------------------------------ XLSX


def _fill_template(course: dict[str, Any]) -> bytes:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(write_template_xlsx(model_of(ROOT))))
    sheet = wb["course"]
    values = {
        "provider": course["provider"],
        "programme": course["programme"],
        "version": course["version"],
        "level": course["level"],
        "dual": course["mode"]["dual"],
        "practice_hours": course["mode"].get("practice_hours"),
        "training_hours": course["mode"].get("training_hours"),
        "off_the_job_hours": course["mode"].get("off_the_job_hours"),
        "duration_months": course["mode"].get("duration_months"),
        "language": course.get("language"),
        "targets": " ".join(course.get("targets", [])) or None,
    }
    for row in range(2, sheet.max_row + 1):
        name = sheet.cell(row, 1).value
        if name in values:
            sheet.cell(row, 2).value = values[name]
    rows = wb["outcomes"]
    rows.delete_rows(2)  # the template's example row
    for module in course["modules"]:
        for n, outcome in enumerate(module["outcomes"]):
            rows.append(
                [
                    module["id"],
                    module["title"] if n == 0 else None,
                    outcome["id"],
                    outcome["text"],
                    ", ".join(outcome["covers"]),
                ]
            )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_xlsx_template_round_trips_to_the_same_report(tmp_path: Path) -> None:
    path = tmp_path / "hbo.xlsx"
    path.write_bytes(_fill_template(_hbo()))
    from_yaml, from_xlsx = evaluate_file(model_of(ROOT), ROOT, HBO), evaluate_file(model_of(ROOT), ROOT, path)
    assert not isinstance(from_yaml, list)
    assert not isinstance(from_xlsx, list), from_xlsx
    assert from_xlsx.sets == from_yaml.sets
    assert from_xlsx.modules == from_yaml.modules
    code, out_xlsx, err = run_cli(["course", str(path), "--format", "json"], ROOT)
    assert (code, err) == (0, "")
    _code, out_yaml, _err = run_cli(["course", str(HBO), "--format", "json"], ROOT)

    def without_file(text: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(text)
        return {k: v for k, v in data.items() if k not in ("file", "file_sha256")}

    assert without_file(out_xlsx) == without_file(out_yaml)


def test_xlsx_problems_name_sheet_and_cell(tmp_path: Path) -> None:
    course = _hbo()
    course["level"] = "hbo"
    course["modules"][4]["outcomes"][0]["covers"] = ["BVJN:intake-assessment:z"]
    course["modules"][4]["outcomes"][1]["id"] = course["modules"][4]["outcomes"][2]["id"]
    path = tmp_path / "bad.xlsx"
    path.write_bytes(_fill_template(course))
    code, _out, err = run_cli(["course", str(path)], ROOT)
    assert code == 1
    rel = path.as_posix()
    assert f"{rel}:5:2: error[invalid-value] course!B5: \"level\" is 'hbo'" in err
    # outcomes: header in row 1, modules M1-M4 in rows 2-12 (3 + 2 + 4 + 2 outcomes), M5 from row 13
    assert f'{rel}:13:5: error[unknown-reference] outcomes!E13: "BVJN:intake-assessment:z"' in err
    assert f'{rel}:15:3: error[duplicate-id] outcomes!C15: outcome id "5.3" is already used in module "M5"' in err


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "course.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    code, _out, err = run_cli(["course", str(path)], ROOT)
    assert code == 1
    assert f"{path.as_posix()}:1:1: error[xlsx-unreadable]" in err


def _rewrite_sheet(data: bytes, sheet: str, change: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one sheet's XML changed (every other entry as it was)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            dst.writestr(info, change(content) if info.filename == f"xl/worksheets/{sheet}.xml" else content)
    return out.getvalue()


_XXE = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><worksheet'


@pytest.mark.parametrize(
    ("sheet", "name", "change"),
    [
        ("sheet2", "outcomes", lambda xml: xml.replace(b"</sheetData>", b"</sheetDat>")),
        ("sheet1", "course", lambda xml: xml.replace(b"<worksheet", _XXE, 1).replace(b"<v>", b"<v>&xxe;", 1)),
    ],
)
def test_xlsx_with_a_sheet_that_is_not_xml_is_unreadable(
    tmp_path: Path, sheet: str, name: str, change: Callable[[bytes], bytes]
) -> None:
    """adversarial.md C3: openpyxl parses a sheet only when its rows are read; malformed XML or an external entity
    there was an internal ParseError (exit 2). Now it is a located xlsx-unreadable, and nothing is read."""
    path = tmp_path / "course.xlsx"
    path.write_bytes(_rewrite_sheet(_fill_template(_hbo()), sheet, change))
    code, out, err = run_cli(["course", str(path)], ROOT)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{path.as_posix()}:1:1: error[xlsx-unreadable] not a readable XLSX workbook: the sheet "
        f"'{name}' cannot be read (ParseError)\n"
    ), err
    assert "internal error" not in err


def test_xlsx_template_is_deterministic_and_published() -> None:
    from openpyxl import load_workbook

    data = write_template_xlsx(model_of(ROOT))
    assert data == write_template_xlsx(model_of(ROOT))

    def cells(source: bytes | Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source)
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}

    fresh = cells(data)
    assert list(fresh) == ["course", "outcomes", "ids"]
    assert fresh["outcomes"][1][0] == "M1"  # the example row
    assert fresh["ids"][[r[0] for r in fresh["ids"]].index("ST0809:K5")][:3] == ("ST0809:K5", "ST0809", "K5")
    assert [r[0] for r in fresh["course"][1 : len(COURSE_FIELDS) + 1]] == [f for f, _p, _h in COURSE_FIELDS]
    assert fresh["outcomes"][0] == tuple(name for name, _h in OUTCOME_COLUMNS)
    assert cells(ROOT / "courses" / "template.xlsx") == fresh, (
        "courses/template.xlsx is out of date: regenerate it with "
        'python -c "from pathlib import Path; from generator.course.command import write_template_xlsx; '
        "from generator.pipeline import load_model; "
        "Path('courses/template.xlsx').write_bytes(write_template_xlsx(load_model(Path('.')).model))\""
    )


def _course_error(path: Path, where: str, code: str, message: str, hint: str) -> str:
    """The exact stderr of `coachref course` for a file with this one located error."""
    return (
        f"{path.as_posix()}:{where}: error[{code}] {message}\n    hint: {hint}\n"
        "1 error, 0 warnings in 1 file\n"
        f"coachref course: {path.as_posix()} is not a valid course file: fix the errors above\n"
    )


CONTROL_HINT = "delete the character (an editor may show it as a box, ^@ or <0x..>): data files hold plain text only"


@pytest.mark.parametrize(
    ("content", "where"),
    [
        (b"\x00" * 64, "1:1"),  # bad-input.md M15: a file of NUL bytes
        (HBO.read_bytes().replace(b"provider: ", b"provider: \x00", 1), None),  # Y04's NUL inside a text
    ],
)
def test_course_file_with_a_nul_byte(content: bytes, where: str | None, tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(content)
    if where is None:
        line = content[: content.index(b"\x00")].count(b"\n") + 1
        where = f"{line}:{len(b'provider: ') + 1}"
    code, out, err = run_cli(["course", str(path)], ROOT)
    assert (code, out) == (1, "")
    assert err == _course_error(
        path, where, "control-character", "control character U+0000 is not allowed in a data file", CONTROL_HINT
    )


def test_course_file_nested_5000_levels(tmp_path: Path) -> None:
    """bad-input.md Y02: 5,000 levels of block mappings end at level 101, where the nesting passes the limit (2,000
    here: 5,000 indented levels make a 12.5 MB file, which the file size limit refuses before it is read)."""
    path = tmp_path / "deep.yaml"
    path.write_text("".join(" " * i + "a:\n" for i in range(2000)), encoding="utf-8")
    code, out, err = run_cli(["course", str(path)], ROOT)
    assert (code, out) == (1, "")
    assert err == _course_error(
        path,
        "101:101",
        "yaml-too-deep",
        "mappings and lists are nested more than 100 levels deep here",
        "flatten the structure: the data files nest a few levels at most",
    )


def test_site_course_pages_skip_a_fifo_without_opening_it(tmp_path: Path) -> None:
    """bad-input.md F08: the build's course pages read courses/*.yaml; a named pipe there hung it for ever."""
    import os
    import shutil
    import signal

    from generator.pipeline import load_model
    from generator.render.site.downloads import course_reports

    for folder in ("standards", "schemas", "courses"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    os.mkfifo(tmp_path / "courses" / "pipe.yaml")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading courses/ waited on the named pipe"))
    signal.alarm(60)
    try:
        checked = load_model(tmp_path)
        assert checked.model is not None
        pages = course_reports(checked.model, tmp_path, checked.courses)
    finally:
        signal.alarm(0)
    examples = {p.stem for p in (ROOT / "courses").glob("*.yaml")} - {"template"}
    assert set(pages) == examples
    assert evaluate_file(checked.model, tmp_path, tmp_path / "courses" / "pipe.yaml") == [
        Problem("courses/pipe.yaml", 1, 1, "not-a-file", "this is a named pipe (FIFO), not a file")
    ]


def test_course_report_escapes_control_characters(tmp_path: Path) -> None:
    """bad-input.md Y35b for `coachref course`: ESC and CSI in the programme's name reach no terminal raw."""
    path = tmp_path / "escape.yaml"
    path.write_text(
        HBO.read_text(encoding="utf-8").replace('programme: "', 'programme: "\\e[2J\\x9b', 1), encoding="utf-8"
    )
    code, text, _err = run_cli(["course", str(path)], ROOT)
    assert code == 0
    assert "\\x1b[2J\\x9b" in text
    code, out, _err = run_cli(["course", str(path), "--format", "json"], ROOT)
    assert code == 0
    for output in (text, out):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", output)
    texts: list[str] = []
    json.loads(out, object_hook=lambda obj: texts.extend(v for v in obj.values() if isinstance(v, str)) or obj)
    assert "\x1b[2J\x9bPost-hbo-opleiding Jobcoach, duaal (30 EC)" in texts  # the JSON still holds the exact data


def test_the_uk_apprenticeship_example_meets_ksb_coverage() -> None:
    code, out, err = run_cli(["course", "courses/uk-coaching-professional-l5.yaml", "--format", "json"], ROOT)
    assert (code, err) == (0, ""), err
    data = json.loads(out)
    assert data["compliant"] is True
    assert [rs["id"] for rs in data["requirement_sets"]] == ["ST0809:ksb-coverage"]
    (condition,) = data["requirement_sets"][0]["conditions"]
    assert (condition["covered"], condition["total"], condition["uncovered"]) == (31, 31, [])
    course = data["course"]
    assert course["level"] == "uk-level-5"
    assert course["mode"]["duration_months"] == 14
    # realistic size: at least 6 hours a week off-the-job (the 2022-2025 minimum for 30+ hours) over 52 weeks,
    # at most 40 % of 37.5 hours
    assert 0.2 * 30 * 52 <= course["mode"]["off_the_job_hours"] <= 0.4 * 37.5 * 4.33 * 14
    texts = " ".join(o["text"] for m in course["modules"] for o in m["outcomes"])
    assert "portfolio" in texts and "EPA gateway" in texts


@pytest.mark.parametrize(
    ("stem", "code", "failing"),
    [
        ("hbo-jobcoach-duaal", 0, set()),
        # its one target is BVJN:register: not failed on ST0809 coverage it never claimed
        (
            "draft-jobcoach",
            1,
            {"BVJN:register:eindtermen", "BVJN:register:methodiek", "BVJN:register:dual", "BVJN:register:practice"},
        ),
        ("uk-coaching-professional-l5", 0, set()),
    ],
)
def test_every_example_course_verdict(stem: str, code: int, failing: set[str]) -> None:
    got, out, err = run_cli(["course", f"courses/{stem}.yaml", "--format", "json"], ROOT)
    assert (got, err) == (code, "")
    assert _failing(json.loads(out)) == failing


def test_every_course_file_is_an_example_with_a_verdict_test() -> None:
    stems = {p.stem for p in (ROOT / "courses").glob("*.yaml")} - {"template"}
    assert stems == {"hbo-jobcoach-duaal", "draft-jobcoach", "uk-coaching-professional-l5"}


def test_post_hbo_example_is_about_30_ec() -> None:
    mode = _hbo()["mode"]
    assert 26 * 28 <= mode["practice_hours"] + mode["training_hours"] <= 32 * 28  # 1 EC = 28 study hours


def test_post_hbo_example_hours_and_ec_agree() -> None:
    """The EC in the module titles add up to the stated hours at 1 EC = 28 hours: training in M1-M8, practice
    in M9 (about 13 EC training and 17 EC practice of 30)."""
    course = _hbo()
    ec = {
        m["id"]: float(re.search(r"\((\d+(?:[.,]\d+)?) EC", m["title"]).group(1).replace(",", "."))  # type: ignore[union-attr]
        for m in course["modules"]
    }
    practice = ec.pop("M9")
    assert (sum(ec.values()), practice) == (13, 17)
    assert (course["mode"]["training_hours"], course["mode"]["practice_hours"]) == (13 * 28, 17 * 28)
    assert "476 uur" in next(m["title"] for m in course["modules"] if m["id"] == "M9")


def test_a_report_names_its_edition_by_id_with_a_link() -> None:
    """Every format names the edition the data is (or the edition its unreleased changes came after) and links the
    editions page; the framework versions and the hash of standards/ stay, for scripts that read them."""
    from generator.config import site_url
    from generator.editions.impact import history
    from generator.pipeline import load_model

    checked = load_model(ROOT)
    assert checked.model is not None and checked.editions
    now = history(checked.model, checked.editions).current_id
    latest = checked.editions[-1].id
    code, out, _err = run_cli(["course", "courses/uk-coaching-professional-l5.yaml", "--format", "json"], ROOT)
    assert code == 0
    edition = json.loads(out)["edition"]
    assert (edition["id"], edition["after"]) == ((now, None) if now else (None, latest))
    assert edition["url"] == site_url(ROOT) + "editions/"
    assert [f["id"] for f in edition["frameworks"]] == ["BVJN", "CLCAS", "ST0809"]
    words = f"edition {now}" if now else t("report.edition-after", "en", edition=latest)
    code, out, _err = run_cli(["course", "courses/uk-coaching-professional-l5.yaml"], ROOT)
    flat = " ".join(out.split())
    assert f"Data edition {words}: " in flat and f"All editions {site_url(ROOT)}editions/" in flat
    code, out, _err = run_cli(["course", "courses/uk-coaching-professional-l5.yaml", "--format", "md"], ROOT)
    from generator.render import markup as mk

    escaped = mk.text(words)  # as the Markdown writes it: "2026\-12\-05\.2"
    assert f"| Data edition | [{escaped}]({site_url(ROOT)}editions/): " in out
    code, out, _err = run_cli(["course", "courses/hbo-jobcoach-duaal.yaml"], ROOT)  # a Dutch course: Dutch pages
    assert f"Alle edities             {site_url(ROOT)}nl/editions/" in out


def test_a_report_of_unreleased_changes_names_the_edition_they_came_after(tmp_path: Path) -> None:
    import shutil

    project = tmp_path / "p"
    shutil.copytree(ROOT / "tests" / "cases" / "base", project)
    shutil.copytree(ROOT / "schemas", project / "schemas")
    course = "courses/good.yaml"

    def edition() -> dict[str, Any]:
        code, out, err = run_cli(["course", course, "--format", "json"], project)
        assert code in (0, 1), err
        found: dict[str, Any] = json.loads(out)["edition"]
        return found

    assert (edition()["id"], edition()["after"], edition()["url"]) == (None, None, None)  # no edition, no site
    assert run_cli(["edition", "freeze", "2026-01-01"], project)[0] == 0
    assert (edition()["id"], edition()["after"]) == ("2026-01-01", None)
    knowledge = project / "standards" / "demo" / "knowledge.yaml"
    text = knowledge.read_text(encoding="utf-8")
    declared = (
        '    changes:\n      - {since: "2026-01-01", date: "2026-02-01", kind: reword, affects_assessment: false}\n'
    )
    text = text.replace("Knows the first thing.", "Knows the first thing well.", 1)
    knowledge.write_text(text.replace('    label: "K1"\n', '    label: "K1"\n' + declared, 1), encoding="utf-8")
    assert (edition()["id"], edition()["after"]) == (None, "2026-01-01")
    _code, out, _err = run_cli(["course", course], project)
    assert "changes made after edition 2026-01-01, not yet in an edition" in " ".join(out.split())


def test_every_command_exits_1_on_broken_data_and_the_codes_are_one_table(tmp_path: Path) -> None:
    """code.md finding 8: with broken standards, check, export and urls exited 1 but course exited 2."""
    from generator.diagnostics.exit_codes import ExitCode

    from .conftest import copy_project

    root = copy_project(tmp_path / "project")
    framework = root / "standards/coaching-professional/framework.yaml"
    framework.write_text(framework.read_text(encoding="utf-8").replace("checked_on:", "checked_onn:"), encoding="utf-8")
    for command in (
        ["check"],
        ["export", "--format", "json", "--out", "out"],
        ["urls"],
        ["course", "courses/hbo-jobcoach-duaal.yaml"],
    ):
        code, _out, err = run_cli(command, root)
        assert code == ExitCode.PROBLEMS == 1, (command, err)
        assert "Traceback" not in err
    assert [int(c) for c in ExitCode] == [0, 1, 2, 130, 143]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Exit codes") :]
    assert all(f"| {int(c)} |" in table for c in ExitCode)


def test_check_and_course_share_the_reference_rule(tmp_path: Path) -> None:
    """code.md finding 2: a typo in `targets` and a group id in `covers` of a course in courses/ are errors for
    `coachref check` too, with the same place and words as `coachref course` gives (one rule,
    validate/rules/references.py)."""
    from tests.conftest import copy_project

    root = copy_project(tmp_path / "project")
    source = (ROOT / "tests/cases/course-check/ksb-compliant.yaml").read_text(encoding="utf-8")
    broken = source.replace('targets: ["ST0809:ksb-coverage"]', 'targets: ["ST0809:ksb-coverag"]')
    broken = broken.replace('covers: ["ST0809:K1"]', 'covers: ["BVJN:visie"]')
    (root / "courses/broken.yaml").write_text(broken.replace("../../../schemas", "../schemas"), encoding="utf-8")
    code, out, err = run_cli(["check"], root)
    assert code == 1
    checked = out + err
    course_code, _out, coursed = run_cli(["course", "courses/broken.yaml"], root)
    assert course_code == 1
    problem_lines = [line for line in coursed.splitlines() if "error[" in line]
    assert len(problem_lines) == 2 and "is not the id of a requirement set" in problem_lines[0]
    assert '"BVJN:visie" is a group, not an item' in problem_lines[1]
    for line in problem_lines:
        assert line in checked.splitlines()


def test_the_limits_are_python_s_alone() -> None:
    """Bounded work (issue 19 item 3): each limit is one number in course/limits.py; the check page gets the table
    in data.json and its scripts never write a number of it (in any spelling)."""
    from generator.course.bundle import bundle
    from generator.course.limits import LIMITS
    from generator.pipeline import load_model

    checked = load_model(ROOT)
    assert checked.model is not None
    assert bundle(checked.model, ROOT)["limits"] == LIMITS
    scripts = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "docs/assets/javascripts/course-check").glob("*.js"))
        if p.name != "difflib.js"  # a port of Python's difflib, with its own constants
    )
    for name, value in LIMITS.items():
        for spelling in {str(value), f"{value:,}", f"{value:_}", f"{value:.0e}".replace("+0", "")}:
            assert not re.search(rf"(?<![\w.,]){re.escape(spelling)}(?![\w,])", scripts), (name, spelling)


def test_the_yaml_template_sets_no_language_and_points_to_the_check_page() -> None:
    """ux.md 17: the template said `language: en`, so a Dutch provider's outcomes were marked English, and it sent
    readers to `coachref course` and to a path the site does not have (courses/template.xlsx)."""
    text = (ROOT / "courses/template.yaml").read_text(encoding="utf-8")
    assert "language" not in yaml.safe_load(text)
    comments = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    assert '"Check a course"' in comments and '"Een opleiding toetsen"' in comments
    assert "courses/template.xlsx" not in text


def test_the_xlsx_templates_id_drop_downs_say_that_several_ids_may_be_typed() -> None:
    """ux.md 17: the covers and targets drop-downs offer one id at a time; a note on the cell says how to give several
    (the reader splits on spaces, commas and semicolons)."""
    from openpyxl import load_workbook

    from generator.pipeline import load_model

    model = load_model(ROOT).model
    assert model is not None
    wb = load_workbook(io.BytesIO(write_template_xlsx(model)))
    prompts = {
        (ws.title, str(d.sqref)): d.prompt
        for ws in wb.worksheets
        for d in ws.data_validations.dataValidation
        if d.prompt
    }
    assert set(prompts) == {("course", "B11"), ("outcomes", "E2:E1000")}
    assert all("space or a comma" in p and "spatie of een komma" in p for p in prompts.values())
