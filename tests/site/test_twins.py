"""Machine-readable twins of the built site: every framework, group, item and crosswalk page links a JSON twin that
validates against schemas/twin.schema.json; the catalogue lists them all; the schema.org JSON-LD of every item page
says what the YAML says (read here with plain PyYAML, not through the generator)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from ..conftest import BuiltSite

pytestmark = pytest.mark.site

_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
_ALTERNATE = re.compile(r'<link rel="alternate" type="application/json" href="([^"]+)">')


def _validator(root: Path, name: str) -> Draft202012Validator:
    return Draft202012Validator(
        json.loads((root / "schemas" / name).read_text(encoding="utf-8")), format_checker=FormatChecker()
    )


def _site_url(root: Path) -> str:
    return str(re.findall(r"^site_url: (\S+)$", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[0])


def _items(root: Path) -> dict[str, tuple[dict[str, Any], dict[str, Any], str]]:
    """Item id -> (item, group file data, framework folder), for groups whose items have pages."""
    out = {}
    for path in sorted((root / "standards").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.parent.name == "mappings" or path.stem in ("framework", "requirements"):
            continue
        if data.get("item_pages") is False:
            continue
        for item in data["items"]:
            out[item["id"]] = (item, data, path.parent.name)
    return out


@pytest.fixture(scope="module")
def catalogue(built_site: BuiltSite) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site.site / "catalogue.json").read_text(encoding="utf-8"))
    return data


def test_catalogue_is_valid_and_its_edition_is_the_data(built_site: BuiltSite, catalogue: dict[str, Any]) -> None:
    root = built_site.root
    errors = [e.message for e in _validator(root, "catalogue.schema.json").iter_errors(catalogue)]
    assert errors == []
    digest = hashlib.sha256()
    for path in sorted(p for p in (root / "standards").rglob("*") if p.is_file()):
        digest.update(path.relative_to(root / "standards").as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    assert catalogue["edition"]["hash"] == digest.hexdigest()[:12]
    versions = {
        (y := yaml.safe_load(p.read_text(encoding="utf-8")))["id"]: y["version"]
        for p in (root / "standards").glob("*/framework.yaml")
    }
    assert {f["id"]: f["version"] for f in catalogue["edition"]["frameworks"]} == versions
    latest = max(
        (json.loads(p.read_text(encoding="utf-8")) for p in (root / "editions").glob("*.json")),
        key=lambda e: e["sequence"],
    )
    if latest["standards_hash"] == catalogue["edition"]["hash"]:  # the data is that edition: cite it by its id
        assert catalogue["edition"]["id"] == latest["id"] and "after" not in catalogue["edition"]
    else:
        assert catalogue["edition"]["id"] is None and catalogue["edition"]["after"] == latest["id"]


def test_every_twin_validates_and_is_linked_from_its_page(built_site: BuiltSite, catalogue: dict[str, Any]) -> None:
    site, base = built_site.site, _site_url(built_site.root)
    validator = _validator(built_site.root, "twin.schema.json")
    kinds: dict[str, int] = {}
    for entry in catalogue["twins"]:
        twin_file = site / entry["twin"].removeprefix(base)
        twin = json.loads(twin_file.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(twin)] == [], entry["twin"]
        assert (twin["kind"], twin["id"], twin["lang"], twin["url"]) == (
            entry["kind"],
            entry["id"],
            entry["lang"],
            entry["url"],
        )
        page = (site / entry["url"].removeprefix(base) / "index.html").read_text(encoding="utf-8")
        head = page.split("</head>", 1)[0]
        assert _ALTERNATE.findall(head) == ["index.json"], entry["url"]  # beside the page
        kinds[entry["kind"]] = kinds.get(entry["kind"], 0) + 1
    items = _items(built_site.root)
    assert kinds["item"] == 2 * len(items)
    mapping_files = list((built_site.root / "standards" / "mappings").glob("*.yaml"))
    assert kinds["crosswalk"] == 2 * 2 * len(mapping_files)


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("nl", "nl/")])
def test_item_pages_carry_json_ld_that_matches_the_yaml(built_site: BuiltSite, lang: str, prefix: str) -> None:
    site, base = built_site.site, _site_url(built_site.root)
    items = _items(built_site.root)
    found: dict[str, dict[str, Any]] = {}
    for page in sorted((site / prefix).rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if prefix == "" and rel.startswith("nl/"):
            continue
        for block in _JSONLD.findall(page.read_text(encoding="utf-8")):
            data = json.loads(block)
            assert data["url"] == base + rel.removesuffix("index.html")
            found[data["identifier"]] = data
    assert set(found) == set(items)
    for item_id, (item, group, folder) in items.items():
        data = found[item_id]
        assert data["@context"] == "https://schema.org" and data["@type"] == "DefinedTerm"
        assert data["@id"] == f"{base}id/{item_id.replace(':', '/', 1)}"
        assert data["inLanguage"] == lang
        assert data["description"] == item["statement"][lang]
        assert data["url"].startswith(f"{base}{prefix}{folder}/{group['id'].split(':', 1)[1]}/")
        termset = data["inDefinedTermSet"]
        assert termset["@type"] == "DefinedTermSet" and termset["identifier"] == group["id"]
        assert termset["name"].endswith(group["title"][lang])
        assert data["termCode"] == (item["label"] if isinstance(item["label"], str) else item["label"][lang])


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("nl", "nl/")])
def test_twins_carry_the_frameworks_status_as_the_yaml_says(built_site: BuiltSite, lang: str, prefix: str) -> None:
    """A framework's twin holds its status panel (the date we last checked it, its status in a sentence, the facts
    marked `panel` with their confidence); every group and item twin holds the status line of its page, with the
    address of that panel, so a program that cites an item carries the standard's status too."""
    site, base = built_site.site, _site_url(built_site.root)
    for path in sorted((built_site.root / "standards").glob("*/framework.yaml")):
        fw = yaml.safe_load(path.read_text(encoding="utf-8"))
        folder = path.parent.name
        twin = json.loads((site / prefix / folder / "index.json").read_text(encoding="utf-8"))
        assert twin["checked_on"] == fw["checked_on"] and twin["status"] == fw["status"]
        assert twin["status_note"] == {"text": fw["status_note"][lang], "kind": fw["status_note"]["kind"][lang]}
        panel = [f for f in fw["facts"] if f.get("panel")]
        assert panel and [(f["id"], f["label"], f["text"], f.get("confidence")) for f in twin["status_panel"]] == [
            (f["id"], f["label"][lang], f["value"][lang], f.get("confidence")) for f in panel
        ]
        expected = {
            "version": fw["version"],
            "status": fw["status"],
            "checked_on": fw["checked_on"],
            "status_note": twin["status_note"],
            "panel": f"{base}{prefix}{folder}/#status",
        }
        others = [p for p in sorted((site / prefix / folder).rglob("index.json")) if p.parent != site / prefix / folder]
        assert len(others) > 3
        for other in others:
            assert json.loads(other.read_text(encoding="utf-8"))["framework_status"] == expected, other
