"""URLs that never break, end to end on a copy of the real project: rename one item (ST0809:K2 -> ST0809:K2a) and
remove another (BVJN:definitions:assessment). Without `retired:` entries the check fails at the ledger's lines;
with them the check passes, the old addresses become pages that name the successor (both languages, noindex,
canonical at the successor, out of the search index), and a course file that still points at the old id is told
its successor."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ..conftest import PROJECT, BuiltSite, copy_project, mkdocs_build
from ..helpers import run_cli

pytestmark = pytest.mark.site

SITE_URL = "https://coachref.example.org/"
OLD, NEW, GONE = (
    "coaching-professional/knowledge/k2/",
    "coaching-professional/knowledge/k2a/",
    "jobcoach-eindtermen/definitions/assessment/",
)

COURSE = """# yaml-language-server: $schema=../schemas/course.schema.json
provider: "Old school"
programme: "A programme written before the rename"
version: "2025"
language: en
level: hbo-bachelor
mode:
  dual: true
  practice_hours: 200
modules:
  - id: "m1"
    title: "Foundations"
    outcomes:
      - id: "o1"
        text: "Knows about the history of coaching."
        covers: ["ST0809:K2"]
"""


def _edit(path: Path, old: str, new: str, count: int = -1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _retire_and_rename(root: Path) -> None:
    std = root / "standards"
    _edit(std / "coaching-professional/knowledge.yaml", '"ST0809:K2"', '"ST0809:K2a"')
    for path in sorted([*std.rglob("*.yaml"), *(root / "courses").glob("*.yaml")]):  # as an editor renames: everywhere
        if '"ST0809:K2"' in path.read_text(encoding="utf-8"):
            _edit(path, '"ST0809:K2"', '"ST0809:K2a"')
    defs = std / "jobcoach-eindtermen/definitions.yaml"
    text = defs.read_text(encoding="utf-8")
    start = text.index('  - id: "BVJN:definitions:assessment"')
    defs.write_text(text[:start] + text[text.index("  - id:", start + 1) :], encoding="utf-8")


def _add_retired_entries(root: Path) -> None:
    std = root / "standards"
    with (std / "coaching-professional/knowledge.yaml").open("a", encoding="utf-8") as f:
        f.write('retired:\n  - id: "ST0809:K2"\n    replaced_by: "ST0809:K2a"\n    date: "2026-11-30"\n')
    with (std / "jobcoach-eindtermen/definitions.yaml").open("a", encoding="utf-8") as f:
        f.write(
            'retired:\n  - id: "BVJN:definitions:assessment"\n    date: "2026-11-30"\n    reason:\n'
            '      en: "The term is explained in the intake and assessment group now."\n'
            '      nl: "Het begrip wordt nu uitgelegd bij de groep intake en assessment."\n'
            "      kind: {en: summary, nl: summary}\n"
        )


@pytest.fixture(scope="module")
def retired_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = copy_project(tmp_path_factory.mktemp("retired"))
    shutil.copy2(PROJECT / "published-urls.txt", root / "published-urls.txt")
    _retire_and_rename(root)
    code, out, _ = run_cli(["check"], root)
    lost = re.findall(r'^published-urls\.txt:\d+:1: error\[url-dropped\] .*"(.+)"$', out, re.M)
    assert code == 1 and sorted(lost) == sorted([OLD, "nl/" + OLD, GONE, "nl/" + GONE]), out
    assert mkdocs_build(root, root / "site").returncode != 0  # the build refuses too
    _add_retired_entries(root)
    (root / "courses" / "old.yaml").write_text(COURSE, encoding="utf-8")
    code, out, _ = run_cli(["check"], root)
    assert "url-dropped" not in out
    assert re.search(
        r'^courses/old\.yaml:\d+:\d+: error\[retired-reference\] "ST0809:K2" was retired on 2026-11-30 '
        r'and replaced by "ST0809:K2a" \(standards/coaching-professional/knowledge\.yaml:\d+\)',
        out,
        re.M,
    )
    assert '    hint: write "ST0809:K2a" instead' in out
    assert code == 1 and out.count("error[") == 1, out
    (root / "courses" / "old.yaml").unlink()
    assert run_cli(["urls"], root)[0] == 0
    done = mkdocs_build(root, root / "site")
    assert done.returncode == 0, done.stderr
    return BuiltSite(root, root / "site", done.stderr)


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_a_renamed_item_leaves_a_page_that_names_its_successor(retired_site: BuiltSite, prefix: str) -> None:
    html = (retired_site.site / prefix / OLD / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    assert '<meta name="robots" content="noindex">' in head
    assert re.findall(r'<link rel="canonical" href="([^"]+)">', head) == [SITE_URL + prefix + NEW]
    assert 'href="../k2a/"' in html and "ST0809:K2a" in html
    assert ("It is now:" if prefix == "" else "Het is nu:") in html
    assert (retired_site.site / prefix / NEW / "index.html").is_file()


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_a_removed_item_leaves_a_page_that_says_why(retired_site: BuiltSite, prefix: str) -> None:
    html = (retired_site.site / prefix / GONE / "index.html").read_text(encoding="utf-8")
    assert ("intake and assessment group now" if prefix == "" else "groep intake en assessment") in html
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == [SITE_URL + prefix + "jobcoach-eindtermen/definitions/"]


def test_retired_pages_are_not_in_the_search_index(retired_site: BuiltSite) -> None:
    index = json.loads((retired_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#", 1)[0] for d in index["docs"]}
    assert NEW in locations and "nl/" + NEW in locations  # the index does hold the successor
    assert not {OLD, "nl/" + OLD, GONE, "nl/" + GONE} & locations
