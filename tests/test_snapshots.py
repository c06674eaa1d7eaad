"""Snapshots of the generated site sources. A few representative pages of the real project are kept whole in
tests/snapshots/pages/, so a change shows as a readable diff. Every file `render_all` produces for the small fixture
project (tests/cases/base/: two frameworks, a crosswalk, a course) is pinned by its SHA-256 in
tests/snapshots/fixture-manifest.txt: a refactor that changes any generated file fails, and an edit to the real data
does not touch the pins. A failure names the files that changed, were added or went missing.

A refactor must leave both unchanged. When a change to the output is meant, regenerate them with
`python -m pytest tests/test_snapshots.py --update-snapshots` and commit the diff with the change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.pipeline import load_model
from generator.render.site.generate import render_all

from .conftest import fixture_project
from .helpers import real_pages

HERE = Path(__file__).resolve().parent / "snapshots"
MANIFEST = HERE / "fixture-manifest.txt"
PAGES = HERE / "pages"
#: One page of each kind, in both languages (the manifest covers every other file).
REPRESENTATIVE = (
    "frameworks",
    "glossary",
    "mappings",
    "mappings/coverage",
    "mappings/st0809--bvjn/index",
    "mappings/st0809--bvjn/matrix",
    "coaching-professional/index",
    "coaching-professional/side-by-side",
    "coaching-professional/checklist",
    "coaching-professional/duties-matrix",
    "coaching-professional/knowledge/index",
    "coaching-professional/knowledge/k1",
    "jobcoach-eindtermen/jobfinding/f",
    "clcas-career-coach/commitments/1-1",
    "downloads",
    "editions",
    "courses",
    "courses/hbo-jobcoach-duaal",
    "courses/draft-jobcoach",
    "courses/uk-coaching-professional-l5",
)


def _digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return f"{hashlib.sha256(data).hexdigest()}  {len(data):>8}"


def _render(root: Path) -> dict[str, str | bytes]:
    checked = load_model(root)
    assert checked.model is not None, [p.as_line() for p in checked.errors]
    return render_all(checked.model, root, checked.courses, checked.editions)


@pytest.fixture(scope="module")
def rendered() -> dict[str, str | bytes]:
    return real_pages()


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | bytes]:
    return _render(fixture_project(tmp_path_factory.mktemp("snapshot") / "p"))


def _manifest(files: dict[str, str | bytes]) -> dict[str, str]:
    return {name: _digest(files[name]) for name in sorted(files)}


def _read_manifest() -> dict[str, str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return {line[line.rindex("  ") + 2 :]: line[: line.rindex("  ")] for line in lines}


def test_the_representative_pages_match_their_snapshots(
    rendered: dict[str, str | bytes], request: pytest.FixtureRequest
) -> None:
    wanted = {f"{stem}.{lang}.md" for stem in REPRESENTATIVE for lang in ("en", "nl")}
    assert wanted <= set(rendered), sorted(wanted - set(rendered))
    if request.config.getoption("--update-snapshots"):
        for old in PAGES.rglob("*.md") if PAGES.is_dir() else ():
            old.unlink()
        for name in sorted(wanted):
            target = PAGES / name
            target.parent.mkdir(parents=True, exist_ok=True)
            content = rendered[name]
            assert isinstance(content, str)
            target.write_text(content, encoding="utf-8")
    for name in sorted(wanted):
        assert rendered[name] == (PAGES / name).read_text(encoding="utf-8"), name


def test_every_file_of_the_fixture_project_matches_its_pin(
    fixture_files: dict[str, str | bytes], request: pytest.FixtureRequest
) -> None:
    now = _manifest(fixture_files)
    if request.config.getoption("--update-snapshots"):
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        MANIFEST.write_text("".join(f"{digest}  {name}\n" for name, digest in now.items()), encoding="utf-8")
    pinned = _read_manifest()
    changed = sorted(name for name in now.keys() & pinned.keys() if now[name] != pinned[name])
    added, missing = sorted(now.keys() - pinned.keys()), sorted(pinned.keys() - now.keys())
    assert not (changed or added or missing), f"changed: {changed}\nadded: {added}\nmissing: {missing}"
