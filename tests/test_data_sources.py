"""Values with one source are read from it: relation marks and colours, course levels, the site's address."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook  # type: ignore[import-untyped]

from generator.config import site_url
from generator.course.template import write_template_xlsx
from generator.pipeline import load_model
from generator.render.site.generate import render_all

from .conftest import fixture_project
from .helpers import ROOT, model_of


def test_relation_marks_and_colours_come_from_relations_yaml(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "p")
    checked = load_model(root)
    assert checked.model is not None
    model = checked.model
    relations = yaml.safe_load((root / "standards" / "relations.yaml").read_text(encoding="utf-8"))["relations"]
    assert [(r.id, r.mark, r.colour) for r in model.relations] == [(r["id"], r["mark"], r["colour"]) for r in relations]
    # change one relation's mark and colour in the model: the pages follow, nothing else supplies them
    related = model.relation["close"]
    changed = dataclasses.replace(
        model,
        relations=tuple(
            dataclasses.replace(r, mark="≀", colour="#123456") if r is related else r for r in model.relations
        ),
    )
    pages = render_all(changed, root)
    matrix = str(pages["mappings/demo--other/matrix.en.md"])
    coverage = str(pages["mappings/coverage.en.md"])
    assert '<span class="cr-mark" aria-hidden="true">≀</span>' in matrix
    assert '<span class="cr-mark" aria-hidden="true">≈</span>' not in matrix
    assert "background:#123456" in coverage and "background:#3949ab" not in coverage


def test_the_course_template_offers_the_schema_levels_and_languages() -> None:
    schema = json.loads((ROOT / "schemas" / "course.schema.json").read_text(encoding="utf-8"))
    sheet = load_workbook(io.BytesIO(write_template_xlsx(model_of(ROOT))))["course"]
    lists = sorted(v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list")
    for field in ("level", "language"):
        assert '"' + ",".join(schema["properties"][field]["enum"]) + '"' in lists


def test_site_url_reads_mkdocs_yml_with_mkdocs_tags(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: https://example.net/ref\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  key: !ENV [SOME_KEY, none]\n",
        encoding="utf-8",
    )
    assert site_url(tmp_path) == "https://example.net/ref/"


def test_site_url_must_be_an_address(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="site_url must be an http"):
        site_url(tmp_path)
