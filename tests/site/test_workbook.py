"""The workbook page as built: it exists for frameworks with ksb groups only, its script and styles load on it
alone, its embedded cross-framework data agrees with the crosswalk YAML read with plain PyYAML, its edition hash
follows the data, and its script stays within the budget."""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model.types import Model
from generator.render import markup as mk
from generator.render.site import workbook_data

from ..conftest import PROJECT, BuiltSite

pytestmark = pytest.mark.site

PAGE = "coaching-professional/workbook/index.html"
BUDGET_GZIP = 50 * 1024


def data_of(html: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="cr-workbook-data">(.*?)</script>', html, re.S)
    assert found, "the page embeds no workbook data"
    return dict(json.loads(found.group(1)))


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _expected_cross(root: Path, fw_id: str) -> list[dict[str, Any]]:
    """Straight from the YAML: per mapping file with `fw_id` on one side, the other side's compared items in file
    order, each with the workbook items mapped to it and the relation read from its side, strongest first."""
    standards = root / "standards"
    vocab = _yaml(standards / "relations.yaml")["relations"]
    strength = {r["id"]: (-r["strength"], n) for n, r in enumerate(vocab)}
    inverse = {r["id"]: r["inverse"] for r in vocab}
    frameworks = {(d := _yaml(f))["id"]: (f.parent, d) for f in standards.glob("*/framework.yaml")}
    folder, mine = frameworks[fw_id]
    ksb_items = [i["id"] for stem in mine["roles"]["ksb"] for i in _yaml(folder / f"{stem}.yaml")["items"]]
    views = []
    for path in sorted(standards.glob("mappings/*.yaml")):
        mapping = _yaml(path)
        if fw_id not in (mapping["source"], mapping["target"]):
            continue
        other_is_target = mapping["source"] == fw_id
        other = mapping["target"] if other_is_target else mapping["source"]
        other_folder, other_fw = frameworks[other]
        compared = mapping["compared"]["target" if other_is_target else "source"]
        items = [
            i["id"]
            for stem in other_fw["groups"]
            if f"{other}:{stem}" in compared
            for i in _yaml(other_folder / f"{stem}.yaml")["items"]
        ]
        rows = []
        for item in items:
            found = [
                (
                    (m["source"] if other_is_target else m["target"]),
                    inverse[m["relation"]] if other_is_target else m["relation"],
                )
                for m in mapping["mappings"]
                if (m["target"] if other_is_target else m["source"]) == item
            ]
            found = [c for c in found if c[0] in ksb_items]
            found.sort(key=lambda c: (strength[c[1]], ksb_items.index(c[0])))
            rows.append({"id": item, "candidates": [list(c) for c in found]})
        views.append({"other": other, "items": rows})
    return views


@pytest.mark.parametrize("lang", ["", "nl/"])
def test_cross_framework_data_agrees_with_the_crosswalk_yaml(built_site: BuiltSite, lang: str) -> None:
    data = data_of((built_site.site / lang / PAGE).read_text(encoding="utf-8"))
    shown = sorted(
        (
            {"other": v["other"], "items": [{"id": x["id"], "candidates": x["candidates"]} for x in v["items"]]}
            for v in data["cross"]
        ),
        key=lambda v: v["other"],
    )
    expected = sorted(_expected_cross(built_site.root, "ST0809"), key=lambda v: v["other"])
    assert [v["other"] for v in shown] == ["BVJN", "CLCAS"]
    assert shown == expected
    assert any(c for v in shown for x in v["items"] for c in x["candidates"]), "no mapping reached the view"


def test_a_workbook_exactly_for_frameworks_with_ksb_groups(built_site: BuiltSite) -> None:
    for framework in sorted((built_site.root / "standards").glob("*/framework.yaml")):
        has_ksb = bool((_yaml(framework).get("roles") or {}).get("ksb"))
        for lang in ("", "nl/"):
            assert (built_site.site / lang / framework.parent.name / "workbook" / "index.html").is_file() == has_ksb


def test_script_and_styles_load_on_workbook_pages_only(built_site: BuiltSite) -> None:
    tag = re.compile(r'<script src="[^"]*/workbook\.js"|<link rel="stylesheet" href="[^"]*/workbook\.css"')
    loading = sorted(
        p.relative_to(built_site.site).as_posix()
        for p in built_site.site.rglob("*.html")
        if tag.search(p.read_text(encoding="utf-8"))
    )
    assert loading == ["coaching-professional/workbook/index.html", "nl/coaching-professional/workbook/index.html"]


def test_the_nav_lists_the_workbook_next_to_the_checklist(built_site: BuiltSite) -> None:
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    checklist, book = (
        html.find('href="coaching-professional/checklist/"'),
        html.find('href="coaching-professional/workbook/"'),
    )
    assert 0 < checklist < book


def test_the_edition_hash_follows_the_items(model: Model) -> None:
    fw = model.framework["ST0809"]
    before = workbook_data.edition(model, fw)
    item = fw.groups[[g.role for g in fw.groups].index("ksb")].items[0]
    changed = dataclasses.replace(item, statement=dataclasses.replace(item.statement, en=item.statement.en + " More."))
    group = next(g for g in fw.groups if item in g.items)
    new_group = dataclasses.replace(group, items=(changed, *group.items[1:]))
    new_fw = dataclasses.replace(fw, groups=tuple(new_group if g is group else g for g in fw.groups))
    after = workbook_data.edition(
        dataclasses.replace(model, frameworks=tuple(new_fw if f is fw else f for f in model.frameworks)), new_fw
    )
    assert before["hash"] != after["hash"]
    assert isinstance(before["items"], dict) and isinstance(after["items"], dict)
    assert [k for k in before["items"] if before["items"][k] != after["items"][k]] == [item.id]


def test_embedded_json_cannot_end_its_script_element() -> None:
    out = mk.json_script("x", {"t": "</script><script>alert(1)</script> & <!--"})
    assert out.count("</script>") == 1 and "<!--" not in out and "<script>" not in out.split(">", 1)[1]
    assert json.loads(out.split(">", 1)[1].rsplit("</script>", 1)[0]) == {
        "t": "</script><script>alert(1)</script> & <!--"
    }


def test_the_workbook_script_stays_within_its_budget(built_site: BuiltSite) -> None:
    script = (PROJECT / "docs/assets/javascripts/workbook.js").read_bytes()
    for lang in ("", "nl/"):
        html = (built_site.site / lang / PAGE).read_text(encoding="utf-8")
        data = re.search(r'<script type="application/json" id="cr-workbook-data">.*?</script>', html, re.S)
        assert data is not None
        total = len(gzip.compress(script, 9)) + len(gzip.compress(data.group(0).encode(), 9))
        assert total <= BUDGET_GZIP, f"{total} bytes gzip"
