"""Valid HTML: the Nu HTML Checker (npm vnu-jar, run with Java) finds no error in our own markup on any page kind,
in either language. What remains from Material's own templates is listed here and in the README."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import PROJECT, BuiltSite

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs Java for the Nu HTML Checker"),
]

VNU = PROJECT / "node_modules/vnu-jar/build/dist/vnu.jar"
#: One page of each kind (as tests/browser/test_browser.py PAGE_KINDS), as files under site/.
PAGES = [
    "index.html",
    "coaching-professional/knowledge/index.html",
    "coaching-professional/knowledge/k1/index.html",
    "coaching-professional/side-by-side/index.html",
    "jobcoach-eindtermen/intake-assessment/a/index.html",
    "mappings/index.html",
    "mappings/st0809--bvjn/index.html",
    "mappings/bvjn--st0809/matrix/index.html",
    "mappings/coverage/index.html",
    "coaching-professional/duties-matrix/index.html",
    "coaching-professional/checklist/index.html",
    "glossary/index.html",
    "frameworks/index.html",
    "coaching-professional/index.html",
    "downloads/index.html",
    "editions/index.html",
    "courses/index.html",
    "courses/draft-jobcoach/index.html",
    "about/index.html",
    "architecture/index.html",
    "clcas-career-coach/eligibility/1/index.html",
]
#: Errors in Material's own base.html (not a block we can override cheaply): (start of message, part of the markup).
MATERIAL = [
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="search"'),
]


def _ours(message: dict[str, str]) -> bool:
    return not any(
        message.get("message", "").startswith(text) and part in message.get("extract", "") for text, part in MATERIAL
    )


def nu_errors(site: Path, files: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors in our own markup of `files` (pages of `site`), one line each."""
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    assert any(not _ours(m) for m in messages), "the checker ran and saw Material's known errors"
    return [
        f"{Path(m['url']).relative_to(site.resolve().as_uri().removeprefix('file:'))}:"
        f"{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and _ours(m)
    ]


@pytest.mark.skipif(not VNU.exists(), reason="run `npm ci` for vnu-jar (node_modules/vnu-jar)")
def test_the_nu_checker_finds_no_error_in_our_markup(built_site: BuiltSite) -> None:
    files = [built_site.site / p for p in PAGES] + [built_site.site / "nl" / p for p in PAGES]
    files.append(built_site.site / "404.html")
    assert nu_errors(built_site.site, files) == []
