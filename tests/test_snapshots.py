"""Snapshots of the generated site sources: every file `render_all` produces for the real project is pinned by
its SHA-256 in tests/snapshots/manifest.txt, and a few representative pages are kept whole in
tests/snapshots/pages/ so a change shows as a readable diff.

A refactor must leave both unchanged. When a change to the output is meant, regenerate them with
`python -m pytest tests/test_snapshots.py --update-snapshots` and commit the diff with the change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.pipeline import load_model
from generator.render.site.generate import render_all

from .conftest import PROJECT

HERE = Path(__file__).resolve().parent / "snapshots"
MANIFEST = HERE / "manifest.txt"
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


@pytest.fixture(scope="module")
def rendered() -> dict[str, str | bytes]:
    checked = load_model(PROJECT)
    assert checked.model is not None, checked.errors
    return render_all(checked.model, PROJECT, checked.courses, checked.editions)


def test_every_generated_file_matches_its_snapshot(
    rendered: dict[str, str | bytes], request: pytest.FixtureRequest
) -> None:
    manifest = "".join(f"{_digest(rendered[name])}  {name}\n" for name in sorted(rendered))
    wanted = {f"{stem}.{lang}.md" for stem in REPRESENTATIVE for lang in ("en", "nl")}
    assert wanted <= set(rendered), sorted(wanted - set(rendered))
    if request.config.getoption("--update-snapshots"):
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        MANIFEST.write_text(manifest, encoding="utf-8")
        for old in PAGES.rglob("*.md") if PAGES.is_dir() else ():
            old.unlink()
        for name in sorted(wanted):
            target = PAGES / name
            target.parent.mkdir(parents=True, exist_ok=True)
            content = rendered[name]
            assert isinstance(content, str)
            target.write_text(content, encoding="utf-8")
    for name in sorted(wanted):  # readable diffs first
        assert rendered[name] == (PAGES / name).read_text(encoding="utf-8"), name
    assert manifest == MANIFEST.read_text(encoding="utf-8")
