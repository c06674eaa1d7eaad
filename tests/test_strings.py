"""The interface-string catalogues: same keys in both languages, no silent fallback, a label for every enum value
that reaches a page or report, and no dead keys."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.render import strings
from generator.render.site.downloads import FORMATS
from generator.render.strings import CatalogueError, MissingString, t, tn

from .helpers import ROOT

CATALOGUE = strings.catalogue()

#: Schema enums whose values reach a page or report -> the catalogue prefixes that label each value.
LABELLED = {
    ("common", "/$defs/textKind"): ("kind.", "kind-note.", "case.kind-note."),
    ("common", "/$defs/confidence"): ("confidence.",),
    ("course", "/properties/level"): ("level.",),
    ("framework", "/properties/status"): ("status.",),
    ("framework", "/properties/official_languages/items"): ("lang.",),
    ("group", "/$defs/item/properties/status"): ("item-status.",),
    ("workbook", "/$defs/entry/properties/status"): ("wb-state.",),
    ("common", "/$defs/changes/items/properties/kind"): ("change-kind.",),
    ("requirements", "/properties/conditions/items/properties/basis"): ("report.basis.",),
    ("delta", "/$defs/item/properties/kind"): ("delta.kind.",),
    ("delta", "/$defs/row/properties/kind"): ("delta.row.",),
    ("twin", "/$defs/reconfirm/properties/kind"): ("delta.kind.",),  # in the reason on pages and in exports
    ("delta", "/$defs/requirementSet/properties/kind"): ("delta.row.",),  # added, changed, removed: as rows
    ("delta", "/$defs/requirementSet/properties/fields/items"): ("delta.requirement.",),
}
#: Enum values in LABELLED that never show: why.
UNSHOWN_VALUES = {
    ("group", "/$defs/item/properties/status", "available"): "an available item is the normal case; no label shows"
}
#: Schema enums (and consts) that never reach a page or report as a label: why.
UNLABELLED = {
    ("twin", "/properties/kind"): "twins and their catalogue are read by programs, never shown as labels",
    ("twin", "/properties/lang"): "as above",
    ("twin", "/$defs/ref/properties/kind"): "as above: the text kinds, labelled where the data defines them",
    ("twin", "/$defs/text/properties/kind"): "as above",
    ("twin", "/properties/status_panel/items/properties/kind"): "as above",
    ("twin", "/properties/status_panel/items/properties/confidence"): "as above: confidence, labelled where the data "
    "defines it (common.schema.json)",
    ("catalogue", "/properties/twins/items/properties/kind"): "as above",
    ("catalogue", "/properties/twins/items/properties/lang"): "as above",
    ("course", "/properties/language"): "the course's own language: carried in the JSON report only, as data",
    ("export", "/$defs/group/properties/role"): "a group's role drives which pages exist; it is never shown as a label",
    ("export", "/properties/format"): "the version tag of our JSON download, read by programs",
    ("workbook", "/properties/format"): "marks a workbook file, read by the workbook script",
    ("workbook", "/properties/version"): "the version of the workbook file format, read by the workbook script",
    ("export", "/$defs/item/properties/status"): "export.schema.json describes our output; the input enum is labelled",
    ("export", "/$defs/framework/properties/official_languages/items"): "as above: describes output",
    ("relations", "/properties/relations/items/properties/case_type"): "CASE vocabulary, written as is into exports",
    ("requirements", "/$defs/rule/oneOf/0/properties/type"): "rule type: the report shows the condition's statement",
    ("requirements", "/$defs/rule/oneOf/1/properties/type"): "as above",
    ("requirements", "/$defs/rule/oneOf/3/properties/type"): "as above",
    ("export", "/$defs/requirementSet/properties/conditions/items/properties/basis"): "describes output; the input "
    "enum is labelled",
    ("requirements", "/$defs/rule/oneOf/2/properties/type"): "as above",
    ("delta", "/properties/lang"): "as for twins: the language of a file read by programs",
    ("delta", "/$defs/framework/properties/kind"): "always 'changed': the delta page names the fields that changed",
    ("framework", "/properties/facts/items/if/properties/panel"): "a condition (a panel fact needs its confidence), "
    "not a value shown",
}


def _enums(node: Any, pointer: str = "") -> Iterator[tuple[str, list[Any]]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield pointer, list(node["enum"])
        if "const" in node:
            yield pointer, [node["const"]]
        for key, value in node.items():
            yield from _enums(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _enums(value, f"{pointer}/{i}")


def _schema_enums() -> dict[tuple[str, str], list[Any]]:
    out = {}
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        for pointer, values in _enums(json.loads(path.read_text(encoding="utf-8"))):
            out[(path.name.removesuffix(".schema.json"), pointer)] = values
    return out


def test_both_languages_have_the_same_keys_and_no_empty_text() -> None:
    assert set(CATALOGUE["en"]) == set(CATALOGUE["nl"])
    assert all(text.strip() for table in CATALOGUE.values() for text in table.values())


def _write(folder: Path, en: str, nl: str) -> Path:
    (folder / "en.yaml").write_text(en, encoding="utf-8")
    (folder / "nl.yaml").write_text(nl, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("en", "nl", "message"),
    [
        ('a: "A"\nb: "B"\n', 'a: "A"\n', r"nl\.yaml: missing 1 key\(s\) that en\.yaml has: b"),
        ('a: "A"\n', 'a: "A"\nc: "C"\n', r"en\.yaml: missing 1 key\(s\) that nl\.yaml has: c"),
        ('a: "{n} A"\n', 'a: "{m} A"\n', "a: the placeholders differ"),
        ('a: "A"\na: "B"\n', 'a: "A"\n', "key given twice: a"),
        ("- a\n", 'a: "A"\n', "must be a flat table"),
    ],
)
def test_a_catalogue_that_disagrees_stops_loading(tmp_path: Path, en: str, nl: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        strings.load(_write(tmp_path, en, nl))


def test_an_unknown_key_is_an_error_not_a_fallback() -> None:
    with pytest.raises(MissingString, match=r"'status\.archived' is not in generator/render/strings/nl\.yaml"):
        t("status.archived", "nl")


def test_plural_forms_are_chosen_by_count() -> None:
    assert [tn("report.outcomes-n", n, "en") for n in (0, 1, 2)] == [
        "0 learning outcomes",
        "1 learning outcome",
        "2 learning outcomes",
    ]
    assert tn("report.outcomes-n", 1, "nl") == "1 leerresultaat"
    assert tn("items-n", 1, "en") == "1 item"
    assert t("crosswalk-caption", "en", n=3, left="A", right="B") == "3 mappings from A to B"


def test_every_enum_is_labelled_or_excused() -> None:
    enums = _schema_enums()
    assert set(enums) == set(LABELLED) | set(UNLABELLED), "decide for each new enum: label it, or say why not"
    missing = [
        f"{prefix}{value} ({lang})"
        for key, prefixes in LABELLED.items()
        for value in enums[key]
        for prefix in prefixes
        for lang in ("en", "nl")
        if (*key, value) not in UNSHOWN_VALUES and f"{prefix}{value}" not in CATALOGUE[lang]
    ]
    assert not missing


def test_every_key_is_used() -> None:
    scripts = sorted((ROOT / "docs/assets/javascripts/course-check").glob("*.js"))  # the check page's own strings
    source = "\n".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "generator").rglob("*.py"), *scripts])
    report = "\n".join(  # the report's s("key") calls
        (ROOT / "generator/course" / name).read_text(encoding="utf-8") for name in ("render.py", "report_words.py")
    )
    families = {prefix for prefixes in LABELLED.values() for prefix in prefixes}
    families |= {f"format.{fmt}" for fmt in FORMATS}

    def used(key: str) -> bool:
        base = re.sub(r"\.(one|other)$", "", key)
        if re.search(rf"[\"']{re.escape(base)}[\"']", source):
            return True
        if key.startswith("report."):
            return bool(re.search(rf"[\"']{key.removeprefix('report.').replace('-', '_')}[\"']", report))
        return any(key.startswith(f) for f in families)

    assert [key for key in CATALOGUE["en"] if not used(key)] == []


@pytest.mark.site
@pytest.mark.parametrize("command", [["export", "--format", "case", "--out", "out"], ["build"]])
def test_a_missing_string_stops_export_and_build_with_its_name(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import copy_project
    from tests.helpers import run_cli

    root = copy_project(tmp_path / "project")
    tables = {lang: dict(table) for lang, table in strings.catalogue().items()}
    del tables["nl"]["case.group-type"]
    monkeypatch.setattr(strings, "catalogue", lambda: tables)
    code, _out, err = run_cli(command, root)
    assert code == 1
    assert "Traceback" not in err
    assert "interface string 'case.group-type' is not in generator/render/strings/nl.yaml" in err
    assert not (root / "site").exists() and not (root / "out").exists()


def test_every_problem_code_has_its_dutch_wording() -> None:
    """The check page words a problem in its reader's language from diagnostics/codes.py: every code in both."""
    from generator.diagnostics.codes import CODES
    from generator.diagnostics.codes_nl import CODES_NL

    assert list(CODES_NL) == list(CODES)
    assert all(wrong.strip() and fix.strip() for wrong, fix in CODES_NL.values())
